import { RT } from '../../arm/resource-types.js';
import { prefixLength } from '../cidr.js';
import { DOCS } from '../docs.js';
import { eqi, get, props } from '../model.js';
import { defineRule } from '../rule-kit.js';
import { skuName } from './gateway.js';
import { hasNat, sku, vpnGateways } from './vpn-topology.js';

const NAT_QUOTE = 'NAT is supported on the following SKUs: VpnGw2~5, VpnGw2AZ~5AZ.';

/** NAT rules embedded in a VNet gateway body (`properties.natRules`). */
function natRules(body: unknown): Array<Record<string, unknown>> {
  const list = get(body, 'properties.natRules');
  return Array.isArray(list) ? (list.filter((x) => x && typeof x === 'object') as Array<Record<string, unknown>>) : [];
}

// https://learn.microsoft.com/azure/vpn-gateway/nat-overview: "NAT is supported on the following SKUs: VpnGw2~5, VpnGw2AZ~5AZ."
export const vpnNatSku = defineRule(
  { id: 'vpn-nat-sku', title: 'NAT rules on a VPN gateway SKU without NAT support', category: 'vpn', severity: 'high', docs: DOCS.vpnNat, source: [{ url: DOCS.vpnNat, quote: NAT_QUOTE }] },
  (m, emit) => {
    for (const gw of vpnGateways(m)) {
      const rules = natRules(gw.body);
      if (rules.length === 0 || /^vpngw[2-5](az)?$/.test(sku(gw))) continue;
      emit(gw.id, {
        reason: `${gw.name} has ${rules.length} NAT rule(s) but is ${skuName(gw) || 'an unknown SKU'}; NAT runs only on VpnGw2–5 and VpnGw2AZ–5AZ, so the translations are not applied and overlapping networks collide.`,
        evidence: { 'properties.sku.name': sku(gw), natRules: rules.map((r) => String(r.name ?? r.id ?? '')) },
        fix: { kind: 'manual', description: `Resize ${gw.name} to VpnGw2AZ or larger before relying on NAT`, targetId: gw.id },
      });
    }
  },
);

// nat-overview: "NAT is supported for IPsec/IKE cross-premises connections only. VNet-to-VNet connections or P2S connections
// aren't supported." and "NAT rules aren't supported on connections that have Use Policy Based Traffic Selectors enabled."
export const vpnNatUnsupportedConnection = defineRule(
  {
    id: 'vpn-nat-unsupported-connection',
    title: 'NAT rules on a VNet-to-VNet or policy-based-selector connection',
    category: 'vpn',
    severity: 'high',
    docs: DOCS.vpnNat,
    source: [{ url: DOCS.vpnNat, quote: "NAT is supported for IPsec/IKE cross-premises connections only. VNet-to-VNet connections or P2S connections aren't supported. NAT rules aren't supported on connections that have Use Policy Based Traffic Selectors enabled." }],
  },
  (m, emit) => {
    for (const c of m.ofType(RT.connection)) {
      if (!hasNat(c)) continue;
      const v2v = eqi(props(c).connectionType, 'Vnet2Vnet');
      const pbts = props(c).usePolicyBasedTrafficSelectors === true;
      if (!v2v && !pbts) continue;
      emit(c.id, {
        reason: `${c.name} has NAT rules but ${v2v ? 'is a VNet-to-VNet connection' : 'uses policy-based traffic selectors'}; NAT only applies to IPsec cross-premises connections without policy-based selectors, so addresses are not translated on this tunnel.`,
        evidence: { 'properties.connectionType': props(c).connectionType, 'properties.usePolicyBasedTrafficSelectors': props(c).usePolicyBasedTrafficSelectors ?? false, 'properties.ingressNatRules': props(c).ingressNatRules ?? [], 'properties.egressNatRules': props(c).egressNatRules ?? [] },
        fix: v2v
          ? { kind: 'manual', description: 'Remove the NAT rules from this VNet-to-VNet connection and fix the overlap in the address plan', targetId: c.id }
          : { kind: 'set-property', description: 'Turn off policy-based traffic selectors so the NAT rules apply', targetId: c.id, patch: { usePolicyBasedTrafficSelectors: false } },
      });
    }
  },
);

// nat-overview: "The maximum supported external mapping subnet size for Dynamic NAT is /26."
export const vpnNatDynamicMappingSize = defineRule(
  {
    id: 'vpn-nat-dynamic-mapping-size',
    title: 'Dynamic NAT external mapping larger than /26',
    category: 'vpn',
    severity: 'medium',
    docs: DOCS.vpnNat,
    source: [{ url: DOCS.vpnNat, quote: 'The maximum supported external mapping subnet size for Dynamic NAT is /26.' }],
  },
  (m, emit) => {
    for (const gw of vpnGateways(m)) {
      natRules(gw.body).forEach((r, i) => {
        if (!eqi(get(r, 'properties.type'), 'Dynamic')) return;
        const ext = get(r, 'properties.externalMappings');
        const big = (Array.isArray(ext) ? ext : []).map((x) => get(x, 'addressSpace')).filter((a): a is string => typeof a === 'string' && (prefixLength(a) ?? 32) < 26);
        if (big.length === 0) return;
        emit(gw.id, {
          reason: `Dynamic NAT rule ${String(r.name ?? i)} on ${gw.name} maps to ${big.join(', ')}; Dynamic NAT supports an external mapping of at most /26, so the rule is rejected or only partly used.`,
          evidence: { [`properties.natRules[${i}].properties.type`]: 'Dynamic', [`properties.natRules[${i}].properties.externalMappings`]: ext, maximum: '/26' },
          fix: { kind: 'manual', description: 'Split the external mapping into /26 (or smaller) blocks, or use a Static 1:1 rule', targetId: gw.id },
        });
      });
    }
  },
);

/** VPN gateway NAT rules. */
export const VPN_NAT_RULES = [vpnNatSku, vpnNatUnsupportedConnection, vpnNatDynamicMappingSize];
