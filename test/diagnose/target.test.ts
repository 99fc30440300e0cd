import { describe, expect, it } from 'vitest';
import { findDiagnosable, resolveTarget } from '../../src/diagnose/target.js';
import { flattenAll } from '../../src/inventory/flatten.js';
import type { Inventory } from '../../src/inventory/types.js';
import { watchItemsFromGraph } from '../../src/status/watch-items.js';
import { buildGraph } from '../../src/topology/graph.js';
import { CIRCUIT, CONNECTION, ER_CONNECTION, GATEWAY, PEERING, SUB, diagnoseScenario } from './scenarios.js';

const NET = `/subscriptions/${SUB}/resourceGroups/rg-er/providers/Microsoft.Network`;
const S2S = `${NET}/connections/cn-s2s`;

function graph() {
  const resources = diagnoseScenario('healthy').resources.map((r) => structuredClone(r)) as Inventory['resources'];
  resources.push({ id: S2S, name: 'cn-s2s', type: 'Microsoft.Network/connections', properties: { connectionType: 'IPsec', virtualNetworkGateway1: { id: GATEWAY } } });
  resources.push({ id: `${NET}/virtualNetworks/er-test`, name: 'er-test', type: 'Microsoft.Network/virtualNetworks', properties: {} });
  const inv: Inventory = {
    source: { kind: 'snapshot', label: 't' }, subscriptions: [{ subscriptionId: SUB, displayName: 'diag' }], resources: flattenAll(resources),
    issues: [], permissions: [], forbiddenScopes: [], startedAt: '', finishedAt: '',
  };
  return buildGraph(inv);
}

describe('findDiagnosable / resolveTarget', () => {
  const g = graph();
  it('accepts an id in any case, or a name unique among diagnosable types', () => {
    expect(findDiagnosable(g, CONNECTION.toUpperCase()).id).toBe(CONNECTION);
    expect(findDiagnosable(g, 'ER-TEST').id).toBe(CIRCUIT);
  });
  it('refuses VPN connections and unsupported types in one line', () => {
    expect(() => findDiagnosable(g, S2S)).toThrow(/^cn-s2s is not an ExpressRoute connection \(connectionType IPsec\)/);
    expect(() => findDiagnosable(g, 'vgw-er')).toThrow('cannot diagnose a VNet gateway; supported: expressroute circuit, circuit peering, connection, expressroute connection (vwan)');
  });
  it('finds the circuit, its private peering and every connection using it', () => {
    const t = resolveTarget(g, findDiagnosable(g, CIRCUIT));
    expect(t.peeringId).toBe(PEERING);
    expect(t.connections.map((c) => [c.kind, c.name, c.gatewayId])).toEqual([
      ['connection', 'cn-er', GATEWAY],
      ['erConnection', 'ercn-test', `${NET}/expressRouteGateways/ergw-hub`],
    ]);
    expect(resolveTarget(g, findDiagnosable(g, ER_CONNECTION))).toMatchObject({ circuitId: CIRCUIT, peeringId: PEERING });
  });
  it('lists pollable resources for the status monitor', () => {
    expect(watchItemsFromGraph(g).map((i) => i.name)).toEqual(['cn-er', 'cn-s2s', 'er-test', 'AzurePrivatePeering', 'ercn-test']);
  });
});
