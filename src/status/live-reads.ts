import { parseArmId } from '../arm/arm-id.js';
import type { ArmConnection } from '../arm/clients.js';
import { rawGet } from '../arm/raw.js';
import { RT } from '../arm/resource-types.js';
import { ErscopeError } from '../errors.js';
import type { ArmResource } from '../inventory/types.js';

/** Per-call options: cancellation for long-running diagnostic POSTs and plain GETs alike. */
export interface CallOptions {
  abortSignal?: AbortSignal;
}

/** The byte counters of a circuit or peering (getStats / getPeeringStats). */
export interface TrafficStats {
  primarybytesIn?: number;
  primarybytesOut?: number;
  secondarybytesIn?: number;
  secondarybytesOut?: number;
}

/** Device path of the Microsoft edge routers (MSEE) for ARP and route tables. */
export type DevicePath = 'primary' | 'secondary';

/** The live reads status polling and diagnosis need, keyed by ARM id (the SDK wants rg/name parts). */
export interface LiveReads {
  /** Raw ARM body (properties nested) of a connection, vWAN ER connection, circuit, peering or gateway. */
  getResource(id: string, opts?: CallOptions): Promise<ArmResource>;
  /** Byte counters: circuit id → getStats, peering id → getPeeringStats. */
  getStats(id: string, opts?: CallOptions): Promise<TrafficStats>;
  listArpTable(peeringId: string, device: DevicePath, opts?: CallOptions): Promise<Array<Record<string, unknown>>>;
  listRoutesTableSummary(peeringId: string, device: DevicePath, opts?: CallOptions): Promise<Array<Record<string, unknown>>>;
  listRoutesTable(peeringId: string, device: DevicePath, opts?: CallOptions): Promise<Array<Record<string, unknown>>>;
  getBgpPeerStatus(gatewayId: string, opts?: CallOptions): Promise<Array<Record<string, unknown>>>;
  getLearnedRoutes(gatewayId: string, opts?: CallOptions): Promise<Array<Record<string, unknown>>>;
}

interface Parts {
  sub: string;
  rg: string;
  type: string;
  names: string[];
}

function parts(id: string): Parts {
  const p = parseArmId(id);
  if (!p.subscriptionId || !p.resourceGroup || !p.type) throw new ErscopeError(`not a resource id: ${id}`);
  return { sub: p.subscriptionId, rg: p.resourceGroup, type: p.type, names: p.names };
}

/** Rejects as soon as the signal aborts, so a long poll interval never delays cancellation. */
function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) {
    // The work was already started by the caller; observe its rejection so it cannot surface as unhandled.
    work.catch(() => undefined);
    return Promise.reject(abortError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
      (e) => (signal.removeEventListener('abort', onAbort), reject(e)),
    );
  });
}

/** The error a cancelled call rejects with (name AbortError, like the SDK's own). */
export function abortError(): Error {
  const e = new Error('The operation was aborted.');
  e.name = 'AbortError';
  return e;
}

interface Poller<T> {
  pollUntilDone(o?: { abortSignal?: AbortSignal }): Promise<T>;
}

/** Live reads over an ArmConnection; every call runs inside the subscription's concurrency limit and is counted by it. */
export function createLiveReads(conn: ArmConnection): LiveReads {
  const lro = async <T>(sub: string, start: (o: { abortSignal?: AbortSignal; updateIntervalInMs: number }) => Promise<Poller<T>>, opts?: CallOptions): Promise<T> => {
    const run = async () => {
      const poller = await start({ abortSignal: opts?.abortSignal, updateIntervalInMs: conn.pollIntervalMs });
      return poller.pollUntilDone({ abortSignal: opts?.abortSignal });
    };
    return abortable(conn.limit(sub)(run), opts?.abortSignal);
  };
  const valueOf = (r: unknown) => ((r as { value?: unknown[] }).value ?? []) as Array<Record<string, unknown>>;
  const peering = (id: string) => {
    const p = parts(id);
    if (p.type !== RT.peering) throw new ErscopeError(`not a circuit peering id: ${id}`);
    return { ...p, net: conn.network(p.sub), circuit: p.names[0]!, peering: p.names[1]! };
  };
  const gateway = (id: string) => {
    const p = parts(id);
    if (p.type !== RT.vnetGateway) throw new ErscopeError(`not a virtual network gateway id: ${id}`);
    return { ...p, net: conn.network(p.sub), name: p.names[0]! };
  };

  return {
    getResource(id, opts) {
      const p = parts(id);
      const net = conn.network(p.sub);
      const [a, b, c] = p.names as [string, string?, string?];
      const o = { abortSignal: opts?.abortSignal };
      const calls: Record<string, () => Promise<ArmResource>> = {
        [RT.connection]: () => rawGet((x) => net.virtualNetworkGatewayConnections.get(p.rg, a, { ...o, ...x })),
        [RT.erConnection]: () => rawGet((x) => net.expressRouteConnections.get(p.rg, a, b!, { ...o, ...x })),
        [RT.circuit]: () => rawGet((x) => net.expressRouteCircuits.get(p.rg, a, { ...o, ...x })),
        [RT.peering]: () => rawGet((x) => net.expressRouteCircuitPeerings.get(p.rg, a, b!, { ...o, ...x })),
        [RT.vnetGateway]: () => rawGet((x) => net.virtualNetworkGateways.get(p.rg, a, { ...o, ...x })),
        [RT.erGateway]: () => rawGet((x) => net.expressRouteGateways.get(p.rg, a, { ...o, ...x })),
        [RT.routeFilter]: () => rawGet((x) => net.routeFilters.get(p.rg, a, { ...o, ...x })),
        [RT.circuitConnection]: () => rawGet((x) => net.expressRouteCircuitConnections.get(p.rg, a, b!, c!, { ...o, ...x })),
      };
      const call = calls[p.type];
      if (!call) throw new ErscopeError(`live reads do not support ${p.type}`);
      return abortable(conn.limit(p.sub)(call), opts?.abortSignal);
    },
    async getStats(id, opts) {
      const p = parts(id);
      const net = conn.network(p.sub);
      const o = { abortSignal: opts?.abortSignal };
      if (p.type === RT.circuit) return abortable(conn.limit(p.sub)(() => net.expressRouteCircuits.getStats(p.rg, p.names[0]!, o)), opts?.abortSignal);
      if (p.type === RT.peering) {
        return abortable(conn.limit(p.sub)(() => net.expressRouteCircuits.getPeeringStats(p.rg, p.names[0]!, p.names[1]!, o)), opts?.abortSignal);
      }
      throw new ErscopeError(`byte counters exist only for circuits and peerings, not ${p.type}`);
    },
    async listArpTable(id, device, opts) {
      const p = peering(id);
      return valueOf(await lro(p.sub, (o) => p.net.expressRouteCircuits.beginListArpTable(p.rg, p.circuit, p.peering, device, o), opts));
    },
    async listRoutesTableSummary(id, device, opts) {
      const p = peering(id);
      return valueOf(await lro(p.sub, (o) => p.net.expressRouteCircuits.beginListRoutesTableSummary(p.rg, p.circuit, p.peering, device, o), opts));
    },
    async listRoutesTable(id, device, opts) {
      const p = peering(id);
      return valueOf(await lro(p.sub, (o) => p.net.expressRouteCircuits.beginListRoutesTable(p.rg, p.circuit, p.peering, device, o), opts));
    },
    async getBgpPeerStatus(id, opts) {
      const g = gateway(id);
      return valueOf(await lro(g.sub, (o) => g.net.virtualNetworkGateways.beginGetBgpPeerStatus(g.rg, g.name, o), opts));
    },
    async getLearnedRoutes(id, opts) {
      const g = gateway(id);
      return valueOf(await lro(g.sub, (o) => g.net.virtualNetworkGateways.beginGetLearnedRoutes(g.rg, g.name, o), opts));
    },
  };
}
