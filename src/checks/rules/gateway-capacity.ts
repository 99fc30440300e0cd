import { RT } from '../../arm/resource-types.js';
import { parse } from '../cidr.js';
import { DOCS } from '../docs.js';
import { circuitFacts, gatewayLinks, vnetOfGateway } from '../er-links.js';
import { eqi, get, props, type Res } from '../model.js';
import { defineRule, num, shortName } from '../rule-kit.js';
import { skuName } from './gateway.js';

const isEr = (gw: Res) => eqi(props(gw).gatewayType, 'ExpressRoute');

/** ErGwScale bounds (`autoScaleConfiguration.bounds`), falling back to `sku.capacity` for both. */
function scaleBounds(gw: Res): { min?: number; max?: number } {
  const min = num(get(gw.body, 'properties.autoScaleConfiguration.bounds.min'));
  const max = num(get(gw.body, 'properties.autoScaleConfiguration.bounds.max'));
  const cap = num(get(gw.body, 'properties.sku.capacity'));
  return { min: min ?? cap, max: max ?? min ?? cap };
}

/** Estimated throughput in Mbps of an ER-capable gateway (domain.md §1.2 / §1.3 / §1.6), or undefined. */
export function gatewayMbps(gw: Res): number | undefined {
  if (gw.type === RT.erGateway) {
    const su = num(get(gw.body, 'properties.autoScaleConfiguration.bounds.max')) ?? num(get(gw.body, 'properties.autoScaleConfiguration.bounds.min'));
    return su === undefined ? undefined : Math.min(su, 10) * 2000;
  }
  const sku = skuName(gw).toLowerCase();
  if (sku === 'standard' || sku === 'ergw1az') return 1000;
  if (sku === 'highperformance' || sku === 'ergw2az') return 2000;
  if (sku === 'ultraperformance' || sku === 'ergw3az') return 10000;
  if (sku === 'ergwscale') {
    const b = scaleBounds(gw);
    return b.max === undefined ? undefined : b.max * 1000;
  }
  return undefined;
}

// [SPEC-VNG] sku enum is shared; domain.md §1.2 [ER-GW] lists the ExpressRoute SKUs (Standard, HighPerformance,
// UltraPerformance, ErGw1Az-3Az, ErGwScale) and §1.7 [VPN-SKU] the VPN ones (Basic, VpnGw1-5, VpnGw1AZ-5AZ).
export const gatewaySkuWrongFamily = defineRule(
  { id: 'gateway-sku-wrong-family', title: 'Gateway SKU belongs to the other gateway type', category: 'gateway', severity: 'high', docs: DOCS.erGateway, source: [{ url: DOCS.erGateway, quote: 'ExpressRoute gateway SKUs: Standard / ErGw1Az, HighPerformance / ErGw2Az, UltraPerformance / ErGw3Az, ErGwScale.' }, { url: DOCS.vpnSku, quote: 'VPN gateway SKUs: Basic (legacy), VpnGw1AZ-VpnGw5AZ (and the non-AZ VpnGw1-5 being consolidated into them).' }] },
  (m, emit) => {
    for (const gw of m.ofType(RT.vnetGateway)) {
      const sku = skuName(gw);
      const s = sku.toLowerCase();
      const er = isEr(gw);
      const wrong = er ? s.startsWith('vpngw') || s === 'basic' : eqi(props(gw).gatewayType, 'Vpn') && (s.startsWith('ergw') || s === 'ultraperformance');
      if (!wrong) continue;
      emit(gw.id, {
        reason: `${shortName(gw.id)} is a ${String(props(gw).gatewayType)} gateway with SKU ${sku}, which is a ${er ? 'VPN' : 'ExpressRoute'} SKU. The SKU table of its own type does not list it, so its capacity, circuit limit and features are undefined.`,
        evidence: { 'properties.gatewayType': props(gw).gatewayType, 'properties.sku.name': sku },
        fix: { kind: 'manual', description: er ? 'Re-create the gateway with an ExpressRoute SKU (ErGw1AZ-3AZ or ErGwScale)' : 'Re-create the gateway with a VpnGw*AZ SKU', targetId: gw.id },
      });
    }
  },
);

// domain.md §1.1 [SPEC-VNG]: vpnGatewayGeneration "must be None if gatewayType is not VPN".
export const gatewayErVpnGeneration = defineRule(
  { id: 'gateway-er-vpn-generation', title: 'ExpressRoute gateway carries a VPN generation', category: 'gateway', severity: 'low', docs: DOCS.specVng, source: [{ url: DOCS.specVng, quote: 'vpnGatewayGeneration: None, Generation1, Generation2. It must be None if gatewayType is not VPN.' }] },
  (m, emit) => {
    for (const gw of m.ofType(RT.vnetGateway)) {
      const gen = props(gw).vpnGatewayGeneration;
      if (!isEr(gw) || typeof gen !== 'string' || gen === '' || eqi(gen, 'None')) continue;
      emit(gw.id, {
        reason: `ExpressRoute gateway ${shortName(gw.id)} has vpnGatewayGeneration ${gen}; the API requires None for any gateway that is not a VPN gateway, so a PUT of this body (template redeploy, tag change) is rejected.`,
        evidence: { 'properties.gatewayType': props(gw).gatewayType, 'properties.vpnGatewayGeneration': gen },
        fix: { kind: 'set-property', description: 'Set vpnGatewayGeneration to None', targetId: gw.id, patch: { vpnGatewayGeneration: 'None' } },
      });
    }
  },
);

// domain.md §1.3 [ER-SCALE]: range 1-40 scale units; if the maximum is 1 the minimum must also be 1; autoscaling needs a
// minimum of at least 2.
export const gatewayErGwScaleBounds = defineRule(
  { id: 'gateway-ergwscale-bounds', title: 'ErGwScale scale-unit bounds are invalid', category: 'gateway', severity: 'medium', docs: DOCS.erScale, source: [{ url: DOCS.erScale, quote: 'Range is 1-40 scale units. If the maximum is 1 SU, the minimum must also be 1 SU. Autoscaling needs a minimum of at least 2.' }] },
  (m, emit) => {
    for (const gw of m.ofType(RT.vnetGateway)) {
      if (skuName(gw).toLowerCase() !== 'ergwscale') continue;
      const { min, max } = scaleBounds(gw);
      if (min === undefined || max === undefined) continue;
      const problems: string[] = [];
      if (min < 1 || max > 40) problems.push('scale units must stay within 1-40');
      if (min > max) problems.push('the minimum is above the maximum');
      else if (min < max && min < 2) problems.push('autoscaling (max above min) needs a minimum of at least 2');
      if (problems.length === 0) continue;
      emit(gw.id, {
        reason: `ErGwScale gateway ${shortName(gw.id)} has bounds min ${min} / max ${max}: ${problems.join('; ')}. The platform rejects these bounds, so the gateway cannot be updated as configured.`,
        evidence: { 'properties.autoScaleConfiguration.bounds.min': min, 'properties.autoScaleConfiguration.bounds.max': max },
        fix: { kind: 'manual', description: 'Use bounds within 1-40 with min <= max, and min >= 2 when min and max differ', targetId: gw.id },
      });
    }
  },
);

// domain.md §1.3 [ER-SCALE]: not supported with ErGwScale: a Basic-SKU public IP.
export const gatewayErGwScaleBasicIp = defineRule(
  { id: 'gateway-ergwscale-basic-ip', title: 'ErGwScale gateway on a Basic-SKU public IP', category: 'gateway', severity: 'high', docs: DOCS.erScale, source: [{ url: DOCS.erScale, quote: 'Not supported with ErGwScale: a Basic-SKU public IP, and IPsec over ExpressRoute.' }] },
  (m, emit) => {
    for (const gw of m.ofType(RT.vnetGateway)) {
      if (skuName(gw).toLowerCase() !== 'ergwscale') continue;
      const configs = props(gw).ipConfigurations;
      for (const c of Array.isArray(configs) ? configs : []) {
        const pip = m.get(get(c, 'properties.publicIPAddress.id') as string | undefined);
        if (!pip || pip.stub || !eqi(get(pip.body, 'sku.name'), 'Basic')) continue;
        emit(gw.id, {
          reason: `ErGwScale gateway ${shortName(gw.id)} uses public IP ${pip.name}, a Basic-SKU address. ErGwScale does not support Basic public IPs.`,
          evidence: { publicIp: pip.id, 'publicIp.sku.name': get(pip.body, 'sku.name') },
          fix: { kind: 'manual', description: 'Use a Standard-SKU public IP for the gateway', targetId: pip.id },
        });
      }
    }
  },
);

// domain.md §1.2 [ER-GW] estimated gateway performance (Mbps): Standard/ErGw1Az 1,000; HighPerformance/ErGw2Az 2,000;
// UltraPerformance/ErGw3Az 10,000; ErGwScale 1,000 per scale unit; §1.6 [VWAN-ER]: vWAN 1 SU = 2 Gbps, up to 10 SU.
export const gatewayThroughputBelowCircuit = defineRule(
  { id: 'gateway-throughput-below-circuit', title: 'Gateway throughput below the bandwidth of a linked circuit', category: 'gateway', severity: 'low', docs: DOCS.erGateway, source: [{ url: DOCS.erGateway, quote: 'Estimated performance: Standard/ErGw1Az 1,000 Mbps, HighPerformance/ErGw2Az 2,000 Mbps, UltraPerformance/ErGw3Az 10,000 Mbps, ErGwScale 1,000 Mbps per scale unit.' }, { url: DOCS.vwanEr, quote: '1 SU = 2 Gbps; up to 10 SU = 20 Gbps.' }] },
  (m, emit) => {
    for (const g of gatewayLinks(m)) {
      if (g.gateway.stub) continue;
      const mbps = gatewayMbps(g.gateway);
      if (mbps === undefined) continue;
      const widest = g.links
        .map((l) => ({ l, bw: circuitFacts(m, l.circuit).bandwidthMbps }))
        .filter((x): x is { l: typeof x.l; bw: number } => x.bw !== undefined && x.bw > mbps)
        .sort((a, b) => b.bw - a.bw)[0];
      if (!widest) continue;
      emit(g.gateway.id, {
        reason: `${shortName(g.gateway.id)} (${g.gateway.type === RT.erGateway ? 'vWAN ExpressRoute gateway' : skuName(g.gateway)}) moves about ${mbps} Mbps, but circuit ${shortName(widest.l.circuitId)} is ${widest.bw} Mbps. Traffic through the gateway tops out at the gateway, not the circuit.`,
        evidence: { gatewayEstimatedMbps: mbps, circuit: widest.l.circuitId, circuitBandwidthMbps: widest.bw, 'properties.sku.name': g.gateway.type === RT.vnetGateway ? skuName(g.gateway) : undefined },
        fix: { kind: 'manual', description: g.gateway.type === RT.erGateway ? 'Raise the hub gateway scale units' : 'Move to a larger SKU (ErGw2AZ/ErGw3AZ or ErGwScale with enough scale units) or enable FastPath where supported', targetId: g.gateway.id },
      });
    }
  },
);

/** Address prefixes an ER VNet gateway advertises: its VNet's space plus VNets peered with gateway transit. */
function advertised(vnet: Res): string[] {
  const own = (get(vnet.body, 'properties.addressSpace.addressPrefixes') as unknown[] | undefined) ?? [];
  const peered = ((props(vnet).virtualNetworkPeerings as unknown[] | undefined) ?? [])
    .filter((p) => get(p, 'properties.allowGatewayTransit') === true)
    .flatMap((p) => (get(p, 'properties.remoteAddressSpace.addressPrefixes') as unknown[] | undefined) ?? []);
  return [...own, ...peered].filter((x): x is string => typeof x === 'string');
}

// domain.md §5.6 [ER-LIMITS], [ER-FAQ]: the gateway advertises at most 1,000 IPv4 and 100 IPv6 prefixes per connection
// (VNet address spaces plus peered VNets); if exceeded, the connection goes down.
export const gatewayAdvertisedPrefixLimit = defineRule(
  { id: 'gateway-advertised-prefix-limit', title: 'Gateway would advertise more prefixes than a connection carries', category: 'gateway', severity: 'high', docs: DOCS.erLimits, source: [{ url: DOCS.erLimits, quote: 'The gateway advertises at most 1,000 IPv4 and 100 IPv6 prefixes per connection (VNet address spaces plus peered VNets). If exceeded, the connection goes down.' }] },
  (m, emit) => {
    for (const gw of m.ofType(RT.vnetGateway)) {
      if (!isEr(gw)) continue;
      const vnetId = vnetOfGateway(gw);
      const vnet = m.get(vnetId);
      if (!vnet || vnet.stub) continue;
      const list = advertised(vnet);
      const v4 = list.filter((x) => parse(x)?.kind === 'ipv4').length;
      const v6 = list.filter((x) => parse(x)?.kind === 'ipv6').length;
      if (v4 <= 1000 && v6 <= 100) continue;
      emit(gw.id, {
        reason: `${shortName(gw.id)} advertises ${v4} IPv4 and ${v6} IPv6 prefixes (${shortName(vnet.id)} plus VNets peered with gateway transit); a connection carries at most 1,000 IPv4 and 100 IPv6, and over that it goes down.`,
        evidence: { vnet: vnet.id, ipv4Prefixes: v4, ipv6Prefixes: v6, limits: { ipv4: 1000, ipv6: 100 } },
        fix: { kind: 'manual', description: 'Summarise VNet address spaces into fewer, larger prefixes, or split spokes across gateways', targetId: vnet.id },
      });
    }
  },
);

// domain.md §1.2 [ER-GW]: the gateway VNet can peer with up to 500 VNets.
export const gatewayVnetPeeringLimit = defineRule(
  { id: 'gateway-vnet-peering-limit', title: 'Gateway VNet peers with more than 500 VNets', category: 'gateway', severity: 'medium', docs: DOCS.erGateway, source: [{ url: DOCS.erGateway, quote: 'The gateway VNet can peer with up to 500 VNets.' }] },
  (m, emit) => {
    for (const gw of m.ofType(RT.vnetGateway)) {
      if (!isEr(gw)) continue;
      const vnetId = vnetOfGateway(gw);
      const vnet = m.get(vnetId);
      const peerings = vnet && !vnet.stub ? props(vnet).virtualNetworkPeerings : undefined;
      if (!Array.isArray(peerings) || peerings.length <= 500) continue;
      emit(gw.id, {
        reason: `${shortName(vnet!.id)}, the VNet of ExpressRoute gateway ${shortName(gw.id)}, has ${peerings.length} VNet peerings; the gateway VNet can peer with up to 500.`,
        evidence: { vnet: vnet!.id, virtualNetworkPeerings: peerings.length, limit: 500 },
        fix: { kind: 'manual', description: 'Move spokes to a second hub (with its own gateway) or to Virtual WAN', targetId: vnet!.id },
      });
    }
  },
);

/** ExpressRoute gateway SKU, scale and capacity rules (second wave, issue #12). */
export const GATEWAY_CAPACITY_RULES = [gatewaySkuWrongFamily, gatewayErVpnGeneration, gatewayErGwScaleBounds, gatewayErGwScaleBasicIp, gatewayThroughputBelowCircuit, gatewayAdvertisedPrefixLimit, gatewayVnetPeeringLimit];
