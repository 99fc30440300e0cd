import { RT } from '../../arm/resource-types.js';
import { DOCS } from '../docs.js';
import { eqi, props } from '../model.js';
import { defineRule } from '../rule-kit.js';
import { skuName } from './gateway.js';
import { ipsecPolicies } from './vpn-common.js';
import { gatewayOf, isPolicyBased, sku, tunnelsByGateway, vpnGateways } from './vpn-topology.js';

/**
 * S2S/VNet-to-VNet tunnels per SKU. domain.md §1.7 [VPN-SKU]: Basic max 10, VpnGw1–3(AZ) 30, VpnGw4–5(AZ) 100; legacy
 * Standard 10 and HighPerformance 30 (VPN FAQ, BGP section: "10 for Standard and 30 for HighPerformance"); a policy-based
 * gateway 1 ([VPN-POLICY]: "Max. S2S connections 1").
 */
export function tunnelLimit(skuLower: string, policyBased: boolean): number | undefined {
  if (policyBased) return 1;
  if (skuLower === 'basic' || skuLower === 'standard') return 10;
  if (/^vpngw[123](az)?$/.test(skuLower) || skuLower === 'highperformance') return 30;
  if (/^vpngw[45](az)?$/.test(skuLower)) return 100;
  return undefined;
}

// https://learn.microsoft.com/azure/vpn-gateway/about-gateway-skus — "Basic: Max. 10 S2S/VNet-to-VNet tunnels; VpnGw1–3(AZ)
// 30; VpnGw4–5(AZ) 100" and "Policy-based VPN (IKEv1): 1 S2S/connection tunnel". Each connection is at least one tunnel.
export const vpnTunnelLimit = defineRule(
  {
    id: 'vpn-tunnel-limit',
    title: 'More site-to-site / VNet-to-VNet connections than the VPN gateway SKU allows',
    category: 'vpn',
    severity: 'high',
    docs: DOCS.vpnSku,
    source: [
      { url: DOCS.vpnSku, quote: 'S2S/VNet-to-VNet tunnels: Basic max 10; VpnGw1AZ, VpnGw2AZ, VpnGw3AZ 30; VpnGw4AZ, VpnGw5AZ 100.' },
      { url: DOCS.vpnPolicyBased, quote: 'PolicyBased VPN Gateway: Azure Gateway SKU Basic, IKE version IKEv1, Max. S2S connections 1.' },
    ],
  },
  (m, emit) => {
    const byGw = tunnelsByGateway(m);
    for (const gw of vpnGateways(m)) {
      const conns = byGw.get(gw.key) ?? [];
      const limit = tunnelLimit(sku(gw), isPolicyBased(gw));
      if (limit === undefined || conns.length <= limit) continue;
      emit(gw.id, {
        reason: `${gw.name} (${String(props(gw).vpnType ?? 'RouteBased')}, ${skuName(gw)}) carries ${conns.length} site-to-site/VNet-to-VNet connections but this ${isPolicyBased(gw) ? 'policy-based gateway' : 'SKU'} allows ${limit} tunnel${limit === 1 ? '' : 's'}. Connections beyond the limit do not come up; move to a larger SKU (VpnGw4AZ/5AZ allow 100) or to Virtual WAN.`,
        evidence: { 'properties.sku.name': sku(gw), 'properties.vpnType': props(gw).vpnType ?? 'RouteBased', connections: conns.map((c) => c.id), limit },
        fix: { kind: 'manual', description: `Resize ${gw.name} to a SKU with at least ${conns.length} tunnels, or remove connections`, targetId: gw.id },
      });
    }
  },
);

const GEN1 = new Set(['vpngw1', 'vpngw2', 'vpngw3', 'vpngw1az', 'vpngw2az', 'vpngw3az']);
const GEN2 = new Set(['vpngw2', 'vpngw3', 'vpngw4', 'vpngw5', 'vpngw2az', 'vpngw3az', 'vpngw4az', 'vpngw5az']);

// https://learn.microsoft.com/azure/vpn-gateway/about-gateway-skus (performance table): Generation1 lists VpnGw1–3 and
// VpnGw1AZ–3AZ; Generation2 lists VpnGw2–5 and VpnGw2AZ–5AZ. VpnGw1(AZ) has no Gen2, VpnGw4/5(AZ) have no Gen1.
export const vpnGenerationSkuMismatch = defineRule(
  {
    id: 'vpn-generation-sku-mismatch',
    title: 'VPN gateway generation and SKU do not form a documented pair',
    category: 'vpn',
    severity: 'medium',
    docs: DOCS.vpnSku,
    source: [{ url: DOCS.vpnSku, quote: 'Generation1: VpnGw1, VpnGw2, VpnGw3, VpnGw1AZ, VpnGw2AZ, VpnGw3AZ. Generation2: VpnGw2, VpnGw3, VpnGw4, VpnGw5, VpnGw2AZ, VpnGw3AZ, VpnGw4AZ, VpnGw5AZ.' }],
  },
  (m, emit) => {
    for (const gw of vpnGateways(m)) {
      const gen = String(props(gw).vpnGatewayGeneration ?? '');
      const s = sku(gw);
      const table = eqi(gen, 'Generation1') ? GEN1 : eqi(gen, 'Generation2') ? GEN2 : undefined;
      if (!table || !/^vpngw\d(az)?$/.test(s) || table.has(s)) continue;
      const other = table === GEN1 ? 'Generation2' : 'Generation1';
      emit(gw.id, {
        reason: `${gw.name} says ${gen} with SKU ${skuName(gw)}, a pair the SKU table does not offer (${table === GEN1 ? 'VpnGw4/5 exist only as Generation2' : 'VpnGw1 exists only as Generation1'}). The body was probably written by a template that mixes generations; ARM either rejects the next update or the gateway is not the size you think.`,
        evidence: { 'properties.vpnGatewayGeneration': gen, 'properties.sku.name': s },
        fix: { kind: 'manual', description: `Set vpnGatewayGeneration to ${other} in the template (or pick a SKU offered in ${gen})`, targetId: gw.id },
      });
    }
  },
);

// domain.md §7.4 and the VPN FAQ (BGP): "BGP is supported on ... VpnGw1, VpnGw2, VpnGw3, Standard and HighPerformance VPN
// gateways. Basic SKU is NOT supported." and "BGP is supported on Route-Based VPN gateways only".
export const vpnBasicSkuBgp = defineRule(
  {
    id: 'vpn-basic-sku-bgp',
    title: 'BGP enabled on a Basic or policy-based VPN gateway',
    category: 'vpn',
    severity: 'high',
    docs: DOCS.vpnBgp,
    source: [{ url: DOCS.vpnBgp, quote: 'Is BGP supported on all Azure VPN Gateway SKUs? No ... Basic SKU is NOT supported. Can I use BGP with Azure Policy-Based VPN gateways? No, BGP is supported on Route-Based VPN gateways only.' }],
  },
  (m, emit) => {
    for (const gw of vpnGateways(m)) {
      if ((sku(gw) !== 'basic' && !isPolicyBased(gw)) || props(gw).enableBgp !== true) continue;
      emit(gw.id, {
        reason: `${gw.name} is ${isPolicyBased(gw) ? 'policy-based' : 'Basic SKU'} with enableBgp true. BGP needs a route-based gateway on VpnGw1 or larger, so no BGP session ever forms and on-premises routes are not learned.`,
        evidence: { 'properties.sku.name': sku(gw), 'properties.vpnType': props(gw).vpnType ?? 'RouteBased', 'properties.enableBgp': true },
        fix: { kind: 'manual', description: 'Use static routes (local network gateway prefixes), or re-create the gateway as route-based VpnGw1AZ or larger', targetId: gw.id },
      });
    }
    for (const c of m.ofType(RT.connection)) {
      const gw = gatewayOf(m, c);
      if (!gw || props(c).enableBgp !== true || (sku(gw) !== 'basic' && !isPolicyBased(gw)) || props(gw).enableBgp === true) continue;
      emit(c.id, {
        reason: `${c.name} has enableBgp true but runs on ${gw.name}, a ${isPolicyBased(gw) ? 'policy-based' : 'Basic SKU'} gateway that cannot speak BGP.`,
        evidence: { 'properties.enableBgp': true, gateway: gw.id, 'gateway.properties.sku.name': sku(gw), 'gateway.properties.vpnType': props(gw).vpnType ?? 'RouteBased' },
        fix: { kind: 'set-property', description: 'Turn BGP off on this connection (the gateway cannot run it)', targetId: c.id, patch: { enableBgp: false } },
      });
    }
  },
);

// domain.md §7.1 [IPSEC]: custom IPsec/IKE policy is "Not available on Basic"; about-gateway-skus lists custom IPsec/IKE
// policy among the features of "All Generation1 and Generation2 SKUs except Basic".
export const vpnBasicSkuIpsecPolicy = defineRule(
  {
    id: 'vpn-basic-sku-ipsec-policy',
    title: 'Custom IPsec/IKE policy on a connection of a Basic VPN gateway',
    category: 'vpn',
    severity: 'high',
    docs: DOCS.ipsec,
    source: [
      { url: DOCS.ipsec, quote: 'Custom IPsec/IKE policy is not available on the Basic SKU.' },
      { url: DOCS.vpnSku, quote: 'All Generation1 and Generation2 SKUs except Basic: Route-based VPN: up to 100 tunnels, P2S, BGP, active-active, custom IPsec/IKE policy, ExpressRoute/VPN coexistence.' },
    ],
  },
  (m, emit) => {
    for (const c of m.ofType(RT.connection)) {
      const gw = gatewayOf(m, c);
      if (!gw || sku(gw) !== 'basic' || ipsecPolicies(c).length === 0) continue;
      emit(c.id, {
        reason: `${c.name} carries a custom IPsec/IKE policy but its gateway ${gw.name} is Basic, which only negotiates its default policy; the algorithms you set are not what the tunnel uses, and the on-premises device configured to match them fails to negotiate.`,
        evidence: { 'properties.ipsecPolicies': ipsecPolicies(c), gateway: gw.id, 'gateway.properties.sku.name': sku(gw) },
        fix: { kind: 'manual', description: `Move ${gw.name} to VpnGw1AZ or larger (re-create), or remove the custom policy and match the default on the device`, targetId: c.id },
      });
    }
  },
);

// https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-connect-multiple-policybased-rm-ps (table): PolicyBased gateway:
// Basic, IKEv1; RouteBased Basic: IKEv2; RouteBased VpnGw1–5: IKEv1 and IKEv2. domain.md §7.1: IKEv1 not supported on Basic.
export const vpnIkeVersionUnsupported = defineRule(
  {
    id: 'vpn-ike-version-unsupported',
    title: 'Connection protocol the VPN gateway type does not speak',
    category: 'vpn',
    severity: 'high',
    docs: DOCS.vpnPolicyBased,
    source: [{ url: DOCS.vpnPolicyBased, quote: 'IKE version: PolicyBased VPN Gateway (Basic) IKEv1; RouteBased VPN Gateway Basic IKEv2; RouteBased VpnGw1-VpnGw5 IKEv1 and IKEv2.' }],
  },
  (m, emit) => {
    for (const c of m.ofType(RT.connection)) {
      const gw = gatewayOf(m, c);
      const proto = String(props(c).connectionProtocol ?? '');
      if (!gw || !proto) continue;
      const policy = isPolicyBased(gw);
      const bad = policy ? eqi(proto, 'IKEv2') : sku(gw) === 'basic' && eqi(proto, 'IKEv1');
      if (!bad) continue;
      const speaks = policy ? 'IKEv1' : 'IKEv2';
      emit(c.id, {
        reason: `${c.name} uses ${proto} but ${gw.name} is ${policy ? 'a policy-based gateway, which speaks IKEv1 only' : 'a route-based Basic gateway, which speaks IKEv2 only'}. The tunnel cannot negotiate; the connection protocol cannot be changed in place.`,
        evidence: { 'properties.connectionProtocol': proto, gateway: gw.id, 'gateway.properties.sku.name': sku(gw), 'gateway.properties.vpnType': props(gw).vpnType ?? 'RouteBased' },
        fix: { kind: 'manual', description: `Re-create the connection with ${speaks}, or move to a route-based VpnGw1AZ+ gateway that speaks both`, targetId: c.id },
      });
    }
  },
);

// [VPN-POLICY] (connect-multiple-policybased): a policy-based gateway is Basic only, IKEv1 only, 1 S2S connection;
// about-gateway-skus: "Policy-based VPN: (IKEv1): 1 S2S/connection tunnel; no P2S"; about-active-active-gateways: "The VPN
// must be route based. It can't be policy based." Tunnel count and IKE version have their own rules.
export const vpnPolicyBasedLimits = defineRule(
  {
    id: 'vpn-policy-based-limits',
    title: 'Policy-based VPN gateway configured beyond what policy-based supports',
    category: 'vpn',
    severity: 'high',
    docs: DOCS.vpnPolicyBased,
    source: [
      { url: DOCS.vpnPolicyBased, quote: 'PolicyBased VPN Gateway: Azure Gateway SKU Basic; IKE version IKEv1; Max. S2S connections 1.' },
      { url: DOCS.vpnSku, quote: 'Basic: Policy-based VPN (IKEv1): 1 S2S/connection tunnel; no P2S.' },
    ],
  },
  (m, emit) => {
    for (const gw of vpnGateways(m)) {
      if (!isPolicyBased(gw)) continue;
      const p = props(gw);
      const problems: string[] = [];
      if (sku(gw) && sku(gw) !== 'basic') problems.push(`SKU ${skuName(gw)} (policy-based exists only on Basic)`);
      const pools = (p.vpnClientConfiguration as { vpnClientAddressPool?: { addressPrefixes?: unknown[] } } | undefined)?.vpnClientAddressPool?.addressPrefixes;
      if (Array.isArray(pools) && pools.length > 0) problems.push('a point-to-site configuration (no P2S on policy-based)');
      if (problems.length === 0) continue;
      emit(gw.id, {
        reason: `${gw.name} is policy-based with ${problems.join(' and ')}. Policy-based gateways are Basic, IKEv1, one site-to-site tunnel and no point-to-site; for anything more the gateway must be route-based (use policy-based traffic selectors on a route-based gateway to reach policy-based devices).`,
        evidence: { 'properties.vpnType': p.vpnType, 'properties.sku.name': sku(gw), 'properties.vpnClientConfiguration.vpnClientAddressPool.addressPrefixes': pools ?? null },
        fix: { kind: 'manual', description: 'Re-create the gateway as route-based (VpnGw1AZ or larger) and use usePolicyBasedTrafficSelectors on connections to policy-based devices', targetId: gw.id },
      });
    }
  },
);

// https://learn.microsoft.com/azure/vpn-gateway/about-gateway-skus (feature table): "Basic: Route-based VPN: 10 tunnels for
// S2S/connections; no RADIUS authentication for P2S; no IKEv2 for P2S"; SKU table: P2S IKEv2/OpenVPN "Not supported" on Basic.
export const vpnBasicSkuP2s = defineRule(
  {
    id: 'vpn-basic-sku-p2s',
    title: 'Point-to-site IKEv2/OpenVPN or RADIUS on a Basic VPN gateway',
    category: 'vpn',
    severity: 'high',
    docs: DOCS.vpnSku,
    source: [{ url: DOCS.vpnSku, quote: 'Basic: Route-based VPN: 10 tunnels for S2S/connections; no RADIUS authentication for P2S; no IKEv2 for P2S. P2S IKEv2/OpenVPN connections: Basic not supported (SSTP max 128).' }],
  },
  (m, emit) => {
    for (const gw of vpnGateways(m)) {
      if (sku(gw) !== 'basic') continue;
      const cfg = (props(gw).vpnClientConfiguration ?? {}) as Record<string, unknown>;
      const protocols = (Array.isArray(cfg.vpnClientProtocols) ? cfg.vpnClientProtocols : []).map(String).filter((p) => /^(ikev2|openvpn)$/i.test(p));
      const radius = (typeof cfg.radiusServerAddress === 'string' && cfg.radiusServerAddress) || (Array.isArray(cfg.radiusServers) && cfg.radiusServers.length > 0);
      if (protocols.length === 0 && !radius) continue;
      const what = [...(protocols.length ? [`${protocols.join(' and ')} client protocol${protocols.length > 1 ? 's' : ''}`] : []), ...(radius ? ['RADIUS authentication'] : [])];
      emit(gw.id, {
        reason: `${gw.name} is Basic but its point-to-site configuration uses ${what.join(' and ')}. Basic offers point-to-site over SSTP only, without RADIUS, so those clients cannot connect.`,
        evidence: { 'properties.sku.name': skuName(gw), 'properties.vpnClientConfiguration.vpnClientProtocols': cfg.vpnClientProtocols ?? [], radius: !!radius },
        fix: { kind: 'manual', description: 'Move point-to-site to a VpnGw1AZ or larger gateway (Basic cannot be resized; re-create it), or use SSTP with certificates', targetId: gw.id },
      });
    }
  },
);

/** VPN gateway SKU, generation and gateway-type rules (second wave). */
export const VPN_GATEWAY_SKU_RULES = [vpnTunnelLimit, vpnGenerationSkuMismatch, vpnBasicSkuBgp, vpnBasicSkuIpsecPolicy, vpnBasicSkuP2s, vpnIkeVersionUnsupported, vpnPolicyBasedLimits];
