import { rgOf, type SubscriptionReader } from './reader.js';
import type { ArmResource } from './types.js';

/** Virtual WANs (one subscription-wide list). */
export async function readVirtualWans(r: SubscriptionReader): Promise<ArmResource[]> {
  const net = r.conn.network(r.subscriptionId);
  return r.collect('virtualWans', r.scope, (o) => net.virtualWans.list(o));
}

/** Virtual hubs, then each hub's route tables: ARM does not embed hubRouteTables, so they cost one list per hub. */
export async function readHubs(r: SubscriptionReader, onHubs?: (hubs: ArmResource[]) => void): Promise<ArmResource[]> {
  const net = r.conn.network(r.subscriptionId);
  const hubs = await r.collect('virtualHubs', r.scope, (o) => net.virtualHubs.list(o));
  onHubs?.(hubs);
  await Promise.all(hubs.map((h) => readHubRouteTables(r, h)));
  return hubs;
}

/** One hub's route tables (ARM embeds none in the hub, and Resource Graph does not index them). */
export function readHubRouteTables(r: SubscriptionReader, hub: ArmResource): Promise<ArmResource[]> {
  const net = r.conn.network(r.subscriptionId);
  return r.collect('hubRouteTables', hub.id, (o) => net.hubRouteTables.list(rgOf(hub.id), hub.name, o));
}

/** vWAN ExpressRoute gateways with their connections embedded: one subscription-wide call (not paged), none per gateway. */
export async function readExpressRouteGateways(r: SubscriptionReader): Promise<ArmResource[]> {
  const net = r.conn.network(r.subscriptionId);
  return r.collect('expressRouteGateways', r.scope, (o) => net.expressRouteGateways.listBySubscription(o));
}
