import type { SubscriptionReader } from './reader.js';
import type { ArmResource } from './types.js';

/** vWAN VPN gateways with their VPN connections and link connections embedded: one subscription-wide list. */
export async function readVpnGateways(r: SubscriptionReader): Promise<ArmResource[]> {
  const net = r.conn.network(r.subscriptionId);
  return r.collect('vpnGateways', r.scope, (o) => net.vpnGateways.list(o));
}

/** VPN sites with their links embedded (one subscription-wide list). */
export async function readVpnSites(r: SubscriptionReader): Promise<ArmResource[]> {
  const net = r.conn.network(r.subscriptionId);
  return r.collect('vpnSites', r.scope, (o) => net.vpnSites.list(o));
}
