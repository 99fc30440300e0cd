import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build script without types
import { applyPatches, PATCHES } from '../../src/build/bundle-patches.mjs';

type Patch = { file: string; replace: Array<[string, string]>; regions?: Array<{ with: string }> };
const root = join(import.meta.dirname, '..', '..');

// An upgrade of Ink or Yoga that changes a patched spot must be looked at: the build would only warn and run slower.
describe('bundle patches match the installed Ink and Yoga', () => {
  it.each((PATCHES as Patch[]).map((p) => [p.file, p] as const))('%s', (file, patch) => {
    const path = join(root, 'node_modules', file);
    const original = readFileSync(path, 'utf8');
    const { code, unmatched } = applyPatches(path, original) as { code: string; unmatched: string[] };
    expect(unmatched).toEqual([]);
    for (const [, to] of patch.replace) expect(code).toContain(to);
    for (const r of patch.regions ?? []) expect(code).toContain(r.with);
  });

  it('leaves a changed file as it is and says which patch no longer applies', () => {
    const path = join(root, 'node_modules', 'ink/build/output.js');
    const changed = readFileSync(path, 'utf8').replace('get() {', 'get(){');
    const { code, unmatched } = applyPatches(path, changed) as { code: string; unmatched: string[] };
    expect(unmatched).toHaveLength(1);
    expect(unmatched[0]).toMatch(/^ink\/build\/output\.js changed, not patched \(get\(\) \{\)/);
    expect(code).toContain('get(){');
  });

  it('touches no other file', () => {
    expect(applyPatches('/x/node_modules/ink/build/ink.js', 'const a = widestLine(text);')).toEqual({ code: 'const a = widestLine(text);', unmatched: [] });
  });
});
