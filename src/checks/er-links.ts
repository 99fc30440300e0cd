import { normalizeId, parentId } from '../arm/arm-id.js';
import { RT } from '../arm/resource-types.js';
import { eqi, get, props, refAt, type Model, type Res } from './model.js';
import { num } from './rule-kit.js';

/** One gateway → circuit link: a VNet gateway connection or a vWAN ExpressRoute connection. */
export interface ErLink {
  conn: Res;
  circuitId: string;
  circuit?: Res;
  /** `properties.routingWeight` (0 when unset, the ARM default per domain.md §4). */
  weight: number;
}

/** A gateway (VNet ER gateway or vWAN hub ER gateway) with its circuit links and the VNet or hub it serves. */
export interface GatewayLinks {
  gateway: Res;
  /** VNet id for a VNet gateway, hub id for a vWAN ER gateway. */
  servesId?: string;
  links: ErLink[];
}

/** Facts about a circuit that resiliency and weight rules compare. */
export interface CircuitFacts {
  peeringLocation?: string;
  bandwidthMbps?: number;
  tier?: string;
  direct: boolean;
}

/** True for a `Microsoft.Network/connections` resource of type ExpressRoute. */
export function isErConnection(r: Res): boolean {
  return r.type === RT.connection && eqi(props(r).connectionType, 'ExpressRoute');
}

/** Circuit id referenced by an ER link (connection `peer.id`, or the parent of the vWAN connection's peering). */
export function linkCircuitId(r: Res): string | undefined {
  if (r.type === RT.connection) return refAt(r, 'properties.peer.id');
  const peering = refAt(r, 'properties.expressRouteCircuitPeering.id');
  return peering ? parentId(peering) : undefined;
}

/** Reads peering location, bandwidth and SKU tier; ExpressRoute Direct circuits take them from their port. */
export function circuitFacts(m: Model, circuit: Res | undefined): CircuitFacts {
  if (!circuit || circuit.stub) return { direct: false };
  const p = props(circuit);
  const portId = refAt(circuit, 'properties.expressRoutePort.id');
  const port = portId ? m.get(portId) : undefined;
  const gbps = num(p.bandwidthInGbps);
  return {
    peeringLocation: (get(p, 'serviceProviderProperties.peeringLocation') ?? (port ? get(port.body, 'properties.peeringLocation') : undefined)) as string | undefined,
    bandwidthMbps: num(get(p, 'serviceProviderProperties.bandwidthInMbps')) ?? (gbps !== undefined ? gbps * 1000 : undefined),
    tier: (get(circuit.body, 'sku.tier') as string | undefined) ?? undefined,
    direct: Boolean(portId),
  };
}

/** VNet id served by a VNet gateway (parent of the GatewaySubnet in its first IP configuration). */
export function vnetOfGateway(gw: Res): string | undefined {
  const configs = props(gw).ipConfigurations;
  if (!Array.isArray(configs)) return undefined;
  for (const c of configs) {
    const subnet = get(c, 'properties.subnet.id');
    if (typeof subnet === 'string') return parentId(subnet);
  }
  return undefined;
}

/** VNet gateways (ExpressRoute and VPN) whose GatewaySubnet is in each VNet, keyed by normalized VNet id. */
export function gatewaysByVnet(m: Model): Map<string, Res[]> {
  const out = new Map<string, Res[]>();
  for (const gw of m.ofType(RT.vnetGateway)) {
    const vnet = vnetOfGateway(gw);
    if (!vnet) continue;
    const k = normalizeId(vnet);
    out.set(k, [...(out.get(k) ?? []), gw]);
  }
  return out;
}

const linksCache = new WeakMap<Model, GatewayLinks[]>();

/**
 * Every ER-capable gateway with its circuit links (connections whose gateway is a stub are grouped under the stub).
 * Computed once per model: six rules read it, and rules never change what they are given.
 */
export function gatewayLinks(m: Model): GatewayLinks[] {
  const hit = linksCache.get(m);
  if (hit) return hit;
  const out = collectLinks(m);
  linksCache.set(m, out);
  return out;
}

function collectLinks(m: Model): GatewayLinks[] {
  const out: GatewayLinks[] = [];
  const byGw = new Map<string, GatewayLinks>();
  for (const conn of m.ofType(RT.connection)) {
    if (!isErConnection(conn)) continue;
    const gwId = refAt(conn, 'properties.virtualNetworkGateway1.id');
    const circuitId = linkCircuitId(conn);
    if (!gwId || !circuitId) continue;
    const gw = m.get(gwId);
    if (!gw) continue;
    let entry = byGw.get(gw.key);
    if (!entry) {
      entry = { gateway: gw, servesId: gw.stub ? undefined : vnetOfGateway(gw), links: [] };
      byGw.set(gw.key, entry);
      out.push(entry);
    }
    entry.links.push({ conn, circuitId, circuit: m.get(circuitId), weight: num(props(conn).routingWeight) ?? 0 });
  }
  for (const gw of m.ofType(RT.erGateway)) {
    const links: ErLink[] = [];
    for (const conn of m.children(gw.id, RT.erConnection)) {
      const circuitId = linkCircuitId(conn);
      if (!circuitId) continue;
      links.push({ conn, circuitId, circuit: m.get(circuitId), weight: num(props(conn).routingWeight) ?? 0 });
    }
    out.push({ gateway: gw, servesId: refAt(gw, 'properties.virtualHub.id'), links });
  }
  return out;
}

/** Distinct circuits behind a gateway's links, keyed by normalized id. */
export function distinctCircuits(g: GatewayLinks): Map<string, ErLink> {
  const seen = new Map<string, ErLink>();
  for (const l of g.links) if (!seen.has(normalizeId(l.circuitId))) seen.set(normalizeId(l.circuitId), l);
  return seen;
}

/** The path the gateway prefers for equal-length prefixes: the highest routing weight; ties mean ECMP (domain.md §4). */
export function preferredPath(g: GatewayLinks): Record<string, unknown> {
  const max = Math.max(...g.links.map((l) => l.weight));
  const best = g.links.filter((l) => l.weight === max);
  return {
    serves: g.servesId ?? g.gateway.id,
    routingWeight: max,
    mode: best.length > 1 ? 'ECMP across equal weights' : 'single preferred connection',
    via: best.map((l) => ({ connection: l.conn.id, circuit: l.circuitId })),
  };
}
