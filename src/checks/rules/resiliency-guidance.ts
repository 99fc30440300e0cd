import { RT } from '../../arm/resource-types.js';
import { eqi, props, type Model } from '../model.js';
import { analyzeResiliency } from '../resiliency/analyze.js';
import { RESILIENCY_SOURCES as S } from '../resiliency/sources.js';
import { metroName } from '../resiliency/circuits.js';
import type { ResiliencyTarget, SpofKind } from '../resiliency/types.js';
import { defineRule, type Emit } from '../rule-kit.js';
import { skuName } from './gateway.js';

// Rules over the resiliency analysis (src/checks/resiliency): they judge a VNet or hub as a whole, where the older
// single-circuit-on-gateway / single-peering-location / gateway-not-zone-redundant rules judge one gateway.

const what = (t: ResiliencyTarget): string => (t.kind === 'hub' ? `hub ${t.name}` : `VNet ${t.name}`);

function eachSpof(kind: SpofKind, m: Model, emit: Emit, hit: (t: ResiliencyTarget) => Parameters<Emit>[1]): void {
  // Spokes (via) share their transit VNet's analysis: judged once, on the VNet that owns the gateways.
  for (const t of analyzeResiliency(m.graph)) if (!t.via && t.spofs.some((s) => s.kind === kind)) emit(t.id, hit(t));
}

const usable = (t: ResiliencyTarget) => t.circuits.filter((c) => c.usable);

/** Distinct peering locations that all sit in one metro (Amsterdam + Amsterdam2): a metro-wide event takes every path. */
export const resiliencyCircuitsSameMetro = defineRule(
  {
    id: 'resiliency-circuits-same-metro', title: 'Every circuit of a VNet or hub is in one metro', category: 'resiliency', severity: 'info',
    docs: S.geoRedundancy.url, source: [S.geoRedundancy, S.drDesign],
  },
  (m, emit) => eachSpof('same-metro', m, emit, (t) => ({
    reason: `The circuits serving ${what(t)} land in ${t.peeringLocations.join(' and ')}: distinct peering locations, but all in the ${metroName(t.peeringLocations[0] ?? '?')} metro. A metro-wide outage (power, fibre, disaster) cuts every path; Microsoft's disaster-recovery guidance puts the second circuit in another metro or region.`,
    evidence: { peeringLocations: t.peeringLocations, metro: usable(t)[0]?.metro, circuits: usable(t).map((c) => c.id), score: t.score },
  })),
);

/** Two or more circuits, one connectivity provider: the provider's outage or maintenance is a single point of failure. */
export const resiliencySingleProvider = defineRule(
  {
    id: 'resiliency-single-provider', title: 'Every circuit of a VNet or hub comes from one provider', category: 'resiliency', severity: 'info',
    docs: S.drDesign.url, source: [S.drDesign, S.geoRedundancy],
  },
  (m, emit) => eachSpof('one-provider', m, emit, (t) => ({
    reason: `All ${usable(t).length} circuits serving ${what(t)} come from ${t.providers[0]}. An outage or maintenance in that provider's network takes every path down at once; Microsoft recommends diverse service-provider networks for the circuits of a disaster-recovery design.`,
    evidence: { provider: t.providers[0], circuits: usable(t).map((c) => c.id), peeringLocations: t.peeringLocations },
  })),
);

/** One peering location (standard or Metro resiliency) and no site-to-site VPN: nothing carries traffic when that site fails. */
export const resiliencyNoBackupPath = defineRule(
  {
    id: 'resiliency-no-backup-path', title: 'ExpressRoute from one peering location with no backup path', category: 'resiliency', severity: 'low',
    docs: S.drSingleCircuit.url, source: [S.standard, S.drSingleCircuit, S.haDesign],
  },
  (m, emit) => eachSpof('no-backup', m, emit, (t) => ({
    reason: `${what(t)[0]!.toUpperCase()}${what(t).slice(1)} reaches on-premises only through ${t.peeringLocations.join(', ') || 'one peering location'} (${t.model} resiliency) and has no site-to-site VPN or circuit elsewhere to fall back on. A peering-location outage cuts it off; Microsoft's guidance for a circuit that is not geo-redundant is a site-to-site VPN backup or a second circuit in another location.`,
    evidence: { model: t.model, peeringLocations: t.peeringLocations, circuits: usable(t).map((c) => c.id), backups: t.backups.map((b) => b.id), score: t.score },
  })),
);

/** A production VPN gateway in active-standby: a failover drops every tunnel for the time the standby takes over. */
export const resiliencyVpnActiveStandby = defineRule(
  {
    id: 'resiliency-vpn-active-standby', title: 'VPN gateway runs active-standby', category: 'resiliency', severity: 'info',
    docs: S.advisorActiveActive.url, source: [S.advisorActiveActive, S.reliabilityGateway],
  },
  (m, emit) => {
    for (const gw of m.ofType(RT.vnetGateway)) {
      const p = props(gw);
      // Basic cannot run active-active (gateway-basic-sku says so); an absent flag is not judged.
      if (!eqi(p.gatewayType, 'Vpn') || p.activeActive !== false || eqi(skuName(gw), 'Basic')) continue;
      emit(gw.id, {
        reason: `${gw.name} runs one active instance: planned maintenance or an instance failure moves the tunnels to the standby, with an interruption every on-premises site notices. Azure Advisor recommends active-active (both instances carry tunnels; pair it with two on-premises devices or BGP).`,
        evidence: { 'properties.activeActive': false, 'properties.sku.name': skuName(gw) },
      });
    }
  },
);

/** Resiliency rules judged on the VNet/hub analysis. */
export const RESILIENCY_GUIDANCE_RULES = [resiliencyCircuitsSameMetro, resiliencySingleProvider, resiliencyNoBackupPath, resiliencyVpnActiveStandby];
