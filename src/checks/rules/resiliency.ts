import { RT } from '../../arm/resource-types.js';
import { DOCS } from '../docs.js';
import { circuitFacts, distinctCircuits, gatewayLinks, preferredPath } from '../er-links.js';
import { eqi, props } from '../model.js';
import { defineRule, shortName } from '../rule-kit.js';
import type { GatewayLinks } from '../er-links.js';

/** Gateways these rules judge: real ER gateways (a VPN gateway under an ER link is gateway-type-mismatch's business). */
function judged(g: GatewayLinks): boolean {
  return !g.gateway.stub && (g.gateway.type !== RT.vnetGateway || eqi(props(g.gateway).gatewayType, 'ExpressRoute'));
}

// Resiliency findings are design advice, not breakage, so they are info (like gateway-not-zone-redundant). A gateway with a
// single circuit gets both messages: one circuit, and therefore one peering location.

// domain.md §10.1 Advisor `ExpressRouteGatewayRedundancy` (fires when the gateway has only 1 circuit).
export const singleCircuitOnGateway = defineRule(
  { id: 'single-circuit-on-gateway', title: 'Gateway depends on a single circuit', category: 'resiliency', severity: 'info', docs: DOCS.advisorReliability, source: [{ url: DOCS.advisorReliability, quote: 'ExpressRouteGatewayRedundancy: fires when the gateway has only 1 circuit.' }] },
  (m, emit) => {
    for (const g of gatewayLinks(m)) {
      if (!judged(g)) continue;
      const circuits = distinctCircuits(g);
      if (circuits.size !== 1) continue;
      const only = [...circuits.values()][0]!;
      emit(g.gateway.id, {
        reason: `Every path from ${g.servesId ? shortName(g.servesId) : shortName(g.gateway.id)} to on-premises goes through circuit ${shortName(only.circuitId)}. One provider or peering-location outage cuts it off; Azure Advisor recommends a second circuit in another peering location.`,
        evidence: { circuits: [only.circuitId], peeringLocation: circuitFacts(m, only.circuit).peeringLocation, preferredPath: preferredPath(g) },
      });
    }
  },
);

// domain.md §4 misconfiguration 5 and §10.1 Resiliency Insights: connections from one peering location are not
// site-resilient (a single location scores 5% of route resiliency, two distinct locations 20%).
export const singlePeeringLocation = defineRule(
  { id: 'single-peering-location', title: 'All circuits of a gateway share one peering location', category: 'resiliency', severity: 'info', docs: DOCS.optRouting, source: [{ url: DOCS.optRouting, quote: 'Several connections from the same peering location counted as redundancy are not site-resilient.' }] },
  (m, emit) => {
    for (const g of gatewayLinks(m)) {
      if (!judged(g)) continue;
      const circuits = [...distinctCircuits(g).values()];
      if (circuits.length < 1) continue;
      const locations = circuits.map((l) => circuitFacts(m, l.circuit).peeringLocation);
      if (locations.some((l) => !l)) continue;
      const distinct = new Set(locations.map((l) => l!.toLowerCase()));
      if (distinct.size !== 1) continue;
      emit(g.gateway.id, {
        reason: `${circuits.length === 1 ? 'The only circuit serving' : `All ${circuits.length} circuits serving`} ${g.servesId ? shortName(g.servesId) : shortName(g.gateway.id)} land${circuits.length === 1 ? 's' : ''} in ${locations[0]}. An outage of that peering location cuts it off; add a circuit in a different location.`,
        evidence: { peeringLocation: locations[0], circuits: circuits.map((l) => l.circuitId), gatewayType: g.gateway.type === RT.erGateway ? 'vWAN hub ExpressRoute gateway' : 'VNet gateway' },
      });
    }
  },
);

/** Resiliency rules (besides gateway-not-zone-redundant, which lives with the gateway rules). */
export const RESILIENCY_RULES = [singleCircuitOnGateway, singlePeeringLocation];
