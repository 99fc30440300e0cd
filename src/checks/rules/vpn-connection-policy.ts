import { normalizeId } from '../../arm/arm-id.js';
import { RT } from '../../arm/resource-types.js';
import { DOCS } from '../docs.js';
import { eqi, props, refAt } from '../model.js';
import { defineRule } from '../rule-kit.js';
import { ipsecPolicies } from './vpn-common.js';
import { strongPreset } from './vpn-ipsec.js';
import { gatewayOf, gatewayVnet, overlapping } from './vpn-topology.js';

// https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-connect-multiple-policybased-rm-ps: "You need to create an
// IPsec/IKE policy in order to enable "UsePolicyBasedTrafficSelectors" option on the connection." and "If you enable the
// policy-based traffic selector option, you must specify the complete policy".
export const vpnPolicySelectorsNoPolicy = defineRule(
  {
    id: 'vpn-policy-selectors-no-policy',
    title: 'Policy-based traffic selectors without a custom IPsec/IKE policy',
    category: 'vpn',
    severity: 'high',
    docs: DOCS.vpnPolicyBased,
    source: [{ url: DOCS.vpnPolicyBased, quote: 'You need to create an IPsec/IKE policy in order to enable "UsePolicyBasedTrafficSelectors" option on the connection.' }],
  },
  (m, emit) => {
    for (const c of m.ofType(RT.connection)) {
      if (props(c).usePolicyBasedTrafficSelectors !== true || ipsecPolicies(c).length > 0) continue;
      emit(c.id, {
        reason: `${c.name} enables policy-based traffic selectors without a custom IPsec/IKE policy. The option is part of the custom policy: without one Azure keeps any-to-any selectors and the policy-based device on the other side refuses the phase-2 proposal.`,
        evidence: { 'properties.usePolicyBasedTrafficSelectors': true, 'properties.ipsecPolicies': [] },
        fix: { kind: 'ipsec-preset', description: 'Add a complete IPsec/IKE policy (strong preset) matching the on-premises device', targetId: c.id, patch: { ipsecPolicies: [strongPreset({})] } },
      });
    }
  },
);

/** A policy list in a comparable form: values lower-cased, keys sorted, policies sorted. */
function canonical(list: Array<Record<string, unknown>>): string {
  return JSON.stringify(list.map((p) => Object.keys(p).sort().map((k) => `${k}=${String(p[k]).toLowerCase()}`).join(',')).sort());
}

// domain.md §7.1 [IPSEC]: "VNet-to-VNet: both connection resources must carry the same policy."
export const vpnVnet2VnetPolicyMismatch = defineRule(
  {
    id: 'vpn-vnet2vnet-policy-mismatch',
    title: 'The two halves of a VNet-to-VNet connection carry different IPsec policies',
    category: 'vpn',
    severity: 'high',
    docs: DOCS.ipsec,
    source: [{ url: DOCS.ipsec, quote: 'For VNet-to-VNet connections, both connection resources must carry the same IPsec/IKE policy.' }],
  },
  (m, emit) => {
    const list = m.ofType(RT.connection).filter((c) => eqi(props(c).connectionType, 'Vnet2Vnet'));
    const halves = new Map<string, typeof list>();
    const key = (a?: string, b?: string) => `${normalizeId(a ?? '')}|${normalizeId(b ?? '')}`;
    for (const c of list) {
      const k = key(refAt(c, 'properties.virtualNetworkGateway1.id'), refAt(c, 'properties.virtualNetworkGateway2.id'));
      halves.set(k, [...(halves.get(k) ?? []), c]);
    }
    for (const c of list) {
      const g1 = refAt(c, 'properties.virtualNetworkGateway1.id');
      const g2 = refAt(c, 'properties.virtualNetworkGateway2.id');
      if (!g1 || !g2) continue;
      for (const back of halves.get(key(g2, g1)) ?? []) {
        if (c.key >= back.key || canonical(ipsecPolicies(c)) === canonical(ipsecPolicies(back))) continue;
        emit(c.id, {
          reason: `${c.name} and its return half ${back.name} carry different IPsec/IKE policies (${ipsecPolicies(c).length ? 'custom' : 'default'} vs ${ipsecPolicies(back).length ? 'custom' : 'default'}). Both ends of a VNet-to-VNet link must use the same policy or the tunnel does not negotiate.`,
          evidence: { 'properties.ipsecPolicies': ipsecPolicies(c), otherHalf: back.id, 'otherHalf.properties.ipsecPolicies': ipsecPolicies(back) },
          fix: ipsecPolicies(back).length
            ? { kind: 'set-property', description: `Copy the policy of ${back.name} onto this connection`, targetId: c.id, patch: { ipsecPolicies: ipsecPolicies(back) } }
            : { kind: 'set-property', description: `Copy the policy of this connection onto ${back.name}`, targetId: back.id, patch: { ipsecPolicies: ipsecPolicies(c) } },
        });
      }
    }
  },
);

// https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-howto-vnet-vnet-resource-manager-portal: "make sure the address
// spaces don't overlap with any of the virtual networks to which you want to connect" and "Your connection won't work
// properly if you have overlapping subnets." NAT, the usual way round an overlap, is not supported on VNet-to-VNet (nat-overview).
export const vpnVnet2VnetOverlap = defineRule(
  {
    id: 'vpn-vnet2vnet-overlap',
    title: 'VNet-to-VNet connection between overlapping virtual networks',
    category: 'vpn',
    severity: 'high',
    docs: DOCS.vpnVnet2Vnet,
    source: [{ url: DOCS.vpnVnet2Vnet, quote: "If you're using your own values, make sure the address spaces don't overlap with any of the virtual networks to which you want to connect. ... Your connection won't work properly if you have overlapping subnets." }],
  },
  (m, emit) => {
    const seen = new Set<string>();
    for (const c of m.ofType(RT.connection)) {
      if (!eqi(props(c).connectionType, 'Vnet2Vnet')) continue;
      const a = gatewayOf(m, c);
      const b = m.get(refAt(c, 'properties.virtualNetworkGateway2.id'));
      if (!a || !b || b.stub) continue;
      const pair = [a.key, b.key].sort().join('|');
      if (seen.has(pair)) continue;
      seen.add(pair);
      const va = gatewayVnet(m, a);
      const vb = gatewayVnet(m, b);
      const hits = va && vb ? overlapping(va.prefixes, vb.prefixes) : [];
      if (!va || !vb || hits.length === 0) continue;
      emit(c.id, {
        reason: `${c.name} links ${va.vnet.name} and ${vb.vnet.name}, whose address spaces overlap (${hits.map(([x, y]) => (x === y ? x : `${x} and ${y}`)).join(', ')}). Each side keeps its own route for the overlapping range, so traffic for it never crosses the tunnel; NAT is not available on VNet-to-VNet connections.`,
        evidence: { vnet: va.vnet.id, 'vnet.properties.addressSpace.addressPrefixes': va.prefixes, otherVnet: vb.vnet.id, 'otherVnet.properties.addressSpace.addressPrefixes': vb.prefixes },
        fix: { kind: 'manual', description: 'Renumber one of the virtual networks (or connect them through a hub that owns distinct ranges)', targetId: c.id },
      });
    }
  },
);

/** Connection-level IPsec policy and VNet-to-VNet rules (second wave). */
export const VPN_CONNECTION_POLICY_RULES = [vpnPolicySelectorsNoPolicy, vpnVnet2VnetPolicyMismatch, vpnVnet2VnetOverlap];
