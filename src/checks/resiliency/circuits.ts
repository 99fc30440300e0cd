import { normalizeId, parentId } from '../../arm/arm-id.js';
import { RT } from '../../arm/resource-types.js';
import type { ServicePath } from '../../topology/service-paths.js';
import { circuitFacts } from '../er-links.js';
import { eqi, get, props, refAt, type Model, type Res } from '../model.js';
import { shortName } from '../rule-kit.js';
import type { BackupPath, ServingCircuit } from './types.js';

/** The metro of a peering location as written ("London2" → "London", "Amsterdam Metro" → "Amsterdam"). */
export function metroName(location: string): string {
  return location.replace(/\s+metro$/i, '').replace(/\s*\d+$/, '').trim();
}

/** The metro key of a peering location: its metro name, lower-cased, so sites of one metro compare equal. */
export function metroOf(location: string): string {
  return metroName(location).toLowerCase();
}

const DOWN_STATUS = new Set(['notconnected', 'failed', 'disabled']);

function circuitDown(c: Res | undefined): string | undefined {
  if (!c || c.stub) return undefined;
  const p = props(c);
  if (typeof p.serviceProviderProvisioningState === 'string' && !eqi(p.serviceProviderProvisioningState, 'Provisioned')) return `provider state ${p.serviceProviderProvisioningState}`;
  if (eqi(p.circuitProvisioningState, 'Disabled')) return 'circuit disabled';
  const peering = (Array.isArray(p.peerings) ? (p.peerings as Array<{ name?: string; properties?: { state?: string } }>) : [])
    .find((x) => eqi(x.name, 'AzurePrivatePeering'));
  if (peering && eqi(peering.properties?.state, 'Disabled')) return 'private peering disabled';
  return undefined;
}

/** Distinct circuits behind a target's ExpressRoute paths, with location, metro, provider and whether they carry traffic. */
export function servingCircuits(m: Model, paths: ServicePath[]): ServingCircuit[] {
  const byKey = new Map<string, { circuitId: string; paths: ServicePath[] }>();
  for (const p of paths) {
    if (p.kind !== 'expressroute') continue;
    const cid = p.circuitId ?? (p.peeringId ? parentId(p.peeringId) : undefined);
    if (!cid) continue;
    const k = normalizeId(cid);
    const e = byKey.get(k) ?? { circuitId: cid, paths: [] };
    e.paths.push(p);
    byKey.set(k, e);
  }
  const out: ServingCircuit[] = [];
  for (const { circuitId, paths: via } of byKey.values()) {
    const c = m.get(circuitId);
    const facts = circuitFacts(m, c);
    const provider = c && !c.stub ? (facts.direct ? 'ExpressRoute Direct' : (get(props(c), 'serviceProviderProperties.serviceProviderName') as string | undefined)) : undefined;
    const down = circuitDown(c) ?? (via.every((p) => DOWN_STATUS.has(p.status.toLowerCase())) ? `connection ${via.map((p) => p.status).join('/')}` : undefined);
    const loc = facts.peeringLocation;
    out.push({
      id: c?.id ?? circuitId,
      name: c?.name || shortName(circuitId),
      ...(loc ? { peeringLocation: loc, metro: metroOf(loc) } : {}),
      ...(provider ? { provider } : {}),
      metroCircuit: Boolean(loc && /\bmetro$/i.test(loc)),
      usable: !down,
      ...(down ? { down } : {}),
      ...(c?.stub ? { stub: c.stub } : {}),
      connectionIds: via.map((p) => p.connectionId),
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

interface GrLink {
  gr: Res;
  /** Position in the model's circuit-connection list, so candidates are visited in that order. */
  order: number;
  here: string;
  there: string;
}

const grCache = new WeakMap<Model, Map<string, GrLink[]>>();

/** Global Reach links by the normalized id of either circuit they join; built once per model. */
function grLinksByCircuit(m: Model): Map<string, GrLink[]> {
  const hit = grCache.get(m);
  if (hit) return hit;
  const out = new Map<string, GrLink[]>();
  m.ofType(RT.circuitConnection).forEach((gr, order) => {
    // A link that failed to provision or is down carries nothing.
    const p = props(gr);
    if (eqi(p.provisioningState, 'Failed') || (typeof p.circuitConnectionStatus === 'string' && !eqi(p.circuitConnectionStatus, 'Connected'))) return;
    const here = parentId(parentId(gr.id) ?? '');
    const peerPeering = refAt(gr, 'properties.peerExpressRouteCircuitPeering.id');
    const there = peerPeering ? parentId(peerPeering) : undefined;
    if (!here || !there) return;
    const link = { gr, order, here, there };
    for (const k of new Set([normalizeId(here), normalizeId(there)])) out.set(k, [...(out.get(k) ?? []), link]);
  });
  grCache.set(m, out);
  return out;
}

/** Global Reach links from a serving circuit to a circuit in a peering location none of the serving circuits use. */
export function globalReachBackups(m: Model, circuits: ServingCircuit[]): BackupPath[] {
  const serving = new Set(circuits.filter((c) => c.usable).map((c) => normalizeId(c.id)));
  const locations = new Set(circuits.filter((c) => c.usable && c.peeringLocation).map((c) => c.peeringLocation!.toLowerCase()));
  const out: BackupPath[] = [];
  const seen = new Set<string>();
  // Only links touching a serving circuit can count: look those up instead of walking every Global Reach link.
  const byCircuit = grLinksByCircuit(m);
  const candidates = [...new Set([...serving].flatMap((k) => byCircuit.get(k) ?? []))].sort((a, b) => a.order - b.order);
  for (const { gr, here, there } of candidates) {
    const [mine, other] = serving.has(normalizeId(here)) ? [here, there] : serving.has(normalizeId(there)) ? [there, here] : [];
    if (!mine || !other || serving.has(normalizeId(other)) || seen.has(normalizeId(other))) continue;
    const loc = circuitFacts(m, m.get(other)).peeringLocation;
    if (!loc || locations.has(loc.toLowerCase())) continue;
    seen.add(normalizeId(other));
    out.push({ kind: 'global-reach', id: gr.id, text: `Global Reach ${gr.name}: ${shortName(mine)} ↔ ${shortName(other)} (${loc})` });
  }
  return out;
}
