import { describe, expect, it } from 'vitest';
import type { ArmResource } from '../../src/inventory/types.js';
import { diffSnapshots, diffValues, formatDiffText } from '../../src/topology/diff.js';
import { buildGraph } from '../../src/topology/graph.js';
import { toSnapshot } from '../../src/topology/snapshot.js';
import { CIRCUIT, ER_CONN, fixtureInventory } from './fixture-inventory.js';

function snapOf(edit: (r: ArmResource[]) => ArmResource[]) {
  const inv = fixtureInventory();
  inv.resources = edit(inv.resources);
  return toSnapshot(inv, buildGraph(inv));
}

describe('diffSnapshots', () => {
  it('reports added, removed and changed resources with dotted paths, ignoring etags and byte counters', () => {
    const before = snapOf((r) => r);
    const after = snapOf((rs) =>
      rs
        .filter((r) => !r.id.endsWith('connER2'))
        .map((r) => {
          if (r.id === ER_CONN) return { ...r, etag: 'W/"new"', properties: { ...r.properties, routingWeight: 20, ingressBytesTransferred: 999, connectionStatus: 'NotConnected' } };
          return r;
        })
        .concat([{ id: `${CIRCUIT}/authorizations/newAuth`, name: 'newAuth', type: 'Microsoft.Network/expressRouteCircuits/authorizations', properties: { authorizationKey: 'k-SECRET', authorizationUseStatus: 'Available' } }]),
    );
    const d = diffSnapshots(before, after);
    expect(d.added.map((e) => e.name)).toEqual(['newAuth']);
    expect(d.removed.map((e) => e.name)).toEqual(['connER2']);
    const conn = d.changed.find((c) => c.id === ER_CONN)!;
    expect(conn.changes).toEqual([
      { path: 'properties.connectionStatus', before: 'Connected', after: 'NotConnected' },
      { path: 'properties.routingWeight', before: 10, after: 20 },
    ]);
    const text = formatDiffText(d);
    expect(text).toContain('1 added, 1 removed');
    expect(text).toContain('+ Circuit authorization newAuth');
    expect(text).toContain('- Connection connER2');
    expect(text).toContain('    properties.routingWeight: 10 -> 20');
    expect(text).not.toContain('k-SECRET');
  });

  it('keys arrays of named objects by name and reports nothing for identical snapshots', () => {
    const a = { properties: { peerings: [{ name: 'A', properties: { vlanId: 1 } }, { name: 'B', properties: { vlanId: 2 } }] } };
    const b = { properties: { peerings: [{ name: 'B', properties: { vlanId: 3 } }, { name: 'A', properties: { vlanId: 1 } }] } };
    expect(diffValues(a, b)).toEqual([{ path: 'properties.peerings[B].properties.vlanId', before: 2, after: 3 }]);
    const s = snapOf((r) => r);
    expect(formatDiffText(diffSnapshots(s, s))).toBe('No differences.\n');
  });
});
