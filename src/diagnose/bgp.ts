import { peerAddresses, sameAddress } from './addresses.js';

/** One row of routeTablesSummary: `statePfxRcd` is a prefix count when Established, else the BGP state name. */
export interface RouteSummaryEntry {
  neighbor?: string;
  v?: number;
  as?: number;
  upDown?: string;
  statePfxRcd?: string | number;
}

/** BGP verdict for one MSEE device. */
export interface BgpPathResult {
  path: 'primary' | 'secondary';
  neighbor?: string;
  /** Established, or the state string (Active, Idle, Connect, OpenSent...), or "none" when the summary is empty. */
  state: string;
  established: boolean;
  prefixesReceived?: number;
  neighborAs?: number;
  /** The neighbour's ASN differs from the peering's peerASN (a common cause of Active/Idle). */
  asnMismatch?: boolean;
}

/** Number of prefixes when `statePfxRcd` is numeric (string or number), else undefined (a state name). */
export function prefixCount(statePfxRcd: string | number | undefined): number | undefined {
  if (typeof statePfxRcd === 'number') return Number.isFinite(statePfxRcd) ? statePfxRcd : undefined;
  if (typeof statePfxRcd === 'string' && /^\s*\d+\s*$/.test(statePfxRcd)) return Number(statePfxRcd);
  return undefined;
}

/** Evaluates one device's BGP summary; prefers the row for the on-premises IP of the /30, else the first row. */
export function evaluateBgpSummary(
  path: 'primary' | 'secondary',
  prefix: string | undefined,
  rows: RouteSummaryEntry[],
  peerAsn?: number,
): BgpPathResult {
  if (rows.length === 0) return { path, state: 'none', established: false };
  const onPrem = peerAddresses(prefix)?.onPremises;
  const row = rows.find((r) => sameAddress(r.neighbor, onPrem)) ?? rows[0]!;
  const n = prefixCount(row.statePfxRcd);
  const asnMismatch = peerAsn !== undefined && row.as !== undefined && Number(row.as) !== Number(peerAsn) ? true : undefined;
  return {
    path,
    neighbor: row.neighbor,
    state: n !== undefined ? 'Established' : String(row.statePfxRcd ?? 'unknown'),
    established: n !== undefined,
    prefixesReceived: n,
    neighborAs: row.as,
    ...(asnMismatch ? { asnMismatch } : {}),
  };
}

/** Plain-words description of one device's BGP state. */
export function describeBgp(r: BgpPathResult): string {
  if (r.established) return `${r.path}: neighbour ${r.neighbor ?? '?'} Established, ${r.prefixesReceived} prefixes received`;
  if (r.state === 'none') return `${r.path}: no BGP neighbour in the route table summary`;
  const asn = r.asnMismatch ? ` (neighbour AS ${r.neighborAs} differs from the peering's peer ASN)` : '';
  return `${r.path}: neighbour ${r.neighbor ?? '?'} is ${r.state}, not Established${asn}`;
}

/** One gateway BGP peer as getBgpPeerStatus returns it. */
export interface GatewayBgpPeer {
  neighbor?: string;
  asn?: number;
  state?: string;
  routesReceived?: number;
  localAddress?: string;
}

/** Summarises a gateway's BGP peers: how many are Connected and the routes they sent. */
export function summariseGatewayPeers(peers: GatewayBgpPeer[]): { total: number; connected: number; routesReceived: number; down: string[] } {
  const connected = peers.filter((p) => (p.state ?? '').toLowerCase() === 'connected');
  return {
    total: peers.length,
    connected: connected.length,
    routesReceived: connected.reduce((s, p) => s + (Number(p.routesReceived) || 0), 0),
    down: peers.filter((p) => (p.state ?? '').toLowerCase() !== 'connected').map((p) => `${p.neighbor ?? '?'} ${p.state ?? 'Unknown'}`),
  };
}
