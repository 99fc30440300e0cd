import { DOCS } from '../docs.js';
import type { Constraint } from './types.js';

/** VPN and Virtual WAN constraints covered by the first wave of rules (the second wave lives in its own area file). */
export const CONSTRAINTS_VPN_VWAN_WAVE1: Constraint[] = [
  { id: 'vpn-bgp-both-ends', area: 'vpn', fact: 'BGP over VPN needs BGP on the gateway, on the connection and on the on-premises peer (local network gateway or VPN site link).', source: DOCS.vpnBgp, ruleIds: ['vpn-bgp-one-sided'] },
  { id: 'vpn-apipa-range', area: 'vpn', fact: 'APIPA BGP addresses: the Azure side must use 169.254.21.0-169.254.22.255.', source: DOCS.bgpHowto, ruleIds: ['vpn-apipa-out-of-range'] },
  { id: 'vpn-reserved-asn', area: 'vpn', fact: 'ASNs reserved by Azure: 8074, 8075, 12076, 65515, 65517-65520; reserved by IANA: 23456, 64496-64511, 65535-65551. On-premises and Azure must use different ASNs.', source: DOCS.vpnFaq, ruleIds: ['vpn-asn-reserved'] },
  { id: 'vpn-weak-algorithms', area: 'vpn', fact: 'The default policy includes SHA1, DHGroup2 and 3DES for backward compatibility. These are weaker.', source: DOCS.vwanIpsec, ruleIds: ['vpn-weak-ipsec'] },
  { id: 'vpn-gcm-pairing', area: 'vpn', fact: 'If IPsec encryption is GCM, IPsec integrity must be the same GCM algorithm.', source: DOCS.ipsec, ruleIds: ['vpn-gcm-mismatch'] },
  { id: 'vpn-dpd-range', area: 'vpn', fact: 'DPD timeout: 9-3,600 s, default 45; 30-45 s recommended.', source: DOCS.ipsec, ruleIds: ['vpn-dpd-out-of-range'] },
  { id: 'vpn-sa-lifetime-min', area: 'vpn', fact: 'Quick-mode SA lifetime: minimum 300 s and 1,024 KB.', source: DOCS.ipsec, ruleIds: ['vpn-sa-lifetime-low'] },
  { id: 'vpn-psk-length', area: 'vpn', fact: 'The shared key reset API takes keyLength 1-128.', source: DOCS.specVng, ruleIds: ['vpn-shared-key-weak'] },
  { id: 'vpn-ike-main-mode-lifetime', area: 'vpn', fact: 'Main-mode (IKE) SA lifetime is fixed at 28,800 s on VNet gateways.', source: DOCS.ipsec, ruleIds: [], unreadable: 'Fixed by the platform; no ARM property sets it.' },
  { id: 'vpn-bgp-timers', area: 'vpn', fact: 'Keepalive 60 s and hold 180 s are fixed. BFD is not supported on S2S.', source: DOCS.vpnFaq, ruleIds: [], unreadable: 'Timers live on the on-premises device, not in an ARM body.' },
  { id: 'vwan-er-route-table', area: 'vwan', fact: 'routingConfiguration.associatedRouteTable of an ExpressRoute connection references a hub route table.', source: DOCS.specVwan, ruleIds: ['vwan-route-table-missing'] },
  { id: 'vwan-er-gateway-on-hub', area: 'vwan', fact: "ExpressRoute connections to a hub live on the hub's ExpressRoute gateway.", source: DOCS.vwanEr, ruleIds: ['vwan-hub-no-er-gateway'] },
  { id: 'vwan-er-circuits-per-hub', area: 'vwan', fact: 'Circuits per hub: at most 4 from the same peering location and 8 from different peering locations, whatever the SU count.', source: DOCS.vwanEr, ruleIds: ['vwan-hub-circuit-limit'] },
];
