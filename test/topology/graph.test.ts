import { describe, expect, it } from 'vitest';
import { normalizeId } from '../../src/arm/arm-id.js';
import { RT } from '../../src/arm/resource-types.js';
import { CONTAINS, EDGE_RULES, valuesAtPath } from '../../src/topology/edges.js';
import { buildGraph } from '../../src/topology/graph.js';
import { REFERENCES } from '../../src/topology/references.js';
import { bySubscription, byType, neighbourhood, nodeById, referencedBy, referencesOf, subgraph } from '../../src/topology/queries.js';
import { CIRCUIT, ER_CONN, example, fixtureInventory, GW, P, S0, S_FORBIDDEN, SUB, VNET } from './fixture-inventory.js';

const inv = fixtureInventory();
const g = buildGraph(inv);
const edgesOf = (id: string, relation?: string) =>
  referencesOf(g, id).filter((r) => relation === undefined || r.relation === relation).map((r) => r.node.id.toLowerCase());

describe('edge table against real spec bodies', () => {
  it('resolves paths with [] over arrays', () => {
    const gw = example('VirtualNetworkGatewayGet');
    expect(valuesAtPath(gw, 'properties.ipConfigurations[].properties.subnet.id')).toEqual([
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/GatewaySubnet',
    ]);
    const ec = example('ExpressRouteConnectionGet');
    expect(valuesAtPath(ec, 'properties.routingConfiguration.propagatedRouteTables.ids[].id')).toHaveLength(3);
    expect(valuesAtPath(ec, 'properties.nothing[].id')).toEqual([]);
  });

  it('exercises every row of the edge table at least once', () => {
    const used = new Set<string>();
    g.forEachEdge((_e, a, s) => used.add(`${g.getNodeAttribute(s, 'type')} ${a.path}`));
    const unused = EDGE_RULES.filter((r) => !used.has(`${r.from} ${r.path}`)).map((r) => `${r.from} ${r.path}`);
    expect(unused).toEqual([]);
  });

  it('links a VNet gateway connection to its gateway, local gateway and circuit', () => {
    const s2s = `${P(S0, 'rg1')}/connections/connS2S`;
    expect(edgesOf(s2s, 'uses gateway')).toEqual([normalizeId(GW)]);
    expect(edgesOf(s2s, 'connects to site')).toEqual([normalizeId(`${P(S0, 'rg1')}/localNetworkGateways/localgw`)]);
    expect(edgesOf(ER_CONN, 'connects to circuit')).toEqual([normalizeId(CIRCUIT)]);
    expect(edgesOf(GW, 'in subnet')).toEqual([normalizeId(`${VNET}/subnets/GatewaySubnet`)]);
  });

  it('flattens embedded children into nodes hanging under their parent, parent body intact', () => {
    const peering = nodeById(g, `${CIRCUIT}/peerings/AzurePrivatePeering`)!;
    expect(peering.type).toBe(RT.peering);
    expect(referencedBy(g, peering.id).some((r) => r.relation === CONTAINS && r.node.id === CIRCUIT)).toBe(true);
    const circuit = nodeById(g, CIRCUIT)!;
    expect((circuit.body.properties as any).peerings).toHaveLength(2);
    const link = nodeById(g, `${P(S0, 'rg1')}/vpnGateways/gateway1/vpnConnections/vpnConnection1/VpnSiteLinkConnections/Connection-Link1`)!;
    expect(link.type).toBe(RT.vpnLinkConnection);
    expect(edgesOf(link.id, 'uses site link')).toHaveLength(1);
  });

  it('resolves mixed-case ids to one node', () => {
    const wans = byType(g, 'Microsoft.Network/virtualWANs');
    expect(wans).toHaveLength(1);
    expect(wans[0]!.stub).toBeUndefined();
    expect(wans[0]!.id).toBe(`/subscriptions/${S0}/resourceGroups/rg1/providers/Microsoft.Network/virtualWANs/wan1`);
    expect(referencedBy(g, wans[0]!.id).map((r) => r.relation).sort()).toEqual(['in virtual WAN', 'in virtual WAN']);
    // ER connection references the circuit id upper-cased; still the real node
    expect(nodeById(g, CIRCUIT)!.stub).toBeUndefined();
  });

  it('turns dangling references into missing stubs, typed from the id', () => {
    const pip = nodeById(g, `${P(S0, 'rg1')}/publicIPAddresses/gwpip`)!;
    expect(pip).toMatchObject({ stub: 'missing', status: 'missing', type: RT.publicIp, name: 'gwpip', subscriptionId: S0, resourceGroup: 'rg1' });
    const rt = nodeById(g, `/subscriptions/${SUB}/resourceGroups/resourceGroupName/providers/Microsoft.Network/virtualHubs/hub1/hubRouteTables/hubRouteTable2`)!;
    expect(rt.stub).toBe('missing');
    // stub child gets a stub parent so the reference tree stays connected
    const hub1 = nodeById(g, `/subscriptions/${SUB}/resourceGroups/resourceGroupName/providers/Microsoft.Network/virtualHubs/hub1`)!;
    expect(hub1).toMatchObject({ stub: 'missing', type: RT.hub });
  });

  it('marks references into forbidden or out-of-scope subscriptions as no-access', () => {
    const forbidden = nodeById(g, `/subscriptions/${S_FORBIDDEN}/resourceGroups/rgx/providers/Microsoft.Network/expressRouteCircuits/cx/peerings/AzurePrivatePeering`)!;
    expect(forbidden).toMatchObject({ stub: 'no-access', status: 'no access', type: RT.peering });
    expect(nodeById(g, `/subscriptions/${S_FORBIDDEN}/resourceGroups/rgx/providers/Microsoft.Network/expressRouteCircuits/cx`)!.stub).toBe('no-access');
    const outOfScope = nodeById(g, '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/dedharcktpeer/providers/Microsoft.Network/expressRouteCircuits/dedharcktremote/peerings/AzurePrivatePeering')!;
    expect(outOfScope.stub).toBe('no-access');
  });

  it('never drops an edge: every reference in every body has an edge', () => {
    let expected = 0;
    const rules = new Map<string, typeof EDGE_RULES[number][]>();
    for (const r of EDGE_RULES) rules.set(r.from, [...(rules.get(r.from) ?? []), r]);
    const distinct = new Set<string>();
    g.forEachNode((k, a) => {
      if (a.stub) return;
      for (const r of rules.get(a.type) ?? []) for (const v of valuesAtPath(a.body, r.path)) distinct.add(`${k} ${normalizeId(v)} ${r.path}`);
    });
    expected = distinct.size;
    // the edge-table rows; every other id string becomes a generic "references" edge (spec-coverage.test.ts)
    expect(g.filterEdges((_e, a) => a.relation !== CONTAINS && a.relation !== REFERENCES).length).toBe(expected);
  });

  it('uses the most telling status', () => {
    expect(nodeById(g, ER_CONN)!.status).toBe('Connected');
    expect(nodeById(g, CIRCUIT)!.status).toBe('Provisioned');
    expect(nodeById(g, `${CIRCUIT}/peerings/AzurePrivatePeering`)!.status).toBe('Enabled');
  });
});

describe('queries', () => {
  it('neighbourhood walks both directions to the given depth', () => {
    const one = neighbourhood(g, GW, 1);
    expect(one.has(normalizeId(ER_CONN))).toBe(true); // inbound
    expect(one.has(normalizeId(`${VNET}/subnets/GatewaySubnet`))).toBe(true); // outbound
    expect(one.has(normalizeId(CIRCUIT))).toBe(false);
    expect(neighbourhood(g, GW, 2).has(normalizeId(CIRCUIT))).toBe(true);
    const sub = subgraph(g, one);
    expect(sub.order).toBe(one.size);
    expect(sub.size).toBeGreaterThan(0);
    expect(neighbourhood(g, '/nope', 3).size).toBe(0);
  });

  it('filters by subscription and type', () => {
    expect(bySubscription(g, S_FORBIDDEN.toUpperCase()).every((n) => n.stub === 'no-access')).toBe(true);
    expect(byType(g, RT.circuit).map((n) => n.name).sort()).toEqual(['circuitName', 'circuitTwo', 'cx', 'dedharcktremote']);
  });
});
