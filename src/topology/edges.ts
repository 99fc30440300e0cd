import { RT } from '../arm/resource-types.js';
import { canonicalResourceType } from '../inventory/flatten.js';
import type { EdgeRule } from './types.js';

/** Relation name of the generic parent → child edge derived from ids (not from the table). */
export const CONTAINS = 'contains';
/** Path recorded on parent → child edges. */
export const PARENT_PATH = '(parent)';

/**
 * The ONE table of references between resources: every typed edge in the graph comes from a row here.
 * Paths were checked against the raw ARM bodies in test/fixtures/spec-examples; `[]` iterates arrays.
 */
export const EDGE_RULES: readonly EdgeRule[] = [
  // VNet gateway connections (Microsoft.Network/connections)
  { from: RT.connection, path: 'properties.virtualNetworkGateway1.id', to: RT.vnetGateway, relation: 'uses gateway' },
  { from: RT.connection, path: 'properties.virtualNetworkGateway2.id', to: RT.vnetGateway, relation: 'connects to gateway' },
  { from: RT.connection, path: 'properties.localNetworkGateway2.id', to: RT.localGateway, relation: 'connects to site' },
  { from: RT.connection, path: 'properties.peer.id', to: RT.circuit, relation: 'connects to circuit' },
  { from: RT.connection, path: 'properties.ingressNatRules[].id', to: RT.vnetGatewayNatRule, relation: 'ingress NAT' },
  { from: RT.connection, path: 'properties.egressNatRules[].id', to: RT.vnetGatewayNatRule, relation: 'egress NAT' },
  { from: RT.connection, path: 'properties.routingConfiguration.associatedRouteTable.id', to: RT.hubRouteTable, relation: 'associated with' },
  { from: RT.connection, path: 'properties.routingConfiguration.propagatedRouteTables.ids[].id', to: RT.hubRouteTable, relation: 'propagates to' },
  { from: RT.connection, path: 'properties.routingConfiguration.inboundRouteMap.id', to: RT.routeMap, relation: 'inbound route map' },
  { from: RT.connection, path: 'properties.routingConfiguration.outboundRouteMap.id', to: RT.routeMap, relation: 'outbound route map' },
  // VNet gateways
  { from: RT.vnetGateway, path: 'properties.ipConfigurations[].properties.subnet.id', to: RT.subnet, relation: 'in subnet' },
  { from: RT.vnetGateway, path: 'properties.ipConfigurations[].properties.publicIPAddress.id', to: RT.publicIp, relation: 'uses public IP' },
  // Circuits, peerings, authorizations, Global Reach
  { from: RT.circuit, path: 'properties.expressRoutePort.id', to: RT.port, relation: 'on port' },
  { from: RT.peering, path: 'properties.routeFilter.id', to: RT.routeFilter, relation: 'filtered by' },
  { from: RT.peering, path: 'properties.ipv6PeeringConfig.routeFilter.id', to: RT.routeFilter, relation: 'filtered by (IPv6)' },
  { from: RT.peering, path: 'properties.expressRouteConnection.id', to: RT.erConnection, relation: 'lists connection' },
  { from: RT.authorization, path: 'properties.connectionResourceUri', to: RT.connection, relation: 'redeemed by' },
  { from: RT.circuitConnection, path: 'properties.expressRouteCircuitPeering.id', to: RT.peering, relation: 'from peering' },
  { from: RT.circuitConnection, path: 'properties.peerExpressRouteCircuitPeering.id', to: RT.peering, relation: 'Global Reach to' },
  { from: RT.peerConnection, path: 'properties.expressRouteCircuitPeering.id', to: RT.peering, relation: 'from peering' },
  { from: RT.peerConnection, path: 'properties.peerExpressRouteCircuitPeering.id', to: RT.peering, relation: 'Global Reach to' },
  // Virtual WAN (the WAN lists its hubs and sites back)
  { from: RT.vwan, path: 'properties.virtualHubs[].id', to: RT.hub, relation: 'has hub' },
  { from: RT.vwan, path: 'properties.vpnSites[].id', to: RT.vpnSite, relation: 'has site' },
  { from: RT.hub, path: 'properties.virtualWan.id', to: RT.vwan, relation: 'in virtual WAN' },
  { from: RT.hub, path: 'properties.expressRouteGateway.id', to: RT.erGateway, relation: 'has ExpressRoute gateway' },
  { from: RT.hub, path: 'properties.vpnGateway.id', to: RT.vpnGateway, relation: 'has VPN gateway' },
  { from: RT.erGateway, path: 'properties.virtualHub.id', to: RT.hub, relation: 'in hub' },
  { from: RT.erConnection, path: 'properties.expressRouteCircuitPeering.id', to: RT.peering, relation: 'uses peering' },
  { from: RT.erConnection, path: 'properties.routingConfiguration.associatedRouteTable.id', to: RT.hubRouteTable, relation: 'associated with' },
  { from: RT.erConnection, path: 'properties.routingConfiguration.propagatedRouteTables.ids[].id', to: RT.hubRouteTable, relation: 'propagates to' },
  { from: RT.erConnection, path: 'properties.routingConfiguration.inboundRouteMap.id', to: RT.routeMap, relation: 'inbound route map' },
  { from: RT.erConnection, path: 'properties.routingConfiguration.outboundRouteMap.id', to: RT.routeMap, relation: 'outbound route map' },
  // VPN (Virtual WAN)
  { from: RT.vpnGateway, path: 'properties.virtualHub.id', to: RT.hub, relation: 'in hub' },
  { from: RT.vpnSite, path: 'properties.virtualWan.id', to: RT.vwan, relation: 'in virtual WAN' },
  { from: RT.vpnConnection, path: 'properties.remoteVpnSite.id', to: RT.vpnSite, relation: 'connects to site' },
  { from: RT.vpnConnection, path: 'properties.routingConfiguration.associatedRouteTable.id', to: RT.hubRouteTable, relation: 'associated with' },
  { from: RT.vpnConnection, path: 'properties.routingConfiguration.propagatedRouteTables.ids[].id', to: RT.hubRouteTable, relation: 'propagates to' },
  { from: RT.vpnConnection, path: 'properties.routingConfiguration.inboundRouteMap.id', to: RT.routeMap, relation: 'inbound route map' },
  { from: RT.vpnConnection, path: 'properties.routingConfiguration.outboundRouteMap.id', to: RT.routeMap, relation: 'outbound route map' },
  { from: RT.vpnLinkConnection, path: 'properties.vpnSiteLink.id', to: RT.vpnSiteLink, relation: 'uses site link' },
  { from: RT.vpnLinkConnection, path: 'properties.ingressNatRules[].id', to: RT.vpnNatRule, relation: 'ingress NAT' },
  { from: RT.vpnLinkConnection, path: 'properties.egressNatRules[].id', to: RT.vpnNatRule, relation: 'egress NAT' },
  // NAT rules name the link connections they apply to (the reverse of the link connection's own NAT lists)
  { from: RT.vpnNatRule, path: 'properties.ingressVpnSiteLinkConnections[].id', to: RT.vpnLinkConnection, relation: 'ingress NAT for' },
  { from: RT.vpnNatRule, path: 'properties.egressVpnSiteLinkConnections[].id', to: RT.vpnLinkConnection, relation: 'egress NAT for' },
];

/**
 * Types erscope reads completely in every subscription it can see, so an unread id of one of them is really missing
 * (404). VNets, subnets and public IPs are read only where a gateway uses them, and other types not at all: a reference
 * to one of those that was not read is a `not read` stub, never a claim that it does not exist.
 */
export const FULLY_READ_TYPES: ReadonlySet<string> = new Set(
  Object.values(RT).filter((t) => t !== RT.subscription && t !== RT.resourceGroup && t !== RT.vnet && t !== RT.subnet && t !== RT.publicIp),
);

/** Every type that is a node type of its own (the rest of the id space is folded onto its top-level resource). */
export const NODE_TYPES: ReadonlySet<string> = new Set(Object.values(RT).filter((t) => t !== RT.subscription && t !== RT.resourceGroup));

/** Canonical lower-cased type for a raw type string, folding ARM's alternative spellings onto RT. */
export const canonicalType = canonicalResourceType;

/** Rows of the edge table indexed by source type, so graph building is one lookup per node. */
export function rulesByType(rules: readonly EdgeRule[] = EDGE_RULES): Map<string, EdgeRule[]> {
  const out = new Map<string, EdgeRule[]>();
  for (const r of rules) {
    const list = out.get(r.from) ?? [];
    list.push(r);
    out.set(r.from, list);
  }
  return out;
}

/** Every string found at a dotted path; `[]` fans out over arrays, missing steps yield nothing. */
export function valuesAtPath(body: unknown, path: string): string[] {
  let current: unknown[] = [body];
  for (const raw of path.split('.')) {
    const iterate = raw.endsWith('[]');
    const key = iterate ? raw.slice(0, -2) : raw;
    const next: unknown[] = [];
    for (const v of current) {
      if (!v || typeof v !== 'object') continue;
      const child = (v as Record<string, unknown>)[key];
      if (iterate) {
        if (Array.isArray(child)) next.push(...child);
      } else if (child !== undefined && child !== null) {
        next.push(child);
      }
    }
    current = next;
  }
  return current.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}
