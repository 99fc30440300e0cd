import { normalizeId, parentId } from '../arm/arm-id.js';
import type { SubscriptionReader } from './reader.js';
import type { ArmResource } from './types.js';

/**
 * VNet gateways (ExpressRoute and VPN), their connections and local network gateways of one resource group. ARM has
 * no subscription-wide list for these three families, so they cost three lists per resource group.
 */
export async function readResourceGroupGateways(r: SubscriptionReader, rg: string): Promise<ArmResource[]> {
  const net = r.conn.network(r.subscriptionId);
  const scope = `${r.scope}/resourceGroups/${rg}`;
  const [gateways] = await Promise.all([
    r.collect('virtualNetworkGateways', scope, (o) => net.virtualNetworkGateways.list(rg, o)),
    r.collect('virtualNetworkGatewayConnections', scope, (o) => net.virtualNetworkGatewayConnections.list(rg, o)),
    r.collect('localNetworkGateways', scope, (o) => net.localNetworkGateways.list(rg, o)),
  ]);
  return gateways;
}

/** Starts the subscription-wide VNet and public IP lists; what to keep is decided once the gateways are known. */
export function startGatewayNetworkLists(r: SubscriptionReader): { vnets: Promise<ArmResource[]>; publicIps: Promise<ArmResource[]> } {
  const net = r.conn.network(r.subscriptionId);
  return {
    vnets: r.list('virtualNetworks', r.scope, (o) => net.virtualNetworks.listAll(o)),
    publicIps: r.list('publicIPAddresses', r.scope, (o) => net.publicIPAddresses.listAll(o)),
  };
}

function refsOf(gateways: readonly ArmResource[], key: 'subnet' | 'publicIPAddress'): Set<string> {
  const out = new Set<string>();
  for (const gw of gateways) {
    const configs = (gw.properties?.ipConfigurations ?? []) as Array<{ properties?: Record<string, { id?: unknown }> }>;
    if (!Array.isArray(configs)) continue;
    for (const c of configs) {
      const id = c?.properties?.[key]?.id;
      if (typeof id === 'string') out.add(normalizeId(id));
    }
  }
  return out;
}

/**
 * Keeps only what the hybrid picture needs from the network lists: the VNets holding a gateway's subnet (with their
 * subnets, GatewaySubnet included) and the public IPs the gateways use.
 */
export function keepGatewayNetworks(r: SubscriptionReader, gateways: readonly ArmResource[], vnets: readonly ArmResource[], publicIps: readonly ArmResource[]): void {
  const subnets = refsOf(gateways, 'subnet');
  const vnetIds = new Set([...subnets].map((s) => parentId(s)).filter((v): v is string => !!v));
  r.keep(vnets.filter((v) => vnetIds.has(normalizeId(v.id))));
  const pips = refsOf(gateways, 'publicIPAddress');
  r.keep(publicIps.filter((p) => pips.has(normalizeId(p.id))));
}
