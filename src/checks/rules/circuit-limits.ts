import { RT } from '../../arm/resource-types.js';
import { DOCS } from '../docs.js';
import { erGeoOfPeeringLocation, erGeoOfRegion } from '../er-geo.js';
import { circuitFacts, gatewayLinks, type ErLink } from '../er-links.js';
import { eqi, get, refAt, subOf, type Model, type Res } from '../model.js';
import { defineRule, shortName } from '../rule-kit.js';

/** Premium VNet links per circuit by bandwidth in Mbps (domain.md §5.10 [ER-LIMITS]); Standard and Local allow 10. */
const PREMIUM_LINKS: Array<[number, number]> = [[50, 20], [100, 25], [200, 25], [500, 40], [1000, 50], [2000, 60], [5000, 75], [10000, 100]];
/** Provider circuit bandwidths in Mbps (domain.md §5.10 [ER-LIMITS]: 50 Mbps to 10 Gbps, the rows of the VNet-link table). */
const PROVIDER_MBPS = [50, 100, 200, 500, 1000, 2000, 5000, 10000];

/** VNet links a circuit allows, or undefined when its tier or bandwidth is unknown. */
export function vnetLinkLimit(tier: string | undefined, mbps: number | undefined): number | undefined {
  if (eqi(tier, 'Standard') || eqi(tier, 'Local')) return 10;
  if (!eqi(tier, 'Premium') || mbps === undefined) return undefined;
  if (mbps >= 10000) return 100;
  let limit: number | undefined;
  for (const [bw, n] of PREMIUM_LINKS) if (mbps >= bw) limit = n;
  return limit;
}

/** Gateway links (VNet gateway connections and vWAN ER connections) per circuit id, lower-cased. */
function linksByCircuit(m: Model): Map<string, Array<{ link: ErLink; gateway: Res }>> {
  const out = new Map<string, Array<{ link: ErLink; gateway: Res }>>();
  for (const g of gatewayLinks(m)) {
    for (const link of g.links) {
      const k = link.circuitId.toLowerCase();
      out.set(k, [...(out.get(k) ?? []), { link, gateway: g.gateway }]);
    }
  }
  return out;
}

// domain.md §5.10 [ER-LIMITS]: 50 circuits per subscription, 10 per region per subscription. One finding per full
// subscription or region, on its first circuit by name (so the explorer shows it on a resource), naming every circuit.
export const circuitSubscriptionLimit = defineRule(
  { id: 'circuit-subscription-limit', title: 'Subscription at its ExpressRoute circuit limit', category: 'circuit', severity: 'low', docs: DOCS.erLimits, source: [{ url: DOCS.erLimits, quote: 'ExpressRoute circuits per subscription: 50. ExpressRoute circuits per region per subscription, with Azure Resource Manager: 10.' }] },
  (m, emit) => {
    const bySub = new Map<string, Res[]>();
    for (const c of m.ofType(RT.circuit)) bySub.set(subOf(c.id), [...(bySub.get(subOf(c.id)) ?? []), c]);
    const first = (list: Res[]) => [...list].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))[0]!;
    for (const [sub, circuits] of bySub) {
      if (circuits.length >= 50) {
        emit(first(circuits).id, {
          severity: circuits.length > 50 ? 'medium' : 'low',
          reason: `Subscription ${sub} holds ${circuits.length} ExpressRoute circuits; the documented limit is 50 per subscription, so the next circuit cannot be created there without a quota increase.`,
          evidence: { subscription: sub, circuits: circuits.length, limit: 50 },
          fix: { kind: 'manual', description: 'Delete circuits that are no longer used, request a quota increase, or create the next circuit in another subscription', targetId: `/subscriptions/${sub}` },
        });
      }
      const byRegion = new Map<string, Res[]>();
      for (const c of circuits) {
        const region = (c.location ?? '').replace(/\s+/g, '').toLowerCase();
        if (region) byRegion.set(region, [...(byRegion.get(region) ?? []), c]);
      }
      for (const [region, inRegion] of byRegion) {
        if (inRegion.length < 10) continue;
        emit(first(inRegion).id, {
          severity: inRegion.length > 10 ? 'medium' : 'low',
          reason: `Subscription ${sub} holds ${inRegion.length} ExpressRoute circuits in ${region} (${inRegion.map((c) => c.name).sort().join(', ')}); the documented limit is 10 per region per subscription, so another circuit in ${region} will be refused.`,
          evidence: { subscription: sub, region, circuits: inRegion.map((c) => c.id), limit: 10 },
          fix: { kind: 'manual', description: `Delete unused circuits in ${region}, create the next one with another resource location or subscription, or request a quota increase`, targetId: `/subscriptions/${sub}` },
        });
      }
    }
  },
);

// domain.md §5.10 [ER-LIMITS]: VNet links per circuit, Standard/Local 10, Premium by bandwidth; §5.8 [GR-ABOUT]: each Global
// Reach connection counts against the circuit's VNet-link limit.
export const circuitVnetLinkLimit = defineRule(
  { id: 'circuit-vnet-link-limit', title: 'More VNet links than the circuit SKU and bandwidth allow', category: 'circuit', severity: 'high', docs: DOCS.erLimits, source: [{ url: DOCS.erLimits, quote: 'Number of VNet links allowed per ExpressRoute circuit: Standard and Local 10; Premium 50 Mbps 20, 100 Mbps 25, 200 Mbps 25, 500 Mbps 40, 1 Gbps 50, 2 Gbps 60, 5 Gbps 75, 10 Gbps and above 100.' }, { url: DOCS.grAbout, quote: "Each Global Reach connection counts against the circuit's VNet-link limit." }] },
  (m, emit) => {
    const links = linksByCircuit(m);
    for (const c of m.ofType(RT.circuit)) {
      const facts = circuitFacts(m, c);
      const limit = vnetLinkLimit(facts.tier, facts.bandwidthMbps);
      if (limit === undefined) continue;
      const gw = links.get(c.id.toLowerCase()) ?? [];
      const gr = m.children(c.id, RT.peering).flatMap((p) => [...m.children(p.id, RT.circuitConnection), ...m.children(p.id, RT.peerConnection)]);
      const total = gw.length + gr.length;
      if (total <= limit) continue;
      const premium = eqi(facts.tier, 'Premium');
      emit(c.id, {
        reason: `Circuit ${c.name} (${facts.tier}${premium ? `, ${facts.bandwidthMbps} Mbps` : ''}) carries ${total} links (${gw.length} gateway connection(s), ${gr.length} Global Reach) but allows ${limit}. Links over the limit cannot be created and a re-create of an existing one fails.`,
        evidence: { 'sku.tier': facts.tier, bandwidthMbps: facts.bandwidthMbps, links: total, limit, gatewayConnections: gw.map((x) => x.link.conn.id), globalReach: gr.map((x) => x.id) },
        fix: { kind: 'manual', description: premium ? 'Raise the circuit bandwidth (more links per Premium bandwidth step) or move links to another circuit' : 'Upgrade the circuit to Premium (20-100 links by bandwidth) or move links to another circuit', targetId: c.id },
      });
    }
  },
);

// domain.md §5.10 [ER-LIMITS]: provider bandwidths run from 50 Mbps to 10 Gbps (the bandwidth rows of the limits table).
export const circuitBandwidthUnsupported = defineRule(
  { id: 'circuit-bandwidth-unsupported', title: 'Provider circuit bandwidth is not an offered size', category: 'circuit', severity: 'medium', docs: DOCS.erLimits, source: [{ url: DOCS.erLimits, quote: 'Provider circuit bandwidths: 50 Mbps, 100 Mbps, 200 Mbps, 500 Mbps, 1 Gbps, 2 Gbps, 5 Gbps, 10 Gbps.' }] },
  (m, emit) => {
    for (const c of m.ofType(RT.circuit)) {
      if (refAt(c, 'properties.expressRoutePort.id')) continue; // ExpressRoute Direct sizes come from the port
      const mbps = get(c.body, 'properties.serviceProviderProperties.bandwidthInMbps');
      if (typeof mbps !== 'number' || PROVIDER_MBPS.includes(mbps)) continue;
      const below = [...PROVIDER_MBPS].reverse().find((b) => b < mbps);
      emit(c.id, {
        reason: `Circuit ${c.name} declares ${mbps} Mbps, which is not one of the provider bandwidths (50 Mbps to 10 Gbps: ${PROVIDER_MBPS.join(', ')}). The provider cannot provision it, and limits that depend on bandwidth (VNet links) cannot be read.`,
        evidence: { 'properties.serviceProviderProperties.bandwidthInMbps': mbps, offered: PROVIDER_MBPS },
        fix: { kind: 'manual', description: below ? `Set the bandwidth to an offered size such as ${below} Mbps (agree the size with the provider)` : 'Set the bandwidth to an offered size (50 Mbps or more)', targetId: c.id },
      });
    }
  },
);

// [ER-LOCATIONS]: "Connectivity across geopolitical regions is not supported on the standard ExpressRoute SKU. You will
// need to enable the ExpressRoute premium add-on to support global connectivity." The circuit's side is its peering
// location, the VNet's side the gateway's region, both from the page's table (unknown names are not judged).
export const circuitLinkCrossGeopolitical = defineRule(
  { id: 'circuit-link-cross-geopolitical', title: 'Gateway in another geopolitical region linked to a non-Premium circuit', category: 'circuit', severity: 'high', docs: DOCS.erLocations, source: [{ url: DOCS.erLocations, quote: 'You have access to Azure services across all regions within a geopolitical region if you connected to at least one ExpressRoute location within the geopolitical region. Connectivity across geopolitical regions is not supported on the standard ExpressRoute SKU. You will need to enable the ExpressRoute premium add-on to support global connectivity.' }] },
  (m, emit) => {
    for (const g of gatewayLinks(m)) {
      if (g.gateway.stub) continue;
      const gwGeo = erGeoOfRegion(g.gateway.location);
      if (!gwGeo) continue;
      for (const l of g.links) {
        if (!l.circuit || l.circuit.stub) continue;
        const f = circuitFacts(m, l.circuit);
        const cGeo = erGeoOfPeeringLocation(f.peeringLocation);
        if (!cGeo || cGeo === gwGeo || eqi(f.tier, 'Premium')) continue;
        emit(l.conn.id, {
          reason: `Circuit ${l.circuit.name} peers in ${f.peeringLocation} (${cGeo}) but gateway ${shortName(g.gateway.id)} is in ${g.gateway.location} (${gwGeo}). Connectivity across geopolitical regions needs the Premium add-on; on ${f.tier ?? 'this tier'} the link is refused.`,
          evidence: { circuit: l.circuit.id, 'circuit.sku.tier': f.tier, peeringLocation: f.peeringLocation, circuitGeopoliticalRegion: cGeo, gateway: g.gateway.id, gatewayLocation: g.gateway.location, gatewayGeopoliticalRegion: gwGeo },
          fix: { kind: 'manual', description: `Upgrade ${l.circuit.name} to Premium, or link a circuit that peers in ${gwGeo}`, targetId: l.circuit.id },
        });
      }
    }
  },
);

/** Circuit capacity and geography rules (second wave, issue #12). */
export const CIRCUIT_LIMIT_RULES = [circuitSubscriptionLimit, circuitVnetLinkLimit, circuitBandwidthUnsupported, circuitLinkCrossGeopolitical];
