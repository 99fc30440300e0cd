import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseExplorerBackend } from '../../src/cli/explorer-base.js';
import { openSource } from '../../src/cli/source.js';
import { buildGraph } from '../../src/topology/graph.js';
import { toSnapshot } from '../../src/topology/snapshot.js';
import { fixtureInventory, ER_CONN } from '../topology/fixture-inventory.js';

const dir = mkdtempSync(join(tmpdir(), 'erscope-xdiff-'));
const inv = fixtureInventory();
const now = toSnapshot(inv, buildGraph(inv), new Date('2026-01-02T00:00:00Z'));
const old = structuredClone(now);
old.generatedAt = '2026-01-01T00:00:00.000Z';
const conn = old.nodes.find((n) => n.id === ER_CONN)!;
(conn.body.properties as Record<string, unknown>).routingWeight = 99;
(conn.body.properties as Record<string, unknown>).sharedKey = 'plain-text-secret';
const nowFile = join(dir, 'now.json');
const oldFile = join(dir, 'old.json');
writeFileSync(nowFile, JSON.stringify(now));
writeFileSync(oldFile, JSON.stringify(old));

describe('the explorer core compares with a saved snapshot (--diff FILE, :diff FILE)', () => {
  it('every load carries the diff against the --diff baseline, secrets redacted', async () => {
    const src = await openSource({ snapshot: nowFile });
    const backend = baseExplorerBackend(src, { diff: oldFile });
    const data = await backend.load(() => {}, new AbortController().signal);
    expect(data.baseline?.file).toBe(oldFile);
    expect(data.baseline?.generatedAt).toBe('2026-01-01T00:00:00.000Z');
    const changed = data.baseline!.diff.changed.find((c) => c.id === ER_CONN)!;
    // the key appeared in the old copy only: the change is shown, its value never
    expect(changed.changes.map((c) => [c.path, c.before, c.after])).toEqual([['properties.routingWeight', 99, 10], ['properties.sharedKey', '***redacted***', undefined]]);
    expect(JSON.stringify(data.baseline)).not.toContain('plain-text-secret');
    expect(data.baseline!.diff.added).toEqual([]);
    expect(data.baseline!.diff.removed).toEqual([]);
  });

  it('compareWith reads another file at run time and keeps it for later loads; a bad file rejects with one line', async () => {
    const src = await openSource({ snapshot: nowFile });
    const backend = baseExplorerBackend(src, {});
    const first = await backend.load(() => {}, new AbortController().signal);
    expect(first.baseline).toBeUndefined();
    const b = await backend.compareWith!(oldFile, first.graph);
    expect(b.diff.changed.map((c) => c.name)).toEqual(['connER']);
    expect((await backend.load(() => {}, new AbortController().signal)).baseline?.file).toBe(oldFile);
    await expect(backend.compareWith!(join(dir, 'nope.json'), first.graph)).rejects.toThrow(/^[^\n]*nope\.json[^\n]*$/);
  });
});
