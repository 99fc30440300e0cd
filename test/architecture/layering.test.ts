import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERSCOPE_VERSION } from '../../src/version.js';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (relative(root, p) === join('src', 'bin', 'dist')) continue; // the packed bundle (prepack → postpack), not source
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx|mjs)$/.test(name)) out.push(relative(root, p));
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

const files = sourceFiles(join(root, 'src'));
// The CLI entry that mounts the TUI is the one place outside src/ui allowed to touch ink/react.
const UI_MOUNT_ALLOWED = new Set(['src/cli/main.tsx', 'src/cli/explorer.tsx']);

describe('layering rules', () => {
  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.filter((f) => !f.startsWith('src/ui/') && !UI_MOUNT_ALLOWED.has(f)))('%s does not import ink or react', (f) => {
    expect(importsOf(f).filter((i) => /^(ink|react)(\/|$)/.test(i))).toEqual([]);
  });

  it.each(files.filter((f) => f.startsWith('src/ui/')))('%s does not import the Azure SDK', (f) => {
    expect(importsOf(f).filter((i) => i.startsWith('@azure/'))).toEqual([]);
  });

  // Run-time SDK code lives in src/arm (clients, pipeline, raw calls); other layers call through it (type imports are fine).
  it.each(files.filter((f) => !f.startsWith('src/arm/') && !f.startsWith('src/emulator/')))('%s loads the Azure SDK only through src/arm', (f) => {
    const text = readFileSync(join(root, f), 'utf8');
    const runtime = [...text.matchAll(/(?:import\s+(?!type\b)[^'"]*?from\s+|import\s*\(\s*)['"](@azure\/[^'"]+)['"]/g)].map((m) => m[1]);
    expect(runtime).toEqual([]);
  });

  it.each(files.filter((f) => !f.startsWith('src/emulator/') && !f.startsWith('src/cli/')))('%s reaches the emulator only over HTTPS', (f) => {
    expect(importsOf(f).filter((i) => i.includes('/emulator/'))).toEqual([]);
  });

  it.each(files.filter((f) => f.startsWith('src/emulator/')))('%s (emulator) does not import the product core', (f) => {
    const core = importsOf(f).filter((i) => /\.\.\/(inventory|topology|checks|status|diagnose|actions|report|ui|cli)\//.test(i));
    expect(core).toEqual([]);
  });

  const order = ['arm', 'inventory', 'topology', 'checks|status|diagnose|actions|report', 'ui|cli'];
  const layerOf = (p: string): number => order.findIndex((l) => new RegExp(`^src/(${l})/`).test(p));
  it.each(files.filter((f) => layerOf(f) >= 0))('%s imports only from its own layer or below', (f) => {
    const mine = layerOf(f);
    const bad = importsOf(f)
      .filter((i) => i.startsWith('.'))
      .map((i) => relative(root, join(root, f, '..', i)))
      .filter((target) => layerOf(target) > mine && !(mine === 4 && layerOf(target) === 4));
    expect(bad).toEqual([]);
  });
});

describe('repository shape', () => {
  it('has exactly the agreed top-level entries', () => {
    const allowed = new Set(['package.json', 'package-lock.json', 'tsconfig.json', 'src', 'test', 'snapshots', 'README.md', '.ci', '.gitignore', '.git', 'node_modules']);
    expect(readdirSync(root).filter((n) => !allowed.has(n))).toEqual([]);
  });

  it('keeps source files under 350 lines', () => {
    const big = files.filter((f) => readFileSync(join(root, f), 'utf8').split('\n').length > 350);
    expect(big).toEqual([]);
  });

  it('stamps the package version on reports', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(ERSCOPE_VERSION).toBe(pkg.version);
  });
});
