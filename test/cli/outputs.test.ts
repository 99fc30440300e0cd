import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/atomic-write.js';
import { main } from '../../src/cli/main.js';

// Outputs that cannot be written end in one line and a non-zero exit, never a hang or a stack trace; a reader that
// stops early (`| head`) ends erscope quietly.
const root = join(import.meta.dirname, '..', '..');
const ENTRY = ['--import', 'tsx', join(root, 'src/cli/entry.ts')];
const dir = mkdtempSync(join(tmpdir(), 'erscope-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  let out = '';
  let err = '';
  return { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, out: () => out, err: () => err };
}

/** Runs erscope as a process, closes its stdout after `keepBytes` bytes, and resolves with exit code and stderr. */
function runClosingStdout(args: string[], keepBytes: number): Promise<{ code: number | null; stderr: string; got: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...ENTRY, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let got = '';
    child.stderr.on('data', (d) => (stderr += d));
    const close = () => child.stdout.destroy();
    if (keepBytes === 0) close();
    else child.stdout.on('data', (d) => { got += d; if (got.length >= keepBytes) close(); });
    // The bound is the test's own deadline: a hang fails here instead of blocking the suite.
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code, stderr, got }); });
  });
}

describe('outputs that cannot be written', () => {
  it('--out under /proc (where mkdir -p loops on Node 20) fails at once with one line, exit 2', async () => {
    const io = capture();
    const code = await main(['export', '--scenario', join(root, 'test/fixtures/emulator/small.json'), '--format', 'html', '--out', '/proc/nope/x.html'], io);
    expect(io.err()).toMatch(/(^|\n)erscope( export)?: cannot write \/proc\/nope\/x\.html: the directory does not exist and cannot be created \(ENOENT\); check the path\n$/);
    expect(code).toBe(2);
    await expect(writeFileAtomic('/proc/nope/x.html', 'x')).rejects.toThrow(/^cannot write \/proc\/nope\/x\.html: the directory does not exist and cannot be created \(ENOENT\)/);
  });

  it('a path whose parent is a file, and a path that is a directory, are one-line errors', async () => {
    writeFileSync(join(dir, 'afile'), 'x');
    await expect(writeFileAtomic(join(dir, 'afile', 'x.json'), 'x')).rejects.toThrow(/ENOTDIR/);
    mkdirSync(join(dir, 'adir'));
    await expect(writeFileAtomic(join(dir, 'adir'), 'x')).rejects.toThrow(/it is a directory \(EISDIR\)/);
    expect(readdirSync(join(dir, 'adir'))).toEqual([]);
  });

  it('creates missing parent directories', async () => {
    await writeFileAtomic(join(dir, 'a', 'b', 'c.txt'), 'whole');
    expect(readFileSync(join(dir, 'a', 'b', 'c.txt'), 'utf8')).toBe('whole');
  });

  it('a full disk (ENOSPC) says so, leaves the old file whole and no temp file behind', async (ctx) => {
    const mnt = join(dir, 'tiny');
    mkdirSync(mnt);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]);
    if (mounted.status !== 0) ctx.skip();
    try {
      writeFileSync(join(mnt, 'report.json'), 'old');
      await expect(writeFileAtomic(join(mnt, 'report.json'), 'y'.repeat(1 << 20))).rejects.toThrow(/the disk is full \(ENOSPC\).*nothing was written/);
      expect(readFileSync(join(mnt, 'report.json'), 'utf8')).toBe('old');
      expect(readdirSync(mnt)).toEqual(['report.json']);
    } finally {
      spawnSync('umount', [mnt]);
    }
  });
});

describe('a closed stdout', () => {
  it('`erscope check --demo | head` ends quietly with exit 0 when the reader is gone before the output', async () => {
    const r = await runClosingStdout(['check', '--demo'], 0);
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(r.code).toBe(0);
  });

  it('`erscope emulator --demo | head -1` stops the emulator and exits 0 without a stack trace', async () => {
    const r = await runClosingStdout(['emulator', '--demo'], 1);
    expect(r.got).toMatch(/^ERSCOPE_ENDPOINT=https:\/\/127\.0\.0\.1:\d+/);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
