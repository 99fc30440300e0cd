import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErscopeError } from '../../src/errors.js';
import { REDACTED } from '../../src/redact.js';
import { buildGraph } from '../../src/topology/graph.js';
import { graphFromSnapshot, inventoryFromSnapshot, readSnapshot, toSnapshot, writeSnapshot } from '../../src/topology/snapshot.js';
import { CIRCUIT, ER_CONN, fixtureInventory } from './fixture-inventory.js';

const SECRETS = ['auth-key-SECRET-1111', 'gr-key-SECRET-2222', 'psk-SECRET-3333'];

function secretInventory() {
  const inv = fixtureInventory();
  for (const r of inv.resources) {
    const p = r.properties as Record<string, unknown> | undefined;
    if (!p) continue;
    if (r.id.endsWith('MyAuthorization1')) p.authorizationKey = SECRETS[0];
    if (r.id.endsWith('/connections/gr1')) p.authorizationKey = SECRETS[1];
    if (r.id.endsWith('connS2S')) p.sharedKey = SECRETS[2];
  }
  return inv;
}

const dir = mkdtempSync(join(tmpdir(), 'erscope-snap-'));

describe('snapshot', () => {
  it('round-trips through a file: same nodes, edges, stubs and offline inventory', async () => {
    const inv = fixtureInventory();
    const g = buildGraph(inv);
    const snap = toSnapshot(inv, g, new Date('2026-02-03T04:05:06Z'));
    expect(snap.schemaVersion).toBe(1);
    expect(snap.generatedAt).toBe('2026-02-03T04:05:06.000Z');
    const file = join(dir, 'snap.json');
    await writeSnapshot(file, snap);
    const back = readSnapshot(file);
    expect(back).toEqual(JSON.parse(JSON.stringify(snap)));
    const g2 = graphFromSnapshot(back);
    expect(g2.order).toBe(g.order);
    expect(g2.size).toBe(g.size);
    expect(g2.getNodeAttributes(CIRCUIT.toLowerCase()).name).toBe('circuitName');
    const inv2 = inventoryFromSnapshot(back);
    expect(inv2.resources.length).toBe(inv.resources.length);
    expect(inv2.forbiddenScopes).toEqual(inv.forbiddenScopes);
    // rebuilding from the offline inventory yields the same graph shape
    const g3 = buildGraph(inv2);
    expect([g3.order, g3.size]).toEqual([g.order, g.size]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('never writes secret values', async () => {
    const inv = secretInventory();
    const file = join(dir, 'secret.json');
    await writeSnapshot(file, toSnapshot(inv, buildGraph(inv)));
    const text = readFileSync(file, 'utf8');
    for (const s of SECRETS) expect(text).not.toContain(s);
    expect(text).toContain(REDACTED);
    // the in-memory inventory still has them (only output is redacted)
    expect(JSON.stringify(inv.resources)).toContain(SECRETS[0]);
  });

  it('rejects bad files with one-line errors', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ hello: 1 }, /bad\.json: not an erscope snapshot \(schemaVersion missing\)/],
      [{ schemaVersion: 7 }, /unsupported snapshot schema version 7/],
    ];
    const inv = fixtureInventory();
    const good = JSON.parse(JSON.stringify(toSnapshot(inv, buildGraph(inv))));
    good.nodes[2].id = 42;
    cases.push([good, /^.*bad\.json: nodes\[2\]\.id: expected string/]);
    for (const [data, re] of cases) {
      const file = join(dir, 'bad.json');
      writeFileSync(file, JSON.stringify(data));
      let err: unknown;
      try {
        readSnapshot(file);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ErscopeError);
      expect((err as Error).message).toMatch(re);
      expect((err as Error).message).not.toContain('\n');
    }
    writeFileSync(join(dir, 'junk.json'), '{not json');
    expect(() => readSnapshot(join(dir, 'junk.json'))).toThrow(/junk\.json: not valid JSON/);
    expect(() => readSnapshot(join(dir, 'absent.json'))).toThrow(/absent\.json: cannot read snapshot \(ENOENT\)/);
  });

  it('keeps the original id case on nodes and edges reference lower-cased keys', () => {
    const inv = fixtureInventory();
    const snap = toSnapshot(inv, buildGraph(inv));
    expect(snap.nodes.some((n) => n.id === ER_CONN)).toBe(true);
    expect(snap.edges.every((e) => e.source === e.source.toLowerCase())).toBe(true);
  });
});
