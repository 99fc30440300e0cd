import { normalizeId } from '../arm/arm-id.js';
import { RT } from '../arm/resource-types.js';
import { CONTAINS } from './edges.js';
import { inSources, outTargets } from './queries.js';
import type { NodeAttrs, TopologyGraph } from './types.js';

/** One way traffic from a VNet or hub reaches on-premises: gateway → connection → circuit/peering (ER) or site (VPN). */
export interface ServicePath {
  kind: 'expressroute' | 'vpn';
  gatewayId: string;
  connectionId: string;
  circuitId?: string;
  peeringId?: string;
  /** VPN paths: the local network gateway, VPN site or remote gateway at the other end. */
  siteId?: string;
  /** ER: the circuit's (or its port's) peering location; VPN: the site's name. "unknown" when the circuit is a stub. */
  peeringLocation: string;
  routingWeight: number;
  /** Short status of the connection (connectionStatus or provisioning state). */
  status: string;
  /** True for the path(s) Azure prefers: highest weight among ER paths (ties all preferred); VPN only when no ER path exists. */
  preferred: boolean;
}

type Props = Record<string, unknown>;
const props = (n: NodeAttrs): Props => (n.body.properties ?? {}) as Props;
const attrs = (g: TopologyGraph, key: string): NodeAttrs => g.getNodeAttributes(key);

function weightOf(n: NodeAttrs): number {
  const w = props(n).routingWeight;
  return typeof w === 'number' && Number.isFinite(w) ? w : 0;
}

function children(g: TopologyGraph, key: string, type: string): string[] {
  return outTargets(g, key, CONTAINS).filter((k) => attrs(g, k).type === type);
}

function peeringLocationOf(g: TopologyGraph, circuitKey: string | undefined): string {
  if (!circuitKey) return 'unknown';
  const spp = props(attrs(g, circuitKey)).serviceProviderProperties as Props | undefined;
  if (typeof spp?.peeringLocation === 'string') return spp.peeringLocation;
  for (const port of outTargets(g, circuitKey, 'on port')) {
    const loc = props(attrs(g, port)).peeringLocation;
    if (typeof loc === 'string') return loc;
  }
  return 'unknown';
}

function privatePeeringOf(g: TopologyGraph, circuitKey: string): string | undefined {
  return children(g, circuitKey, RT.peering).find((k) => attrs(g, k).name.toLowerCase() === 'azureprivatepeering');
}

function erPath(g: TopologyGraph, gw: string, conn: string, circuit: string | undefined, peering: string | undefined): ServicePath {
  const c = attrs(g, conn);
  return {
    kind: 'expressroute',
    gatewayId: attrs(g, gw).id,
    connectionId: c.id,
    ...(circuit ? { circuitId: attrs(g, circuit).id } : {}),
    ...(peering ? { peeringId: attrs(g, peering).id } : {}),
    peeringLocation: peeringLocationOf(g, circuit),
    routingWeight: weightOf(c),
    status: c.status,
    preferred: false,
  };
}

function vpnPath(g: TopologyGraph, gw: string, conn: string, site: string | undefined): ServicePath {
  const c = attrs(g, conn);
  return {
    kind: 'vpn',
    gatewayId: attrs(g, gw).id,
    connectionId: c.id,
    ...(site ? { siteId: attrs(g, site).id } : {}),
    peeringLocation: site ? attrs(g, site).name : 'unknown',
    routingWeight: weightOf(c),
    status: c.status,
    preferred: false,
  };
}

/** Paths through one VNet gateway: its ExpressRoute connections to circuits and its IPsec/VNet-to-VNet connections. */
function vnetGatewayPaths(g: TopologyGraph, gw: string): ServicePath[] {
  const out: ServicePath[] = [];
  const conns = new Set([...inSources(g, gw, 'uses gateway'), ...inSources(g, gw, 'connects to gateway')]);
  for (const conn of conns) {
    const circuit = outTargets(g, conn, 'connects to circuit')[0];
    if (circuit || String(props(attrs(g, conn)).connectionType).toLowerCase() === 'expressroute') {
      out.push(erPath(g, gw, conn, circuit, circuit ? privatePeeringOf(g, circuit) : undefined));
    } else {
      const other = [...outTargets(g, conn, 'connects to site'), ...outTargets(g, conn, 'connects to gateway'), ...outTargets(g, conn, 'uses gateway')];
      out.push(vpnPath(g, gw, conn, other.find((k) => k !== gw)));
    }
  }
  return out;
}

/** Paths through one virtual hub: ER gateway connections to circuit peerings, VPN gateway connections to sites. */
function hubPaths(g: TopologyGraph, hub: string): ServicePath[] {
  const gateways = new Set([...inSources(g, hub, 'in hub'), ...outTargets(g, hub, 'has ExpressRoute gateway'), ...outTargets(g, hub, 'has VPN gateway')]);
  const out: ServicePath[] = [];
  for (const gw of gateways) {
    const type = attrs(g, gw).type;
    if (type === RT.erGateway) {
      for (const conn of children(g, gw, RT.erConnection)) {
        const peering = outTargets(g, conn, 'uses peering')[0];
        const circuit = peering ? inSources(g, peering, CONTAINS)[0] : undefined;
        out.push(erPath(g, gw, conn, circuit, peering));
      }
    } else if (type === RT.vpnGateway) {
      for (const conn of children(g, gw, RT.vpnConnection)) out.push(vpnPath(g, gw, conn, outTargets(g, conn, 'connects to site')[0]));
    }
  }
  return out;
}

/** Marks the preferred paths: highest routingWeight among ER paths (ties all win); VPN paths only win with no ER path. */
export function markPreferred(paths: ServicePath[]): ServicePath[] {
  const er = paths.filter((p) => p.kind === 'expressroute');
  const pool = er.length > 0 ? er : paths;
  const best = Math.max(...pool.map((p) => p.routingWeight));
  for (const p of pool) p.preferred = p.routingWeight === best;
  return paths;
}

/**
 * Every path serving a VNet (through the gateways in its subnets), a virtual hub, or a gateway given directly, with
 * the preferred one(s) marked per domain.md §4 (weight decides among ER; ER beats VPN at equal prefix length).
 */
export function servicePaths(g: TopologyGraph, vnetOrHubId: string): ServicePath[] {
  const key = normalizeId(vnetOrHubId);
  if (!g.hasNode(key)) return [];
  const type = attrs(g, key).type;
  let paths: ServicePath[] = [];
  if (type === RT.vnet) {
    const gateways = new Set(children(g, key, RT.subnet).flatMap((s) => inSources(g, s, 'in subnet')));
    for (const gw of gateways) paths.push(...vnetGatewayPaths(g, gw));
  } else if (type === RT.vnetGateway) {
    paths = vnetGatewayPaths(g, key);
  } else if (type === RT.hub) {
    paths = hubPaths(g, key);
  } else if (type === RT.erGateway || type === RT.vpnGateway) {
    const hub = outTargets(g, key, 'in hub')[0];
    paths = hub ? hubPaths(g, hub).filter((p) => normalizeId(p.gatewayId) === key) : [];
  }
  return markPreferred(paths);
}
