import { describe, expect, it } from 'vitest';
import { normalizeId, parentId } from '../../src/arm/arm-id.js';
import { RT } from '../../src/arm/resource-types.js';
import { bodyType, EMBEDDED_CHILDREN, flattenAll } from '../../src/inventory/flatten.js';
import type { ArmResource, Inventory } from '../../src/inventory/types.js';
import { PARENT_PATH } from '../../src/topology/edges.js';
import { buildGraph } from '../../src/topology/graph.js';
import { REFERENCES } from '../../src/topology/references.js';
import type { TopologyGraph } from '../../src/topology/types.js';
import { unresolvedReferences } from '../../src/topology/unresolved.js';
import { example, P, S0 } from './fixture-inventory.js';
import { idStrings, specBodies } from './spec-ids.js';

function inventoryOf(bodies: ArmResource[], subs: string[] = [...new Set(bodies.map((b) => b.id.split('/')[2]!))]): Inventory {
  return {
    source: { kind: 'emulator', label: 'spec' },
    subscriptions: subs.map((s) => ({ subscriptionId: s, displayName: s })),
    resources: flattenAll(bodies.map((b) => structuredClone(b))),
    issues: [], permissions: [], forbiddenScopes: [],
    startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:01.000Z',
  };
}

/**
 * The id strings of every read node that no edge accounts for. Accounted: the node's own id, its embedded children
 * (a `contains` edge from it), a part of itself that is not a node (its own IP configuration), and otherwise an edge
 * from it to the id's node or, for a part of another resource, to that resource with `ref` naming the exact id.
 */
function unaccounted(g: TopologyGraph, inv: Inventory): string[] {
  const out: string[] = [];
  for (const r of inv.resources) {
    const key = normalizeId(r.id);
    for (const { path, id } of idStrings(r, EMBEDDED_CHILDREN[bodyType(r)] ?? [])) {
      const t = normalizeId(id);
      if (path === 'id' || t === key) continue;
      const isNode = g.hasNode(t) && !g.getNodeAttribute(t, 'stub');
      if (t.startsWith(`${key}/`) && !isNode) continue;
      if (normalizeId(parentId(id) ?? '') === key && g.hasDirectedEdge(key, t)) continue;
      const edge = g.outEdges(key).find((e) => g.target(e) === t || normalizeId(g.getEdgeAttribute(e, 'ref') ?? '') === t);
      if (!edge) out.push(`${r.id.split('/providers/')[1]} ${path} → ${id.split('/providers/')[1]}`);
    }
  }
  return out;
}

const bodies = specBodies();

describe('every ARM id in every published example body becomes an edge', () => {
  it.each(bodies)('$label', ({ body }) => {
    const inv = inventoryOf([body]);
    expect(unaccounted(buildGraph(inv), inv)).toEqual([]);
  });

  it('all examples together (references that resolve to real nodes rather than stubs)', () => {
    const inv = inventoryOf(bodies.map((b) => b.body));
    const g = buildGraph(inv);
    expect(unaccounted(g, inv)).toEqual([]);
    expect(bodies.length).toBeGreaterThanOrEqual(16);
  });

  it('the check itself fails when an edge is missing', () => {
    const inv = inventoryOf([example('VirtualWANGet')]);
    const g = buildGraph(inv);
    g.dropEdge(g.outEdges(normalizeId(example('VirtualWANGet').id))[0]!);
    expect(unaccounted(g, inv)).toHaveLength(1);
  });
});

describe('the relations the issue named are typed edges, not generic ones', () => {
  const gw = example('VpnGatewayGet');
  const conn = example('VirtualNetworkGatewayConnectionGet');
  const erc = example('ExpressRouteConnectionGet');
  const inv = inventoryOf([gw, conn, erc, example('VirtualNetworkGatewayGet'), example('VirtualWANGet')]);
  const g = buildGraph(inv);
  const rel = (src: string, relation: string) =>
    g.outEdges(normalizeId(src)).filter((e) => g.getEdgeAttribute(e, 'relation') === relation).map((e) => g.getNodeAttributes(g.target(e)));

  it('NAT rules are nodes (vWAN VPN and VNet gateways), linked both ways with link connections and from connections', () => {
    const nat03 = `${gw.id}/natRules/nat03`;
    expect(g.getNodeAttributes(normalizeId(nat03))).toMatchObject({ type: RT.vpnNatRule, name: 'nat03' });
    const link1 = `${gw.id}/vpnConnections/vpnConnection1/VpnSiteLinkConnections/Connection-Link1`;
    expect(rel(link1, 'ingress NAT').map((n) => n.id)).toEqual([nat03]);
    // the NAT rule spells the link connection vpnLinkConnections/…: still the same node, not a stub
    expect(rel(nat03, 'ingress NAT for').map((n) => [n.id, n.stub])).toEqual([[link1, undefined]]);
    expect(rel(`${gw.id}/vpnConnections/vpnConnection1/VpnSiteLinkConnections/Connection-Link2`, 'egress NAT').map((n) => n.name)).toEqual(['nat04']);
    expect(rel(conn.id, 'ingress NAT').map((n) => [n.type, n.name, n.stub])).toEqual([[RT.vnetGatewayNatRule, 'natRule1', undefined]]);
    expect(rel(conn.id, 'egress NAT').map((n) => n.name)).toEqual(['natRule2']);
  });

  it('route maps of hub connections, and the WAN listing its hubs and sites', () => {
    for (const id of [conn.id, erc.id]) {
      expect(rel(id, 'inbound route map').map((n) => [n.type, n.name])).toEqual([[RT.routeMap, 'routeMap1']]);
      expect(rel(id, 'outbound route map').map((n) => n.name)).toEqual(['routeMap2']);
    }
    const wan = example('VirtualWANGet').id;
    expect(rel(wan, 'has hub').map((n) => n.name)).toEqual(['hub1', 'hub2']);
    expect(rel(wan, 'has site').map((n) => n.name)).toEqual(['vpnSite1', 'vpnSite2']);
    expect(rel(erc.id, 'propagates to').map((n) => n.name)).toEqual(['hubRouteTable1', 'hubRouteTable2', 'hubRouteTable3']);
  });

  it('a part of another resource points at that resource and keeps the exact id; a part of itself is no edge', () => {
    const gwId = example('VirtualNetworkGatewayGet').id;
    const refs = g.outEdges(normalizeId(conn.id)).filter((e) => g.getEdgeAttribute(e, 'relation') === REFERENCES).map((e) => [g.target(e), g.getEdgeAttributes(e)]);
    expect(refs.sort((a, b) => String((a[1] as any).ref).localeCompare(String((b[1] as any).ref)))).toEqual([
      [normalizeId(gwId), { relation: REFERENCES, path: 'properties.gatewayCustomBgpIpAddresses[].ipConfigurationId', ref: `${gwId}/ipConfigurations/ActiveActive` }],
      [normalizeId(gwId), { relation: REFERENCES, path: 'properties.gatewayCustomBgpIpAddresses[].ipConfigurationId', ref: `${gwId}/ipConfigurations/default` }],
    ]);
    expect(g.hasNode(normalizeId(`${gwId}/ipConfigurations/default`))).toBe(false);
    expect(g.outEdges(normalizeId(gwId)).filter((e) => g.getEdgeAttribute(e, 'relation') === REFERENCES)).toEqual([]);
  });
});

describe('generic references', () => {
  const hub = `${P(S0, 'rg1')}/virtualHubs/hub1`;
  const body: ArmResource = {
    id: hub, name: 'hub1', type: 'Microsoft.Network/virtualHubs',
    properties: {
      azureFirewall: { id: `${P(S0, 'rg1')}/azureFirewalls/fw1` },
      deep: [{ nested: { target: `${P(S0, 'rg1')}/networkInterfaces/nic1/ipConfigurations/ipc1` } }],
      note: 'see /subscriptions/x (not an id)',
      routeMaps: [{ id: `${hub}/routeMaps/rm-gone` }],
    },
  };
  const inv = inventoryOf([body]);
  const g = buildGraph(inv);

  it('become "references" edges with their JSON path; unread types are `unread` stubs, folded onto the top-level resource', () => {
    const edges = g.outEdges(normalizeId(hub)).map((e) => ({ target: g.getNodeAttributes(g.target(e)), ...g.getEdgeAttributes(e) }));
    expect(edges.filter((e) => e.path !== PARENT_PATH).map((e) => [e.path, e.target.name, e.target.stub, e.ref]).sort()).toEqual([
      ['properties.azureFirewall.id', 'fw1', 'unread', undefined],
      ['properties.deep[].nested.target', 'nic1', 'unread', `${P(S0, 'rg1')}/networkInterfaces/nic1/ipConfigurations/ipc1`],
      ['properties.routeMaps[].id', 'rm-gone', 'missing', undefined],
    ]);
  });

  it('only node types erscope reads completely are probed as possibly missing', () => {
    expect(unresolvedReferences(inv)).toEqual([`${hub}/routeMaps/rm-gone`]);
  });
});
