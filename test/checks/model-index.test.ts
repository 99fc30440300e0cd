import { describe, expect, it } from 'vitest';
import { RT } from '../../src/arm/resource-types.js';
import { model, scopeReadable } from '../../src/checks/model.js';
import { authorization, circuit, circuitId, gateway, gatewayId, SUB_A, SUB_B } from './builders.js';
import { graphOf } from './graph-fixture.js';

describe('checks model index', () => {
  const c1 = circuitId('er-1');
  const c2 = circuitId('er-2', SUB_B, 'rg-other');
  const m = model(graphOf([
    circuit('er-1', { authorizations: [authorization(c1, 'a1'), authorization(c1, 'a2')] }),
    circuit('er-2', { sub: SUB_B, rg: 'rg-other', authorizations: [authorization(c2, 'b1')] }),
    gateway('gw-1'),
  ]));

  it('children come from the parent index, in graph order, whatever the case of the parent id', () => {
    expect(m.children(c1.toUpperCase(), RT.authorization).map((r) => r.name)).toEqual(['a1', 'a2']);
    expect(m.children(c2, RT.authorization).map((r) => r.name)).toEqual(['b1']);
    expect(m.children(c2, RT.peering).map((r) => r.name)).toEqual(['AzurePrivatePeering']);
    expect(m.children(gatewayId('gw-1'), RT.authorization)).toEqual([]);
  });

  it('lists a subscription (optionally one type) and a resource group', () => {
    expect(m.bySubscription(SUB_B.toUpperCase(), RT.circuit).map((r) => r.name)).toEqual(['er-2']);
    expect(m.bySubscription(SUB_A, RT.circuit).map((r) => r.name)).toEqual(['er-1']);
    expect(m.bySubscription(SUB_B).map((r) => r.type).sort()).toEqual([RT.circuit, RT.authorization, RT.peering].sort());
    expect(m.inResourceGroup(c2).map((r) => r.name)).toEqual(m.bySubscription(SUB_B).map((r) => r.name));
    expect(m.inResourceGroup(`/subscriptions/${SUB_B}/resourceGroups/RG-OTHER`)).toHaveLength(3);
    expect(m.inResourceGroup(`/subscriptions/${SUB_B}/resourceGroups/nothing`)).toEqual([]);
  });

  it('scopeReadable: read scopes true, forbidden false, never-seen subscriptions unknown', () => {
    const g = graphOf([circuit('er-1')]);
    g.setAttribute('forbiddenScopes', [`/subscriptions/${SUB_B}/`]);
    const forbidden = model(g);
    expect(scopeReadable(forbidden, circuitId('gone'))).toBe(true);
    expect(scopeReadable(forbidden, c2)).toBe(false);
    expect(scopeReadable(forbidden, '/subscriptions/ffffffff-0000-0000-0000-000000000000/resourceGroups/x/providers/Microsoft.Network/connections/c')).toBe('unknown');
  });
});
