import { RT } from '../../arm/resource-types.js';
import { overlaps } from '../cidr.js';
import { DOCS } from '../docs.js';
import { get, props, type Res } from '../model.js';
import { defineRule } from '../rule-kit.js';
import { gatewayOf, gatewayVnet, hasNat, isApipa, lngPrefixes, localGatewayOf, overlapping, strings, tunnelsByGateway, vpnGateways } from './vpn-topology.js';

const OVERLAP_QUOTE = "Address space: The address space refers to the address ranges for the network that this local network represents. ... Make sure that the ranges you specify here don't overlap with ranges of other networks that you want to connect to.";

// https://learn.microsoft.com/azure/vpn-gateway/tutorial-site-to-site-portal (local network gateway): "Make sure that the
// ranges you specify here don't overlap with ranges of other networks that you want to connect to." The VNet behind the
// gateway is such a network. NAT rules on the connection are the documented way to connect overlapping spaces (nat-overview).
export const lngPrefixOverlapsVnet = defineRule(
  { id: 'lng-prefix-overlaps-vnet', title: 'Local network gateway prefixes overlap the VNet behind the VPN gateway', category: 'vpn', severity: 'high', docs: DOCS.vpnS2sPortal, source: [{ url: DOCS.vpnS2sPortal, quote: OVERLAP_QUOTE }, { url: DOCS.vpnNat, quote: 'NAT ... is commonly used to connect networks with overlapping IP address ranges.' }] },
  (m, emit) => {
    const seen = new Set<string>();
    for (const c of m.ofType(RT.connection)) {
      const gw = gatewayOf(m, c);
      const lng = localGatewayOf(m, c);
      if (!gw || !lng || hasNat(c) || seen.has(`${lng.key}|${gw.key}`)) continue;
      seen.add(`${lng.key}|${gw.key}`);
      const vnet = gatewayVnet(m, gw);
      const hits = vnet ? overlapping(lngPrefixes(lng), vnet.prefixes) : [];
      if (!vnet || hits.length === 0) continue;
      emit(lng.id, {
        reason: `${lng.name} declares ${hits.map(([a, b]) => `${a} (overlaps ${b})`).join(', ')}, inside the address space of ${vnet.vnet.name}, the VNet behind ${gw.name}. Azure routes the local prefixes into the tunnel, so traffic for the overlapping range never stays in the VNet (or never reaches the site).`,
        evidence: { 'properties.localNetworkAddressSpace.addressPrefixes': lngPrefixes(lng), vnet: vnet.vnet.id, 'vnet.properties.addressSpace.addressPrefixes': vnet.prefixes, connection: c.id },
        fix: { kind: 'manual', description: 'Remove the overlapping prefixes from the local network gateway, or add NAT rules on the connection (VpnGw2+)', targetId: lng.id },
      });
    }
  },
);

// Same page: local prefixes must not overlap other networks you connect to — two sites on one gateway are two such networks.
// nat-overview: "Address spaces for different local network gateways ... can be the same with IngressSNAT rules".
export const lngPrefixOverlap = defineRule(
  { id: 'lng-prefix-overlap', title: 'Two local network gateways on one VPN gateway declare overlapping prefixes', category: 'vpn', severity: 'medium', docs: DOCS.vpnS2sPortal, source: [{ url: DOCS.vpnS2sPortal, quote: OVERLAP_QUOTE }, { url: DOCS.vpnNat, quote: 'Address spaces for different local network gateways (on-premises networks or branches) can be the same with IngressSNAT rules to map to nonoverlapping prefixes.' }] },
  (m, emit) => {
    for (const [, conns] of tunnelsByGateway(m)) {
      const sites = new Map<string, Res>();
      for (const c of conns) {
        const lng = localGatewayOf(m, c);
        if (lng && !hasNat(c)) sites.set(lng.key, lng);
      }
      const list = [...sites.values()].sort((a, b) => a.key.localeCompare(b.key));
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const hits = overlapping(lngPrefixes(list[j]!), lngPrefixes(list[i]!));
          if (hits.length === 0) continue;
          emit(list[j]!.id, {
            reason: `${list[j]!.name} and ${list[i]!.name} connect to the same VPN gateway and claim overlapping ranges (${hits.map(([a, b]) => (a === b ? a : `${a} and ${b}`)).join(', ')}). The gateway has two routes for the same range, so traffic for it can go to the wrong site.`,
            evidence: { 'properties.localNetworkAddressSpace.addressPrefixes': lngPrefixes(list[j]!), other: list[i]!.id, 'other.properties.localNetworkAddressSpace.addressPrefixes': lngPrefixes(list[i]!) },
            fix: { kind: 'manual', description: 'Give each site its own prefixes (or use BGP and IngressSNAT NAT rules where the sites really overlap)', targetId: list[j]!.id },
          });
        }
      }
    }
  },
);

// VPN FAQ (BGP): "With BGP, you must allocate the host prefix (/32 prefix) of your BGP Peer IP address as the address space
// for that on-premises network ... This is to ensure that the Azure VPN gateway establishes the BGP session through the S2S
// VPN tunnel." APIPA peers are excluded: they are reached on the tunnel itself (bgp-howto, APIPA section).
export const lngBgpPeerNotInPrefixes = defineRule(
  { id: 'lng-bgp-peer-not-in-prefixes', title: 'On-premises BGP peer address not covered by the local network gateway prefixes', category: 'vpn', severity: 'high', docs: DOCS.vpnBgp, source: [{ url: DOCS.vpnBgp, quote: 'With BGP, you must allocate the host prefix (/32 prefix) of your BGP Peer IP address as the address space for that on-premises network. ... This is to ensure that the Azure VPN gateway establishes the BGP session through the S2S VPN tunnel.' }] },
  (m, emit) => {
    const seen = new Set<string>();
    for (const c of m.ofType(RT.connection)) {
      const lng = localGatewayOf(m, c);
      if (!lng || props(c).enableBgp !== true || seen.has(lng.key)) continue;
      seen.add(lng.key);
      const peer = get(lng.body, 'properties.bgpSettings.bgpPeeringAddress');
      if (typeof peer !== 'string' || !/^\d{1,3}(\.\d{1,3}){3}$/.test(peer.trim()) || isApipa(peer)) continue;
      const prefixes = lngPrefixes(lng);
      if (prefixes.some((p) => overlaps(`${peer.trim()}/32`, p))) continue;
      emit(lng.id, {
        reason: `${lng.name} peers BGP from ${peer} but none of its prefixes (${prefixes.join(', ') || 'none'}) covers that address, so the Azure gateway has no route to the peer through the tunnel and the BGP session does not come up.`,
        evidence: { 'properties.bgpSettings.bgpPeeringAddress': peer, 'properties.localNetworkAddressSpace.addressPrefixes': prefixes, connection: c.id },
        fix: { kind: 'manual', description: `Add ${peer}/32 to the local network gateway address space`, targetId: lng.id },
      });
    }
  },
);

// VPN FAQ (BGP): "Your on-premises BGP peer address MUST NOT be the same as the public IP address of your VPN device."
// virtual-wan-site-to-site-portal: "Your on-premises BGP peer address must not be the same as the public IP address of your VPN
// to device ... Use a different IP address on the VPN device for your BGP peer IP."
export const bgpPeerIsPublicIp = defineRule(
  { id: 'bgp-peer-is-public-ip', title: 'On-premises BGP peer address equals the VPN device public IP', category: 'vpn', severity: 'high', docs: DOCS.vpnBgp, source: [{ url: DOCS.vpnBgp, quote: 'Your on-premises BGP peer address MUST NOT be the same as the public IP address of your VPN device. Use a different IP address on the VPN device for your BGP Peer IP.' }, { url: DOCS.vwanSiteToSite, quote: 'Your on-premises BGP peer address must not be the same as the public IP address of your VPN to device or the VNet address space of the VPN site.' }] },
  (m, emit) => {
    const check = (r: Res, peerPath: string, ipPath: string) => {
      const peer = get(r.body, peerPath);
      const ip = get(r.body, ipPath);
      if (typeof peer !== 'string' || typeof ip !== 'string' || !peer.trim() || peer.trim() !== ip.trim()) return;
      emit(r.id, {
        reason: `${r.name} uses ${peer}, the public IP of the VPN device itself, as its BGP peer address. The peer must be a different address on the device (a loopback or an APIPA address), reached through the tunnel; with the outside address the session never forms.`,
        evidence: { [peerPath]: peer, [ipPath]: ip },
        fix: { kind: 'manual', description: 'Set the BGP peer address to a loopback (or APIPA) address of the device and configure the device to match', targetId: r.id },
      });
    };
    for (const l of m.ofType(RT.localGateway)) check(l, 'properties.bgpSettings.bgpPeeringAddress', 'properties.gatewayIpAddress');
    for (const l of m.ofType(RT.vpnSiteLink)) check(l, 'properties.bgpProperties.bgpPeeringAddress', 'properties.ipAddress');
  },
);

/** Azure-side custom APIPA addresses of a VNet gateway, per instance (IP configuration). */
function gatewayApipa(gw: Res): Array<{ config: string; ips: string[] }> {
  const peers = get(gw.body, 'properties.bgpSettings.bgpPeeringAddresses');
  return Array.isArray(peers) ? peers.map((p, i) => ({ config: String(get(p, 'ipconfigurationId') ?? i), ips: strings(get(p, 'customBgpIpAddresses')) })) : [];
}

// https://learn.microsoft.com/azure/vpn-gateway/bgp-howto: "If your on-premises VPN devices use APIPA address for BGP, you must
// select an address from the Azure-reserved APIPA address range for VPN, which is from 169.254.21.0 to 169.254.22.255."
export const bgpApipaOneSided = defineRule(
  { id: 'bgp-apipa-one-sided', title: 'On-premises APIPA BGP peer without an Azure APIPA address', category: 'vpn', severity: 'high', docs: DOCS.bgpHowto, source: [{ url: DOCS.bgpHowto, quote: 'If your on-premises VPN devices use APIPA address for BGP, you must select an address from the Azure-reserved APIPA address range for VPN, which is from 169.254.21.0 to 169.254.22.255.' }] },
  (m, emit) => {
    for (const c of m.ofType(RT.connection)) {
      const gw = gatewayOf(m, c);
      const lng = localGatewayOf(m, c);
      const peer = lng ? get(lng.body, 'properties.bgpSettings.bgpPeeringAddress') : undefined;
      if (!gw || !lng || props(c).enableBgp !== true || !isApipa(peer)) continue;
      const onConn = (Array.isArray(props(c).gatewayCustomBgpIpAddresses) ? (props(c).gatewayCustomBgpIpAddresses as unknown[]) : []).map((x) => get(x, 'customBgpIpAddress')).filter(isApipa);
      const onGw = gatewayApipa(gw).flatMap((x) => x.ips).filter(isApipa);
      if (onConn.length || onGw.length) continue;
      emit(c.id, {
        reason: `${lng.name} peers BGP from the APIPA address ${String(peer)}, but neither ${gw.name} nor this connection has a custom Azure APIPA BGP address; Azure peers from its GatewaySubnet address, which the device does not expect, so the session does not form.`,
        evidence: { 'localNetworkGateway.properties.bgpSettings.bgpPeeringAddress': peer, 'gateway.properties.bgpSettings.bgpPeeringAddresses[].customBgpIpAddresses': [], 'properties.gatewayCustomBgpIpAddresses': [] },
        fix: { kind: 'manual', description: `Set a custom Azure APIPA BGP address (169.254.21.0–169.254.22.255) on ${gw.name}, paired with the device's address`, targetId: gw.id },
      });
    }
  },
);

// bgp-howto: active-active "Second Custom Azure APIPA BGP IP address ... The second IP address must be different than the first
// address" / "Each address you select must be unique".
export const bgpApipaDuplicate = defineRule(
  { id: 'bgp-apipa-duplicate', title: 'The same custom APIPA BGP address on both gateway instances', category: 'vpn', severity: 'high', docs: DOCS.bgpHowto, source: [{ url: DOCS.bgpHowto, quote: 'If you are creating an active-active VPN gateway, the BGP section will show an additional Second Custom Azure APIPA BGP IP address. ... The second IP address must be different than the first address.' }] },
  (m, emit) => {
    for (const gw of vpnGateways(m)) {
      const owner = new Map<string, string>();
      const dup = new Set<string>();
      for (const { config, ips } of gatewayApipa(gw)) {
        for (const ip of ips) {
          const prev = owner.get(ip);
          if (prev !== undefined && prev !== config) dup.add(ip);
          owner.set(ip, config);
        }
      }
      if (dup.size === 0) continue;
      emit(gw.id, {
        reason: `${gw.name} uses ${[...dup].join(', ')} as a custom APIPA BGP address on both instances. Each instance needs its own address; with the same one the second BGP session clashes with the first and the standby tunnel carries no routes.`,
        evidence: { 'properties.bgpSettings.bgpPeeringAddresses': gatewayApipa(gw) },
        fix: { kind: 'manual', description: 'Give the second instance a different address from 169.254.21.0–169.254.22.255 and update the device', targetId: gw.id },
      });
    }
  },
);

/** Local network gateway and BGP peering rules (second wave). */
export const VPN_LOCAL_GATEWAY_RULES = [lngPrefixOverlapsVnet, lngPrefixOverlap, lngBgpPeerNotInPrefixes, bgpPeerIsPublicIp, bgpApipaOneSided, bgpApipaDuplicate];
