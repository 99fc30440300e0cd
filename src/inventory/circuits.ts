import type { SubscriptionReader } from './reader.js';
import type { ArmResource } from './types.js';

/**
 * ExpressRoute circuits with their peerings, authorizations, Global Reach and peer connections: ARM embeds all of
 * them in the circuit body, so one subscription-wide list reads the lot (no per-circuit or per-peering request).
 */
export async function readCircuits(r: SubscriptionReader): Promise<ArmResource[]> {
  const net = r.conn.network(r.subscriptionId);
  return r.collect('expressRouteCircuits', r.scope, (o) => net.expressRouteCircuits.listAll(o));
}

/** ExpressRoute Direct ports (one subscription-wide list). */
export async function readPorts(r: SubscriptionReader): Promise<ArmResource[]> {
  const net = r.conn.network(r.subscriptionId);
  return r.collect('expressRoutePorts', r.scope, (o) => net.expressRoutePorts.list(o));
}

/** Route filters with their rules embedded (one subscription-wide list). */
export async function readRouteFilters(r: SubscriptionReader): Promise<ArmResource[]> {
  const net = r.conn.network(r.subscriptionId);
  return r.collect('routeFilters', r.scope, (o) => net.routeFilters.list(o));
}
