import { hostInSubnet } from './build-vnet.js';
import type { ArpRow, BgpPeerRow, CircuitStats, GatewayRouteRow, RouteRow, RouteSummaryRow, ScenarioDiagnostics } from './scenario-types.js';

/** How one MSEE device path (primary or secondary) of a private peering looks. */
export type LinkHealth = 'up' | 'arp-empty' | 'bgp-active' | 'bgp-idle' | 'down';

/** Inputs for the canned diagnostics of one private peering. */
export interface PeeringDiagSpec {
  primaryPeerAddressPrefix: string;
  secondaryPeerAddressPrefix: string;
  peerASN: number;
  /** Prefixes on-premises advertises (learned by the MSEE from the CE). */
  onPremPrefixes: string[];
  /** VNet prefixes Azure advertises through gateways connected to the circuit, with the gateway instance addresses. */
  azureRoutes: Array<{ prefix: string; nextHops: string[] }>;
  primary?: LinkHealth;
  secondary?: LinkHealth;
  /** Seed for MAC addresses and byte counters so every peering differs. */
  seed: number;
}

function mac(seed: number, side: number): string {
  const h = ((seed * 2654435761 + side * 40503) >>> 0).toString(16).padStart(8, '0');
  return `${h.slice(0, 4)}.${h.slice(4, 8)}.${(seed % 0xffff).toString(16).padStart(4, '0')}`;
}

function devicePath(prefix: string, spec: PeeringDiagSpec, health: LinkHealth, side: number) {
  const ce = hostInSubnet(prefix, 1);
  const msee = hostInSubnet(prefix, 2);
  const arp: ArpRow[] =
    health === 'arp-empty' || health === 'down'
      ? []
      : [
          { age: 7 + side * 3, interface: 'On-Prem', ipAddress: ce, macAddress: mac(spec.seed, side) },
          { age: 0, interface: 'Microsoft', ipAddress: msee, macAddress: mac(spec.seed + 7, side) },
        ];
  const established = health === 'up';
  const routes: RouteRow[] = established
    ? [
        ...spec.onPremPrefixes.map((network) => ({ network, nextHop: ce, locPrf: '', weight: 0, path: String(spec.peerASN) })),
        ...spec.azureRoutes.flatMap((r) => r.nextHops.map((nextHop) => ({ network: r.prefix, nextHop, locPrf: '', weight: 0, path: '65515' }))),
      ]
    : spec.azureRoutes.flatMap((r) => r.nextHops.map((nextHop) => ({ network: r.prefix, nextHop, locPrf: '', weight: 0, path: '65515' })));
  const state = health === 'bgp-active' || health === 'arp-empty' ? 'Active' : health === 'up' ? String(spec.onPremPrefixes.length) : 'Idle';
  const summary: RouteSummaryRow[] = [{ neighbor: ce, v: 4, as: spec.peerASN, upDown: established ? `${2 + side}d0${4 + side}h` : 'never', statePfxRcd: state }];
  return { arp, routes, summary };
}

/** ARP table, route table, route summary and stats for one private peering, per device path. */
export function peeringDiagnostics(spec: PeeringDiagSpec): ScenarioDiagnostics {
  const p = devicePath(spec.primaryPeerAddressPrefix, spec, spec.primary ?? 'up', 0);
  const s = devicePath(spec.secondaryPeerAddressPrefix, spec, spec.secondary ?? 'up', 1);
  return {
    arpTable: { primary: p.arp, secondary: s.arp },
    routesTable: { primary: p.routes, secondary: s.routes },
    routesTableSummary: { primary: p.summary, secondary: s.summary },
    stats: circuitStats(spec.seed, spec.primary ?? 'up', spec.secondary ?? 'up'),
  };
}

/** Byte counters for a circuit or peering; a path that is not up has only a trickle outbound (keepalives never answered). */
export function circuitStats(seed: number, primary: LinkHealth = 'up', secondary: LinkHealth = 'up'): CircuitStats {
  const base = 1_000_000_000 + ((seed * 7919) % 97) * 31_000_000;
  return {
    primarybytesIn: primary === 'up' ? base * 3 : 0,
    primarybytesOut: primary === 'up' ? base * 2 : 18_432,
    secondarybytesIn: secondary === 'up' ? Math.floor(base * 2.4) : 0,
    secondarybytesOut: secondary === 'up' ? Math.floor(base * 1.7) : 18_432,
    ratePerSecond: primary === 'up' || secondary === 'up' ? 2_000_000 + (seed % 13) * 250_000 : 0,
  };
}

/** One circuit as an ExpressRoute VNet gateway sees it over BGP. */
export interface GatewayCircuitView {
  /** MSEE neighbor addresses for primary and secondary, as the gateway sees them. */
  mseeAddresses: [string, string];
  state: BgpPeerRow['state'];
  onPremPrefixes: string[];
  asPath: string;
  weight: number;
}

/** BGP peers, learned routes and advertised routes of an ExpressRoute VNet gateway. */
export function gatewayDiagnostics(gatewaySubnetPrefix: string, vnetPrefixes: string[], circuits: GatewayCircuitView[]): ScenarioDiagnostics {
  const local = [hostInSubnet(gatewaySubnetPrefix, 4), hostInSubnet(gatewaySubnetPrefix, 5)];
  const bgpPeers: BgpPeerRow[] = [];
  const learnedRoutes: GatewayRouteRow[] = vnetPrefixes.flatMap((network) =>
    local.map((localAddress) => ({ localAddress, network, nextHop: '', sourcePeer: localAddress, origin: 'Network', asPath: '', weight: 32768 })),
  );
  const advertisedRoutes: GatewayRouteRow[] = [];
  circuits.forEach((c, k) => {
    local.forEach((localAddress, i) => {
      const neighbor = c.mseeAddresses[i]!;
      const up = c.state === 'Connected';
      bgpPeers.push({
        localAddress,
        neighbor,
        asn: 12076,
        state: c.state,
        connectedDuration: up ? `${3 + k}.0${i + 2}:1${k}:4${i}.2210000` : '',
        routesReceived: up ? c.onPremPrefixes.length : 0,
        messagesSent: up ? 4210 + k * 17 + i : 3,
        messagesReceived: up ? 4188 + k * 13 + i : 0,
      });
      if (up) {
        for (const network of c.onPremPrefixes) {
          learnedRoutes.push({ localAddress, network, nextHop: neighbor, sourcePeer: neighbor, origin: 'EBgp', asPath: c.asPath, weight: c.weight });
        }
      }
      for (const network of vnetPrefixes) {
        advertisedRoutes.push({ localAddress, network, nextHop: localAddress, sourcePeer: neighbor, origin: 'Igp', asPath: '65515', weight: 0 });
      }
    });
  });
  return { bgpPeers, learnedRoutes, advertisedRoutes };
}
