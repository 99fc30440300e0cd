import { rgOf, type SubscriptionReader } from './reader.js';
import type { ArmResource } from './types.js';

/** Virtual WANs (one subscription-wide list). */
export async function readVirtualWans(r: SubscriptionReader): Promise<ArmResource[]> {
  const net = r.conn.network(r.subscriptionId);
  return r.collect('virtualWans', r.scope, (o) => net.virtualWans.list(o));
}

/** Virtual hubs, then each hub's route tables and route maps: ARM embeds neither, so they cost two lists per hub. */
export async function readHubs(r: SubscriptionReader, onHubs?: (hubs: ArmResource[]) => void): Promise<ArmResource[]> {
  const net = r.conn.network(r.subscriptionId);
  const hubs = await r.collect('virtualHubs', r.scope, (o) => net.virtualHubs.list(o));
  onHubs?.(hubs);
  await Promise.all(hubs.map((h) => readHubChildren(r, h)));
  return hubs;
}

/**
 * One hub's route tables and route maps, side by side (ARM embeds neither in the hub and Resource Graph indexes
 * neither). Connections name route maps in `routingConfiguration.inbound/outboundRouteMap`; without this list a
 * route map would show as a stub.
 */
export async function readHubChildren(r: SubscriptionReader, hub: ArmResource): Promise<ArmResource[]> {
  const net = r.conn.network(r.subscriptionId);
  const rg = rgOf(hub.id);
  const [tables, maps] = await Promise.all([
    r.collect('hubRouteTables', hub.id, (o) => net.hubRouteTables.list(rg, hub.name, o)),
    r.collect('routeMaps', hub.id, (o) => net.routeMaps.list(rg, hub.name, o)),
  ]);
  return [...tables, ...maps];
}

/** vWAN ExpressRoute gateways with their connections embedded: one subscription-wide call (not paged), none per gateway. */
export async function readExpressRouteGateways(r: SubscriptionReader): Promise<ArmResource[]> {
  const net = r.conn.network(r.subscriptionId);
  return r.collect('expressRouteGateways', r.scope, (o) => net.expressRouteGateways.listBySubscription(o));
}
