import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CommandIO } from '../../src/cli/io.js';

const root = join(import.meta.dirname, '..', '..');

function capture(): CommandIO & { out(): string; err(): string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s), isTTY: false },
    stderr: { write: (s: string) => (err += s), isTTY: false },
    out: () => out,
    err: () => err,
  };
}

async function run(...argv: string[]) {
  const io = capture();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('erscope CLI (in process, real emulator over HTTPS)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'erscope-cli-'));

  it('prints its version and a help listing every command', async () => {
    expect((await run('--version')).out).toBe('erscope 0.1.0\n');
    const help = await run('help');
    for (const c of ['inventory', 'check', 'rules', 'export', 'diff', 'diagnose', 'create', 'emulator']) expect(help.out).toContain(`  ${c}`);
  });

  it.each([
    [['chek'], /unknown command "chek" \(did you mean check\?\)/],
    [['check', '--bogus'], /unknown option --bogus for `erscope check`/],
    [['check', '--fail-on', 'urgent'], /--fail-on must be one of high, medium, low, none \(got "urgent"\)/],
    [['check', '--rule', 'no-such-rule', '--demo'], /unknown rule no-such-rule/],
    [['export', '--depth', '2', '--demo'], /--depth only applies with --focus/],
    [['diff', 'a.json'], /missing argument: usage is `erscope diff OLD.json NEW.json/],
    [['inventory', '--demo', '--snapshot', 'x.json'], /choose one source: --demo and --snapshot/],
    [['inventory', '--snapshot', '/nonexistent/snap.json'], /snap\.json/],
    [['inventory', '--scenario', '/nonexistent/s.json'], /cannot read scenario file \(ENOENT\)/],
    [['inventory', '--endpoint', 'https://127.0.0.1:1'], /--endpoint needs --ca-cert FILE/],
    [['create', 'bridge', '--demo'], /unknown kind "bridge": choose one of connection, er-connection/],
    [['inventory', '--demo', '--reader', 'fast'], /--reader "fast" is not one of auto, graph, arm/],
    [['inventory', '--snapshot', 'x.json', '--reader', 'arm'], /--reader applies to live sources/],
  ])('%j fails with one line and exit 2', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('inventory --demo prints the table and exits 3 because the partner subscription is forbidden', async () => {
    const r = await run('inventory', '--demo');
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/connectivity-hub \(11111111-1111-1111-1111-111111111111\)/);
    expect(r.out).toMatch(/no access\s+\/subscriptions\/33333333/);
    expect(r.err).toMatch(/inventory incomplete/);
  });

  it('inventory reads through Resource Graph by default, through ARM lists with --reader arm, with the same resources', async () => {
    const graph = await run('inventory', '--demo');
    const arm = await run('inventory', '--demo', '--reader', 'arm');
    expect(graph.out.split('\n')[1]).toMatch(/^read via Resource Graph/);
    expect(arm.out.split('\n')[1]).toBe('read via ARM lists');
    // Same table; the issue line differs only in which refused call found the forbidden subscription.
    const body = (out: string) => out.split('\n').slice(2).map((l) => l.replace(/^(  ! forbidden \S+) .*/, '$1'));
    expect(body(graph.out)).toEqual(body(arm.out));
    expect(graph.out).toMatch(/! forbidden \/subscriptions\/33333333-3333-3333-3333-333333333333 \[resourceGroups\]/);
    expect([graph.code, arm.code]).toEqual([3, 3]);
  });

  it('when Resource Graph fails, says so in one stderr note and reads through ARM lists (stdout stays clean JSON)', async () => {
    const src = JSON.parse(readFileSync(join(root, 'src/emulator/scenarios/contoso.json'), 'utf8'));
    src.faults = [...(Array.isArray(src.faults) ? src.faults : []), '403:path=ResourceGraph'];
    const file = join(dir, 'no-arg.json');
    writeFileSync(file, JSON.stringify(src));
    const r = await run('check', '--scenario', file, '--format', 'json', '--fail-on', 'none');
    expect(r.err).toMatch(/^note: Resource Graph unavailable \(.*\); read through ARM lists instead$/m);
    expect(JSON.parse(r.out).findings.length).toBeGreaterThan(10);
  });

  it('check --demo --format json fails on high findings; --fail-on none still reports incompleteness', async () => {
    const r = await run('check', '--demo', '--format', 'json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { summary: { high: number }; findings: Array<{ ruleId: string }> };
    expect(doc.summary.high).toBeGreaterThan(10);
    expect(doc.findings.map((f) => f.ruleId)).toContain('gateway-type-mismatch');
    expect((await run('check', '--demo', '--fail-on', 'none')).code).toBe(3);
  });

  it('runs every command offline from a saved snapshot, and diffs two snapshots', async () => {
    const snap = join(dir, 'snap.json');
    expect((await run('inventory', '--demo', '--format', 'json', '--out', snap)).code).toBe(3);
    const text = readFileSync(snap, 'utf8');
    expect(text).toContain('"schemaVersion": 1');
    expect(text).not.toMatch(/"authorizationKey": "(?!\*\*\*redacted)/);
    const check = await run('check', '--snapshot', snap, '--rule', 'weight-out-of-range', '--format', 'json');
    expect(JSON.parse(check.out).findings).toHaveLength(1);
    const changed = JSON.parse(text);
    changed.nodes = changed.nodes.filter((n: { name: string }) => n.name !== 'cn-lab-neu-er-dub');
    const snap2 = join(dir, 'snap2.json');
    writeFileSync(snap2, JSON.stringify(changed));
    const diff = await run('diff', snap, snap2);
    expect(diff.out).toMatch(/^0 added, 1 removed, 0 changed/);
    expect(diff.out).toMatch(/- Connection cn-lab-neu-er-dub/);
    const unknownSub = await run('inventory', '--snapshot', snap, '--subscription', 'nope');
    expect(unknownSub.err).toMatch(/subscription "nope" is not in the snapshot; known: connectivity-hub/);
  });

  it('without any source and no Azure login, says to run az login (exit 4)', async () => {
    const saved = { ...process.env };
    for (const k of Object.keys(process.env)) if (k.startsWith('AZURE_') || k.startsWith('ERSCOPE_') || k === 'IDENTITY_ENDPOINT' || k === 'MSI_ENDPOINT') delete process.env[k];
    process.env.PATH = '/nonexistent';
    try {
      const r = await run('inventory');
      expect(r.code).toBe(4);
      expect(r.err).toMatch(/run `az login`/);
    } finally {
      process.env = saved;
    }
  });
});

describe('erscope as a process', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'src/build/bundle.mjs')], { cwd: root, stdio: 'ignore' });
  }, 60_000);

  it('the bundled `erscope emulator --demo` serves the demo, and other commands find it through the two printed variables', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [join(root, 'src/bin/erscope.mjs'), 'emulator', '--demo'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const lines = await new Promise<string[]>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const l = out.split('\n');
          if (l.length > 2) resolve(l.slice(0, 2));
        });
        child.once('exit', (code) => reject(new Error(`emulator exited ${code}: ${out}`)));
      });
      expect(lines[0]).toMatch(/^ERSCOPE_ENDPOINT=https:\/\/127\.0\.0\.1:\d+$/);
      expect(lines[1]).toMatch(/^ERSCOPE_CA_CERT=\/.+\.pem$/);
      const env = { ...process.env, [lines[0]!.split('=')[0]!]: lines[0]!.slice(17), [lines[1]!.split('=')[0]!]: lines[1]!.slice(16) };
      const r = spawnSync(process.execPath, [join(root, 'src/bin/erscope.mjs'), 'check', '--rule', 'weight-out-of-range', '--format', 'json'], { encoding: 'utf8', env });
      expect(JSON.parse(r.stdout).findings[0].resourceId).toMatch(/cn-prod-uks-er-lon$/);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('prints no stack trace for bad input', () => {
    const r = spawnSync(process.execPath, [join(root, 'src/bin/erscope.mjs'), 'export', '--format', 'pdf', '--demo'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^erscope export: unknown format "pdf"|^erscope: --format must be one of md, json, html/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('without a terminal, `erscope --demo` prints the inventory table instead of starting the TUI', () => {
    const r = spawnSync(process.execPath, [join(root, 'src/bin/erscope.mjs'), '--demo'], { encoding: 'utf8', input: '' });
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/^erscope inventory: emulator: https:\/\/127\.0\.0\.1:\d+ \(demo: contoso\)/);
    expect(r.stdout).toMatch(/ExpressRoute circuit/);
  });
});
