import { RT } from '../../arm/resource-types.js';
import { DOCS } from '../docs.js';
import { distinctCircuits, circuitFacts, gatewayLinks, isErConnection } from '../er-links.js';
import { eqi, get, props, refAt, type Res } from '../model.js';
import { defineRule, num, shortName } from '../rule-kit.js';

/** SKU name of a VNet gateway (`properties.sku.name`, falling back to the top-level `sku`). */
export function skuName(gw: Res): string {
  return String(get(gw.body, 'properties.sku.name') ?? get(gw.body, 'sku.name') ?? '');
}

/** Minimum scale units of an ErGwScale gateway (`autoScaleConfiguration.bounds.min`, else `sku.capacity`). */
export function scaleUnits(gw: Res): number | undefined {
  return num(get(gw.body, 'properties.autoScaleConfiguration.bounds.min')) ?? num(get(gw.body, 'properties.sku.capacity'));
}

/** Circuit connections a SKU allows (domain.md §1.2, [ER-GW]); undefined when the SKU is not an ER SKU or scale is unknown. */
export function circuitLimit(gw: Res): number | undefined {
  const sku = skuName(gw).toLowerCase();
  if (sku === 'standard' || sku === 'ergw1az') return 4;
  if (sku === 'highperformance' || sku === 'ergw2az') return 8;
  if (sku === 'ultraperformance' || sku === 'ergw3az') return 16;
  if (sku === 'ergwscale') {
    const su = scaleUnits(gw);
    if (su === undefined) return undefined;
    return su >= 10 ? 16 : su >= 2 ? 8 : 4;
  }
  return undefined;
}

function fastPathCapable(gw: Res): boolean {
  const sku = skuName(gw).toLowerCase();
  if (sku === 'ultraperformance' || sku === 'ergw3az') return true;
  if (sku === 'ergwscale') return (scaleUnits(gw) ?? 0) >= 10;
  return false;
}

const vnetGateway = (m: { get(id: string | undefined): Res | undefined }, conn: Res) => {
  const gw = m.get(refAt(conn, 'properties.virtualNetworkGateway1.id'));
  return gw && !gw.stub && gw.type === RT.vnetGateway ? gw : undefined;
};

// domain.md §1.1 [LINK-ARM]: a circuit can only be linked through a gateway whose gatewayType is ExpressRoute.
export const gatewayTypeMismatch = defineRule(
  { id: 'gateway-type-mismatch', title: 'Connection uses a gateway of the wrong type', category: 'gateway', severity: 'high', docs: DOCS.linkArm, source: [{ url: DOCS.linkArm, quote: "The ExpressRoute gateway uses the GatewayType 'ExpressRoute', not VPN." }] },
  (m, emit) => {
    for (const conn of m.ofType(RT.connection)) {
      const gw = vnetGateway(m, conn);
      if (!gw) continue;
      const type = props(gw).gatewayType;
      const er = isErConnection(conn);
      const vpnKind = ['ipsec', 'vnet2vnet'].includes(String(props(conn).connectionType ?? '').toLowerCase());
      if ((er && eqi(type, 'Vpn')) || (vpnKind && eqi(type, 'ExpressRoute'))) {
        emit(conn.id, {
          reason: `This ${String(props(conn).connectionType)} connection is attached to ${shortName(gw.id)}, a ${String(type)} gateway. An ExpressRoute circuit can only be linked through a gateway of type ExpressRoute (and VPN tunnels only through a VPN gateway), so this link can never come up.`,
          evidence: { 'properties.connectionType': props(conn).connectionType, gateway: gw.id, 'gateway.properties.gatewayType': type },
        });
      }
    }
  },
);

// domain.md §1.7 [VPN-SKU]/[VPN-FAQ]: Basic is legacy — no BGP, no custom IPsec policy, no active-active; Advisor flags it.
export const gatewayBasicSku = defineRule(
  { id: 'gateway-basic-sku', title: 'Gateway uses the legacy Basic SKU', category: 'gateway', severity: 'medium', docs: DOCS.vpnSku, source: [{ url: DOCS.vpnFaq, quote: 'Not supported on Basic: BGP, custom IPsec/IKE policy, active-active, IKEv1.' }, { url: DOCS.coexist, quote: 'VPN gateways can coexist with an ExpressRoute gateway only if the VPN gateway is route-based and not the Basic SKU.' }] },
  (m, emit) => {
    for (const gw of m.ofType(RT.vnetGateway)) {
      if (skuName(gw).toLowerCase() !== 'basic') continue;
      emit(gw.id, {
        reason: 'Basic is a legacy SKU: no BGP, no custom IPsec/IKE policy, no active-active, 100 Mbps. It cannot coexist with an ExpressRoute gateway, and moving off it means re-creating the gateway.',
        evidence: { 'properties.sku.name': skuName(gw), 'properties.gatewayType': props(gw).gatewayType },
      });
    }
  },
);

// domain.md §1.2 [ER-GW]: 4 / 8 / 16 circuit connections by SKU (ErGwScale by scale units), and at most 4 circuits
// from one peering location per gateway.
export const gatewayCircuitLimit = defineRule(
  { id: 'gateway-circuit-limit', title: 'More circuit connections than the gateway SKU allows', category: 'gateway', severity: 'high', docs: DOCS.erGateway, source: [{ url: DOCS.erGateway, quote: 'Max circuit connections: Standard / ErGw1Az 4; HighPerformance / ErGw2Az 8; UltraPerformance / ErGw3Az 16; ErGwScale 4 (>=1 SU), 8 (>=2 SU), 16 (>=10 SU).' }, { url: DOCS.erGateway, quote: 'Per VNet, a gateway can connect at most 4 circuits from the same peering location. This applies to every gateway SKU.' }] },
  (m, emit) => {
    for (const g of gatewayLinks(m)) {
      if (g.gateway.type !== RT.vnetGateway || g.gateway.stub) continue;
      const limit = circuitLimit(g.gateway);
      if (limit !== undefined && g.links.length > limit) {
        emit(g.gateway.id, {
          reason: `${shortName(g.gateway.id)} (${skuName(g.gateway)}) carries ${g.links.length} circuit connections but its SKU allows ${limit}. Connections over the limit fail or get dropped; move to a larger SKU or remove links.`,
          evidence: { 'properties.sku.name': skuName(g.gateway), scaleUnits: scaleUnits(g.gateway), circuitConnections: g.links.length, limit, connections: g.links.map((l) => l.conn.id) },
        });
      }
      const perLocation = new Map<string, string[]>();
      for (const l of distinctCircuits(g).values()) {
        const loc = circuitFacts(m, l.circuit).peeringLocation;
        if (loc) perLocation.set(loc.toLowerCase(), [...(perLocation.get(loc.toLowerCase()) ?? []), l.circuitId]);
      }
      for (const [loc, circuits] of perLocation) {
        if (circuits.length <= 4) continue;
        emit(g.gateway.id, {
          reason: `${circuits.length} circuits from the same peering location (${loc}) are linked to this gateway; every SKU allows at most 4 per peering location.`,
          evidence: { peeringLocation: loc, circuits, limit: 4 },
        });
      }
    }
  },
);

// domain.md §1.4 [ER-GW]: FastPath needs UltraPerformance, ErGw3Az, or ErGwScale with at least 10 scale units.
export const gatewayFastPathUnsupported = defineRule(
  { id: 'gateway-fastpath-unsupported', title: 'FastPath enabled on a gateway SKU that does not support it', category: 'gateway', severity: 'medium', docs: DOCS.erGateway, source: [{ url: DOCS.erGateway, quote: 'FastPath: gateway SKU must be UltraPerformance, ErGw3Az, or ErGwScale with at least 10 scale units.' }] },
  (m, emit) => {
    for (const conn of m.ofType(RT.connection)) {
      const p = props(conn);
      if (!isErConnection(conn) || (p.expressRouteGatewayBypass !== true && p.enablePrivateLinkFastPath !== true)) continue;
      const gw = vnetGateway(m, conn);
      if (!gw || fastPathCapable(gw)) continue;
      const patch: Record<string, unknown> = { expressRouteGatewayBypass: false };
      if (p.enablePrivateLinkFastPath === true) patch.enablePrivateLinkFastPath = false;
      emit(conn.id, {
        reason: `FastPath is switched on for this connection, but its gateway ${shortName(gw.id)} is ${skuName(gw)}${skuName(gw).toLowerCase() === 'ergwscale' ? ` with ${scaleUnits(gw) ?? '?'} scale units` : ''}. FastPath only works on UltraPerformance, ErGw3Az or ErGwScale with 10+ scale units, so traffic still goes through the gateway.`,
        evidence: {
          'properties.expressRouteGatewayBypass': p.expressRouteGatewayBypass,
          'properties.enablePrivateLinkFastPath': p.enablePrivateLinkFastPath,
          gateway: gw.id,
          'gateway.properties.sku.name': skuName(gw),
          scaleUnits: scaleUnits(gw),
        },
        fix: { kind: 'set-property', description: 'Turn FastPath off on this connection (or upgrade the gateway SKU)', targetId: conn.id, patch },
      });
    }
  },
);

// domain.md §1.2 [ER-GW] and Reliability page: non-AZ ER SKUs are not zone-redundant; every VPN tier except Basic has an AZ variant.
export const gatewayNotZoneRedundant = defineRule(
  { id: 'gateway-not-zone-redundant', title: 'Gateway SKU is not zone-redundant', category: 'resiliency', severity: 'info', docs: DOCS.reliabilityGateway, source: [{ url: DOCS.reliabilityGateway, quote: 'Zone-redundant ER gateway VMs are spread across at least 3 availability zones. Every VPN tier except Basic supports zone redundancy.' }] },
  (m, emit) => {
    for (const gw of m.ofType(RT.vnetGateway)) {
      const sku = skuName(gw);
      const s = sku.toLowerCase();
      const er = eqi(props(gw).gatewayType, 'ExpressRoute');
      const zonal = er ? s.endsWith('az') || s === 'ergwscale' : s.endsWith('az');
      if (!sku || zonal) continue;
      emit(gw.id, {
        reason: `${sku} runs in a single zone: a zone outage takes this gateway (and every connection through it) down. ${er ? 'ErGw1Az–3Az or ErGwScale' : 'The VpnGw*AZ SKUs'} spread instances across zones.`,
        evidence: { 'properties.sku.name': sku, 'properties.gatewayType': props(gw).gatewayType },
      });
    }
  },
);

/** Gateway type and SKU rules. */
export const GATEWAY_RULES = [gatewayTypeMismatch, gatewayBasicSku, gatewayCircuitLimit, gatewayFastPathUnsupported, gatewayNotZoneRedundant];
