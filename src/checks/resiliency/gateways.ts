import { normalizeId } from '../../arm/arm-id.js';
import { RT } from '../../arm/resource-types.js';
import { eqi, get, props, refAt, type Model, type Res } from '../model.js';
import { scaleUnits, skuName } from '../rules/gateway.js';
import type { ServingGateway } from './types.js';

/**
 * Zone score of a VNet gateway SKU, 0..1, with the ratios of Resiliency Insights (domain.md §10.1 [RES-INS]):
 * Standard/HighPerformance 0, UltraPerformance 0.2, ErGw1–3AZ 1 (zonal 0.8 is not visible from the SKU: the public
 * IP's zones decide, so an AZ SKU gets the benefit of the doubt), ErGwScale 0.8 at 2 or fewer scale units, 1 above;
 * VPN: every *AZ SKU 1, others 0 (domain.md §1.7).
 */
export function zoneScoreOfSku(sku: string, er: boolean, minScaleUnits?: number): number {
  const s = sku.toLowerCase();
  if (er) {
    if (s === 'ergwscale') return minScaleUnits !== undefined && minScaleUnits <= 2 ? 0.8 : 1;
    if (/^ergw[123]az$/.test(s)) return 1;
    if (s === 'ultraperformance') return 0.2;
    return 0;
  }
  return s.endsWith('az') ? 1 : 0;
}

function vnetGateway(gw: Res): ServingGateway {
  const er = eqi(props(gw).gatewayType, 'ExpressRoute');
  const sku = skuName(gw);
  const zoneScore = zoneScoreOfSku(sku, er, scaleUnits(gw));
  const aa = props(gw).activeActive;
  return {
    id: gw.id, name: gw.name, kind: er ? 'expressroute' : 'vpn', sku: sku || '?', zoneRedundant: zoneScore >= 0.8, zoneScore,
    ...(typeof aa === 'boolean' ? { activeActive: aa } : {}),
  };
}

// Virtual WAN hub gateways have no SKU to choose: the hub runs several instances of each (vwanGateways source).
function hubGateway(gw: Res, kind: 'expressroute' | 'vpn'): ServingGateway {
  const units = get(gw.body, 'properties.autoScaleConfiguration.bounds.min') ?? get(gw.body, 'properties.vpnGatewayScaleUnit');
  return { id: gw.id, name: gw.name, kind, sku: `vWAN${units !== undefined ? ` ${String(units)} SU` : ''}`, zoneRedundant: true, zoneScore: 1 };
}

/** ExpressRoute and VPN gateways of each hub, keyed by hub id (from the gateway's `virtualHub` or the hub's own reference). */
export function gatewaysByHub(m: Model): Map<string, ServingGateway[]> {
  const out = new Map<string, ServingGateway[]>();
  const seen = new Set<string>();
  const add = (hubId: string | undefined, gw: Res | undefined, kind: 'expressroute' | 'vpn') => {
    if (!hubId || !gw || gw.stub || seen.has(gw.key)) return;
    seen.add(gw.key);
    const k = normalizeId(hubId);
    out.set(k, [...(out.get(k) ?? []), hubGateway(gw, kind)]);
  };
  for (const gw of m.ofType(RT.erGateway)) add(refAt(gw, 'properties.virtualHub.id'), gw, 'expressroute');
  for (const gw of m.ofType(RT.vpnGateway)) add(refAt(gw, 'properties.virtualHub.id'), gw, 'vpn');
  for (const hub of m.ofType(RT.hub)) {
    add(hub.id, m.get(refAt(hub, 'properties.expressRouteGateway.id')), 'expressroute');
    add(hub.id, m.get(refAt(hub, 'properties.vpnGateway.id')), 'vpn');
  }
  return out;
}

/** The serving-gateway view of VNet gateways. */
export function servingVnetGateways(gws: Res[]): ServingGateway[] {
  return gws.map(vnetGateway);
}
