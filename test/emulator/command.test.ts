import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createArmConnection } from '../../src/arm/clients.js';
import { runEmulatorCommand } from '../../src/cli/commands/emulator.js';
import { S2, SMALL } from './helpers.js';

function fakeIO() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } }, out, err };
}

async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 5));
}

describe('erscope emulator (in-process)', () => {
  it('prints the endpoint and CA lines first, serves, and stops with exit 0', async () => {
    const { io, out } = fakeIO();
    const ac = new AbortController();
    const done = runEmulatorCommand(['--scenario', SMALL, '--page-size', '1', '--fault', 'latency=1'], io, { signal: ac.signal });
    await until(() => out.join('').split('\n').length > 2);
    const [l1, l2] = out.join('').split('\n');
    expect(l1).toMatch(/^ERSCOPE_ENDPOINT=https:\/\/127\.0\.0\.1:\d+$/);
    expect(l2).toMatch(/^ERSCOPE_CA_CERT=\/.+\.pem$/);
    const caPath = l2!.slice('ERSCOPE_CA_CERT='.length);
    const conn = createArmConnection({ endpoint: l1!.slice('ERSCOPE_ENDPOINT='.length), caPem: readFileSync(caPath, 'utf8') });
    const names: string[] = [];
    for await (const a of conn.network(S2).expressRouteCircuitAuthorizations.list('rg-er', 'er-ams')) names.push(a.name!);
    expect(names).toEqual(['auth-hub', 'auth-used']);
    ac.abort();
    expect(await done).toBe(0);
    expect(existsSync(caPath)).toBe(false);
  });

  it('unknown flags and bad values are one-line usage errors (exit 2)', async () => {
    for (const argv of [['--bogus'], ['--port', 'x'], ['--fault', '404'], ['--demo', '--scenario', SMALL]]) {
      const { io, err, out } = fakeIO();
      expect(await runEmulatorCommand(argv, io)).toBe(2);
      expect(err.join('')).toMatch(/^erscope emulator: [^\n]+\n$/);
      expect(out).toEqual([]);
    }
  });

  it('a bad scenario file is one line naming the file', async () => {
    const { io, err } = fakeIO();
    expect(await runEmulatorCommand(['--scenario', fileURLToPath(new URL('./command.test.ts', import.meta.url))], io)).toBe(2);
    expect(err.join('')).toMatch(/^erscope emulator: command\.test\.ts: not valid JSON: [^\n]+\n$/);
  });

  it('--help documents the fault syntax', async () => {
    const { io, out } = fakeIO();
    expect(await runEmulatorCommand(['--help'], io)).toBe(0);
    const help = out.join('');
    for (const s of ['429:every=5', '500:path=arpTables', 'drop:p=0.1', 'lro-fail:path=connections/x', 'latency=50', 'ERSCOPE_CA_CERT']) {
      expect(help).toContain(s);
    }
  });
});

describe('erscope emulator (spawned process)', () => {
  it('first two stdout lines are the contract and SIGTERM exits 0', async () => {
    const script = fileURLToPath(new URL('../../src/cli/commands/emulator-entry.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--scenario', SMALL], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code, sig) => { if (sig) stderr += `signal ${sig}`; resolve(code); }));
    await Promise.race([until(() => stdout.split('\n').length > 2), exited]);
    const lines = stdout.split('\n');
    expect(lines[0], stderr).toMatch(/^ERSCOPE_ENDPOINT=https:\/\/127\.0\.0\.1:\d+$/);
    expect(lines[1]).toMatch(/^ERSCOPE_CA_CERT=\/.+\.pem$/);
    expect(readFileSync(lines[1]!.slice('ERSCOPE_CA_CERT='.length), 'utf8')).toContain('BEGIN CERTIFICATE');
    child.kill('SIGTERM');
    const code = await exited;
    expect(code, `${stdout}\n${stderr}`).toBe(0);
  });
});
