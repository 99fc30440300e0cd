import type { NetworkManagementClient } from '@azure/arm-network';
import type { OperationOptions } from '@azure/core-client';
import { parseArmId } from '../arm/arm-id.js';
import { RT } from '../arm/resource-types.js';
import { ErscopeError } from '../errors.js';
import { canonicalType } from '../topology/edges.js';

/** Options passed to an SDK LRO begin call: per-call headers/onResponse plus the poll interval and abort signal. */
export type LroCallOptions = OperationOptions & { updateIntervalInMs?: number };

/** The poller an SDK `beginCreateOrUpdate` returns (v36 SimplePollerLike), reduced to what apply uses. */
export interface Poller {
  pollUntilDone(): Promise<unknown>;
}

type Get = (c: NetworkManagementClient, rg: string, n: string[], o: OperationOptions) => Promise<unknown>;
type Put = (c: NetworkManagementClient, rg: string, n: string[], model: never, o: LroCallOptions) => Promise<Poller>;

/** SDK v36 get/beginCreateOrUpdate per resource type; names are the id's names from the top resource down. */
const OPS: Record<string, { get: Get; put?: Put }> = {
  [RT.connection]: { get: (c, rg, n, o) => c.virtualNetworkGatewayConnections.get(rg, n[0]!, o), put: (c, rg, n, m, o) => c.virtualNetworkGatewayConnections.beginCreateOrUpdate(rg, n[0]!, m, o) },
  [RT.circuit]: { get: (c, rg, n, o) => c.expressRouteCircuits.get(rg, n[0]!, o) },
  [RT.peering]: { get: (c, rg, n, o) => c.expressRouteCircuitPeerings.get(rg, n[0]!, n[1]!, o), put: (c, rg, n, m, o) => c.expressRouteCircuitPeerings.beginCreateOrUpdate(rg, n[0]!, n[1]!, m, o) },
  [RT.authorization]: { get: (c, rg, n, o) => c.expressRouteCircuitAuthorizations.get(rg, n[0]!, n[1]!, o), put: (c, rg, n, m, o) => c.expressRouteCircuitAuthorizations.beginCreateOrUpdate(rg, n[0]!, n[1]!, m, o) },
  [RT.circuitConnection]: { get: (c, rg, n, o) => c.expressRouteCircuitConnections.get(rg, n[0]!, n[1]!, n[2]!, o), put: (c, rg, n, m, o) => c.expressRouteCircuitConnections.beginCreateOrUpdate(rg, n[0]!, n[1]!, n[2]!, m, o) },
  [RT.peerConnection]: { get: (c, rg, n, o) => c.peerExpressRouteCircuitConnections.get(rg, n[0]!, n[1]!, n[2]!, o) },
  [RT.vnetGateway]: { get: (c, rg, n, o) => c.virtualNetworkGateways.get(rg, n[0]!, o) },
  [RT.erGateway]: { get: (c, rg, n, o) => c.expressRouteGateways.get(rg, n[0]!, o) },
  [RT.erConnection]: { get: (c, rg, n, o) => c.expressRouteConnections.get(rg, n[0]!, n[1]!, o), put: (c, rg, n, m, o) => c.expressRouteConnections.beginCreateOrUpdate(rg, n[0]!, n[1]!, m, o) },
  [RT.hub]: { get: (c, rg, n, o) => c.virtualHubs.get(rg, n[0]!, o) },
  [RT.hubRouteTable]: { get: (c, rg, n, o) => c.hubRouteTables.get(rg, n[0]!, n[1]!, o) },
  [RT.vpnGateway]: { get: (c, rg, n, o) => c.vpnGateways.get(rg, n[0]!, o) },
  [RT.vpnConnection]: { get: (c, rg, n, o) => c.vpnConnections.get(rg, n[0]!, n[1]!, o), put: (c, rg, n, m, o) => c.vpnConnections.beginCreateOrUpdate(rg, n[0]!, n[1]!, m, o) },
  [RT.vpnSite]: { get: (c, rg, n, o) => c.vpnSites.get(rg, n[0]!, o) },
  [RT.routeFilter]: { get: (c, rg, n, o) => c.routeFilters.get(rg, n[0]!, o) },
};

/** Where an id's SDK call goes: subscription, resource group, names, canonical type. */
export interface Addressed {
  subscriptionId: string;
  resourceGroup: string;
  names: string[];
  type: string;
}

/** Parses an id into the parts an SDK call takes; throws a one-line error for ids erscope cannot address. */
export function address(id: string): Addressed {
  const p = parseArmId(id);
  if (!p.subscriptionId || !p.resourceGroup || !p.type) throw new ErscopeError(`not a resource id erscope can write: ${id}`);
  return { subscriptionId: p.subscriptionId, resourceGroup: p.resourceGroup, names: p.names, type: canonicalType(p.type) };
}

/** True when erscope knows how to PUT this type. */
export function canPut(type: string): boolean {
  return !!OPS[type]?.put;
}

/** True when erscope knows how to GET this type. */
export function canGet(type: string): boolean {
  return !!OPS[type];
}

/** Runs the typed SDK GET for an id (the caller captures the raw body through options.onResponse). */
export function sdkGet(client: NetworkManagementClient, a: Addressed, options: OperationOptions): Promise<unknown> {
  const op = OPS[a.type];
  if (!op) throw new ErscopeError(`erscope cannot read ${a.type} resources`);
  return op.get(client, a.resourceGroup, a.names, options);
}

/** Starts the typed SDK beginCreateOrUpdate for an id with an SDK-shaped (flattened) model. */
export function sdkPut(client: NetworkManagementClient, a: Addressed, model: unknown, options: LroCallOptions): Promise<Poller> {
  const op = OPS[a.type];
  if (!op?.put) throw new ErscopeError(`erscope cannot write ${a.type} resources`);
  return op.put(client, a.resourceGroup, a.names, model as never, options);
}

/**
 * Raw ARM body → the SDK's flattened model: every nested `properties` object is lifted into its owner, which is what the
 * v36 serializer expects (it nests them again, dropping read-only and unknown fields).
 */
export function toSdkModel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toSdkModel);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === 'properties' && v && typeof v === 'object' && !Array.isArray(v)) Object.assign(out, toSdkModel(v));
      else out[k] = toSdkModel(v);
    }
    return out;
  }
  return value;
}
