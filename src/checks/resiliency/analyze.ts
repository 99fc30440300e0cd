import { normalizeId } from '../../arm/arm-id.js';
import { RT } from '../../arm/resource-types.js';
import { servicePaths, type ServicePath } from '../../topology/service-paths.js';
import type { TopologyGraph } from '../../topology/types.js';
import { get, model as indexOf, props, type Model, type Res } from '../model.js';
import { globalReachBackups, servingCircuits } from './circuits.js';
import { gatewaysByVnet } from '../er-links.js';
import { gatewaysByHub, servingVnetGateways } from './gateways.js';
import { locationsOf, modelOf, scoreItems, spofsOf, type ScoreInput } from './score.js';
import type { BackupPath, ResiliencyTarget, ServingCircuit, ServingGateway } from './types.js';

const DOWN = new Set(['notconnected', 'failed', 'disabled']);

/** The other-location circuit that takes over when the preferred location fails (maximum resiliency's backup path). */
function secondLocation(paths: ServicePath[], circuits: ServingCircuit[]): BackupPath | undefined {
  const usable = circuits.filter((c) => c.usable && c.peeringLocation);
  if (locationsOf(usable).length < 2) return undefined;
  const byId = new Map(usable.map((c) => [normalizeId(c.id), c]));
  const preferred = paths.filter((p) => p.kind === 'expressroute' && p.preferred && p.circuitId && byId.has(normalizeId(p.circuitId)));
  const prefLocs = new Set(preferred.map((p) => byId.get(normalizeId(p.circuitId!))!.peeringLocation!.toLowerCase()));
  if (prefLocs.size >= 2) {
    const locs = locationsOf(usable.filter((c) => prefLocs.has(c.peeringLocation!.toLowerCase())));
    return { kind: 'second-location', id: usable[0]!.id, text: `equal weights across ${locs.join(', ')}: each location carries the traffic when another fails` };
  }
  const other = usable.find((c) => !prefLocs.has(c.peeringLocation!.toLowerCase()));
  if (!other) return undefined;
  const main = [...prefLocs][0] ? usable.find((c) => prefLocs.has(c.peeringLocation!.toLowerCase()))!.peeringLocation : 'the preferred location';
  return { kind: 'second-location', id: other.id, text: `${other.name} in ${other.peeringLocation} carries the traffic if ${main} fails` };
}

function vpnBackups(m: Model, paths: ServicePath[]): BackupPath[] {
  return paths
    .filter((p) => p.kind === 'vpn' && !DOWN.has(p.status.toLowerCase()))
    .map((p) => ({ kind: 'vpn' as const, id: p.connectionId, text: `site-to-site VPN ${m.get(p.connectionId)?.name ?? p.connectionId}` }));
}

function analyzeOne(m: Model, target: Res, kind: 'vnet' | 'hub', gateways: ServingGateway[]): ResiliencyTarget {
  const paths = servicePaths(m.graph, target.id);
  const circuits = servingCircuits(m, paths);
  const second = secondLocation(paths, circuits);
  // VPN is a backup only of an ExpressRoute path; on a VPN-only VNet it is the path itself.
  const er = circuits.some((c) => c.usable);
  const backups: BackupPath[] = [...(second ? [second] : []), ...(er ? vpnBackups(m, paths) : []), ...globalReachBackups(m, circuits)];
  const input: ScoreInput = { circuits, gateways, backups, hasVpnPath: paths.some((p) => p.kind === 'vpn' && !DOWN.has(p.status.toLowerCase())) };
  const items = scoreItems(input);
  const usable = circuits.filter((c) => c.usable);
  return {
    id: target.id, kind, name: target.name, subscriptionId: target.subscriptionId, ...(target.location ? { location: target.location } : {}),
    score: items.reduce((s, i) => s + i.points, 0),
    model: modelOf(input),
    circuits,
    peeringLocations: locationsOf(usable),
    providers: [...new Set(usable.map((c) => c.provider).filter((p): p is string => Boolean(p)))].sort((a, b) => a.localeCompare(b)),
    gateways, backups, spofs: spofsOf(input), items, paths,
  };
}

/** The analyzed VNet whose gateways a spoke uses: a Connected peering with useRemoteGateways true. */
function transitHub(vnet: Res, analyzed: Map<string, ResiliencyTarget>): ResiliencyTarget | undefined {
  const peerings = props(vnet).virtualNetworkPeerings;
  if (!Array.isArray(peerings)) return undefined;
  for (const p of peerings) {
    if (get(p, 'properties.useRemoteGateways') !== true) continue;
    const state = get(p, 'properties.peeringState');
    if (typeof state === 'string' && state.toLowerCase() !== 'connected') continue;
    const remote = get(p, 'properties.remoteVirtualNetwork.id');
    const hit = typeof remote === 'string' ? analyzed.get(normalizeId(remote)) : undefined;
    if (hit && !hit.via) return hit;
  }
  return undefined;
}

const cache = new WeakMap<TopologyGraph, ResiliencyTarget[]>();

/**
 * Resiliency of every VNet that has a gateway (and every spoke using one through gateway transit) and every Virtual WAN hub: the circuits and peering locations serving it,
 * gateway zone redundancy, backup paths, single points of failure and a 0–100 score (see score.ts for the model).
 * Sorted weakest first, then by name; computed once per graph.
 */
export function analyzeResiliency(graph: TopologyGraph): ResiliencyTarget[] {
  const hit = cache.get(graph);
  if (hit) return hit;
  const m = indexOf(graph);
  const out: ResiliencyTarget[] = [];
  const byVnet = gatewaysByVnet(m);
  for (const vnet of m.ofType(RT.vnet)) {
    const gws = byVnet.get(vnet.key);
    if (gws?.length) out.push(analyzeOne(m, vnet, 'vnet', servingVnetGateways(gws)));
  }
  // Spokes that use a peered VNet's gateways (gateway transit) share its paths, so they share its resiliency.
  const analyzed = new Map(out.map((t) => [normalizeId(t.id), t]));
  for (const vnet of m.ofType(RT.vnet)) {
    if (analyzed.has(vnet.key)) continue;
    const hub = transitHub(vnet, analyzed);
    if (hub) out.push({ ...hub, id: vnet.id, name: vnet.name, subscriptionId: vnet.subscriptionId, via: hub.id, ...(vnet.location ? { location: vnet.location } : {}) });
  }
  const byHub = gatewaysByHub(m);
  for (const hub of m.ofType(RT.hub)) out.push(analyzeOne(m, hub, 'hub', byHub.get(hub.key) ?? []));
  out.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  cache.set(graph, out);
  return out;
}

/** The analysis of one VNet or hub by id, or undefined when it has no gateway (and is not a hub). */
export function resiliencyOf(graph: TopologyGraph, id: string): ResiliencyTarget | undefined {
  const k = normalizeId(id);
  return analyzeResiliency(graph).find((t) => normalizeId(t.id) === k);
}

/** Human name of a resiliency model. */
export const MODEL_LABEL: Record<ResiliencyTarget['model'], string> = {
  maximum: 'maximum', high: 'high', standard: 'standard', 'vpn-only': 'VPN only', none: 'none',
};
