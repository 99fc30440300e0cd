import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeId } from '../../src/arm/arm-id.js';
import { flattenAll } from '../../src/inventory/flatten.js';
import type { ArmResource, Inventory } from '../../src/inventory/types.js';
import { CONTAINS } from '../../src/topology/edges.js';
import { buildGraph } from '../../src/topology/graph.js';
import { unresolvedReferences } from '../../src/topology/unresolved.js';

const contoso = JSON.parse(readFileSync(new URL('../../src/emulator/scenarios/contoso.json', import.meta.url), 'utf8')) as {
  subscriptions: Array<{ subscriptionId: string; displayName: string }>;
  resources: ArmResource[];
};

function inventory(resources: ArmResource[], forbiddenScopes: string[] = []): Inventory {
  return {
    source: { kind: 'emulator', label: 't' }, subscriptions: contoso.subscriptions, resources, issues: [], permissions: [],
    forbiddenScopes, startedAt: '', finishedAt: '',
  };
}

describe('unresolvedReferences (what the Resource Graph reader probes: referenced ids, not their parents)', () => {
  it.each([
    ['the contoso estate as read', [] as string[]],
    ['with the partner subscription forbidden', ['/subscriptions/33333333-3333-3333-3333-333333333333']],
  ])('equals the missing stubs buildGraph makes: %s', (_label, forbidden) => {
    const inv = inventory(flattenAll(contoso.resources), forbidden);
    const g = buildGraph(inv);
    // Stubs an edge-table reference points at (parents added only to hold a stub child are not references).
    const referenced = (k: string) => g.inEdges(k).some((e) => g.getEdgeAttribute(e, 'relation') !== CONTAINS);
    const stubs = g.filterNodes((k, a) => a.stub === 'missing' && referenced(k)).map((k) => normalizeId(g.getNodeAttribute(k, 'id'))).sort();
    expect(unresolvedReferences(inv).map(normalizeId).sort()).toEqual(stubs);
    expect(stubs.length).toBeGreaterThan(0);
  });

  it('is empty when every referenced id is held, and never lists a no-access id', () => {
    expect(unresolvedReferences(inventory([]))).toEqual([]);
    const inv = inventory(flattenAll(contoso.resources), ['/subscriptions/11111111-1111-1111-1111-111111111111']);
    expect(unresolvedReferences(inv).some((id) => id.toLowerCase().includes('/subscriptions/11111111-'))).toBe(false);
  });
});
