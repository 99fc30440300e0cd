import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The path a new user takes: `npm pack` (prepack builds the bundle), then `npm install -g` of the tarball into an
// empty prefix and a local `npm i` into a fresh project. The bundle inlines every library, so the package declares no
// runtime dependency and installing it needs no network (`--prefer-offline` keeps npm from asking the registry anyway).
const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const work = mkdtempSync(join(tmpdir(), 'erscope-pack-'));
const prefix = join(work, 'prefix');
const project = join(work, 'project');
const quiet = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];
// A child npm must not think it runs under vitest (NODE_ENV=test narrows the ARM host guard) nor inherit our cwd.
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', npm_config_update_notifier: 'false' };
delete env.VITEST;

// What a missing package or a stack trace looks like on stderr (stderr may carry `incomplete:` notes, which are fine).
const MISSING_MODULE = /ERR_MODULE_NOT_FOUND|Cannot find (package|module)|tsx|esbuild|unexpected error|\n\s+at /;

let tarball = '';
let files: string[] = [];

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
}

describe('the packed tarball installs and runs like any CLI', () => {
  beforeAll(() => {
    const out = execFileSync(npm, ['pack', '--json', '--pack-destination', work, '--loglevel=error'], { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const info = (JSON.parse(out) as Array<{ filename: string; files: Array<{ path: string }> }>)[0]!;
    tarball = join(work, info.filename);
    files = info.files.map((f) => f.path);
  }, 120_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }), 60_000);

  it('ships the bundle, the launcher and every bundled scenario, but no tests, snapshots or TypeScript source', () => {
    expect(existsSync(tarball)).toBe(true);
    expect(files).toContain('src/bin/erscope.mjs');
    expect(files).toContain('src/bin/dist/cli.mjs');
    expect(files).toContain('src/bin/dist/contoso.json');
    expect(files.filter((f) => /^(test|snapshots)\//.test(f))).toEqual([]);
    expect(files.filter((f) => /\.tsx?$/.test(f))).toEqual([]);
    // postpack cleaned up: the checkout keeps running its own bundle.
    expect(existsSync(join(root, 'src/bin/dist'))).toBe(false);
  });

  it('declares no runtime dependency: esbuild inlined every library into the bundle', () => {
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.bin).toEqual({ erscope: 'src/bin/erscope.mjs' });
  });

  it('npm install -g puts a working `erscope` on the prefix', () => {
    const inst = run(npm, ['install', '-g', '--prefix', prefix, ...quiet, tarball], work);
    expect(inst.stderr).not.toMatch(/ERR!/);
    expect(inst.status).toBe(0);
    const bin = join(prefix, process.platform === 'win32' ? 'erscope.cmd' : 'bin/erscope');
    const version = run(bin, ['--version'], work);
    expect(version.stderr).toBe('');
    expect(version.stdout).toBe(`erscope ${pkg.version}\n`);
    const check = run(bin, ['check', '--demo', '--format', 'json'], work);
    expect(check.stderr).not.toMatch(MISSING_MODULE);
    expect(check.status).toBe(1); // the demo estate has planted high findings
    const report = JSON.parse(check.stdout) as { erscopeVersion: string; findings: Array<{ ruleId: string }> };
    expect(report.erscopeVersion).toBe(pkg.version);
    expect(report.findings.map((f) => f.ruleId)).toContain('gateway-type-mismatch');
  }, 180_000);

  it('npm i into a project makes `npx erscope` work there', () => {
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-erscope', version: '1.0.0', private: true }));
    const inst = run(npm, ['install', ...quiet, tarball], project);
    expect(inst.status).toBe(0);
    const version = run('npx', ['--no-install', 'erscope', '--version'], project);
    expect(version.stdout).toBe(`erscope ${pkg.version}\n`);
  }, 180_000);

  it('the bundle needs no installed package at run time (no tsx, no esbuild, no dependency)', () => {
    // Copy only the shipped bin folder somewhere with no node_modules above it and run the demo check from there.
    const alone = join(work, 'alone');
    cpSync(join(project, 'node_modules/erscope/src/bin'), alone, { recursive: true });
    const check = run(process.execPath, [join(alone, 'erscope.mjs'), 'check', '--demo', '--format', 'json', '--rule', 'gateway-type-mismatch'], work);
    expect(check.stderr).not.toMatch(MISSING_MODULE);
    expect((JSON.parse(check.stdout) as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
    // The HTML report lays its diagram out with Graphviz compiled to WASM, inlined in a chunk.
    const html = run(process.execPath, [join(alone, 'erscope.mjs'), 'export', '--demo', '--format', 'html'], work);
    expect(html.stderr).not.toMatch(MISSING_MODULE);
    expect(html.status).not.toBe(70);
    expect(html.stdout).toMatch(/<svg[\s\S]*class=\\?"node\\?"[\s\S]*<\/svg>/);
  }, 60_000);
});
