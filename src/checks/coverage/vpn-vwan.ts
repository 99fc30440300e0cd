import { DOCS } from '../docs.js';
import type { Constraint, ConstraintArea } from './types.js';

const c = (id: string, area: ConstraintArea, fact: string, source: string, ruleIds: string[], unreadable?: string): Constraint => ({ id, area, fact, source, ruleIds, ...(unreadable ? { unreadable } : {}) });

/**
 * VPN Gateway and Virtual WAN constraints of the second wave (issue #12): gateway SKUs, active-active and zones, NAT,
 * policy-based selectors, local network gateways and BGP peers, hub address space, type, routing and sites. Rows for the
 * first-wave VPN/vWAN rules live in vpn-vwan-wave1.ts.
 */
export const CONSTRAINTS_VPN_VWAN: Constraint[] = [
  // VPN gateway SKUs
  c('vpn-sku-tunnels', 'vpn', 'S2S/VNet-to-VNet tunnels per SKU: Basic 10, VpnGw1-3(AZ) 30, VpnGw4-5(AZ) 100 (legacy Standard 10, HighPerformance 30); a policy-based gateway 1.', DOCS.vpnSku, ['vpn-tunnel-limit']),
  c('vpn-sku-generation', 'vpn', 'Generation1 offers VpnGw1-3 and VpnGw1AZ-3AZ; Generation2 offers VpnGw2-5 and VpnGw2AZ-5AZ.', DOCS.vpnSku, ['vpn-generation-sku-mismatch']),
  c('vpn-bgp-sku', 'vpn', 'BGP is not supported on the Basic SKU and is supported on route-based gateways only.', DOCS.vpnBgp, ['vpn-basic-sku-bgp']),
  c('vpn-ipsec-policy-sku', 'vpn', 'Custom IPsec/IKE policy is available on all SKUs except Basic.', DOCS.ipsec, ['vpn-basic-sku-ipsec-policy']),
  c('vpn-ike-version', 'vpn', 'Policy-based gateways speak IKEv1 only; route-based Basic IKEv2 only; route-based VpnGw1-5 both.', DOCS.vpnPolicyBased, ['vpn-ike-version-unsupported']),
  c('vpn-policy-based-gateway', 'vpn', 'A policy-based gateway is Basic only, IKEv1, one S2S connection and no point-to-site.', DOCS.vpnPolicyBased, ['vpn-policy-based-limits', 'vpn-tunnel-limit', 'vpn-ike-version-unsupported']),
  c('vpn-basic-p2s', 'vpn', 'Basic: no RADIUS authentication for P2S and no IKEv2 (or OpenVPN) for P2S; SSTP only.', DOCS.vpnSku, ['vpn-basic-sku-p2s']),
  c('vpn-p2s-connection-limits', 'vpn', 'P2S connections per SKU: SSTP 128 on every SKU; IKEv2/OpenVPN 250 (VpnGw1) to 10,000 (VpnGw5); Basic has no IKEv2 P2S.', DOCS.vpnSku, [], 'Connected P2S clients are runtime state (vpnclientconnectionhealth), not part of the gateway body, and erscope does not read P2S sessions.'),
  c('vpn-per-tunnel-throughput', 'vpn', 'Per-tunnel throughput is about 2.3 Gbps with GCMAES256 on Gen2 VpnGw4/5; aggregate throughput by SKU 650 Mbps to 10 Gbps.', DOCS.vpnSku, [], 'Throughput is data-plane behaviour; no ARM property carries the traffic a tunnel needs.'),
  c('vpn-new-gateway-standard-ip', 'vpn', 'Since December 1, 2023 a new VPN gateway (except Basic) must use a Standard SKU public IP.', DOCS.vpnSku, [], 'Applies at creation only; the gateway body does not carry its creation date, so an older gateway legitimately keeps a Basic IP.'),
  // Active-active and zones
  c('vpn-active-active-sku', 'vpn', "You can't configure an active-active gateway using the Basic gateway SKU; the VPN must be route based.", DOCS.vpnActiveActive, ['vpn-active-active-unsupported']),
  c('vpn-active-active-ips', 'vpn', 'Active-active needs two public IP addresses, both Standard SKU and Static; each instance has a unique public IP.', DOCS.vpnActiveActive, ['vpn-active-active-public-ips']),
  c('vpn-az-public-ip', 'vpn', 'AZ gateways rely on a Standard public IP: with a Basic IP the gateway is regional; with a single zone it is zonal.', DOCS.vpnZoneRedundant, ['vpn-az-sku-public-ip']),
  // NAT
  c('vpn-nat-sku', 'vpn', 'NAT is supported on VpnGw2-5 and VpnGw2AZ-5AZ.', DOCS.vpnNat, ['vpn-nat-sku']),
  c('vpn-nat-connections', 'vpn', "NAT is supported for IPsec cross-premises connections only (not VNet-to-VNet or P2S) and not on connections with policy-based traffic selectors.", DOCS.vpnNat, ['vpn-nat-unsupported-connection']),
  c('vpn-nat-dynamic-size', 'vpn', 'The maximum external mapping subnet size for Dynamic NAT is /26.', DOCS.vpnNat, ['vpn-nat-dynamic-mapping-size']),
  c('vpn-nat-create-order', 'vpn', "NAT rules can't be associated with a connection while it is created; create the connection first.", DOCS.vpnNat, [], 'A rule about the order of operations, not a state of the resources.'),
  // Connections
  c('vpn-selectors-need-policy', 'vpn', 'You need to create an IPsec/IKE policy in order to enable UsePolicyBasedTrafficSelectors on the connection.', DOCS.vpnPolicyBased, ['vpn-policy-selectors-no-policy']),
  c('vpn-selectors-no-transit', 'vpn', 'On-premises networks behind policy-based traffic selectors can only reach the VNet; they cannot transit to other sites through the gateway.', DOCS.vpnPolicyBased, [], 'Which sites are meant to reach each other is intent, not configuration.'),
  c('vpn-selectors-device-ikev2', 'vpn', 'The on-premises policy-based device must support IKEv2 to connect to a route-based gateway with policy-based selectors.', DOCS.vpnPolicyBased, [], 'On-premises device capabilities are not in any ARM body.'),
  c('vpn-v2v-same-policy', 'vpn', 'VNet-to-VNet: both connection resources must carry the same IPsec/IKE policy.', DOCS.ipsec, ['vpn-vnet2vnet-policy-mismatch']),
  c('vpn-v2v-no-overlap', 'vpn', "VNet-to-VNet: make sure the address spaces don't overlap with any of the virtual networks to which you want to connect; the connection won't work properly with overlapping subnets.", DOCS.vpnVnet2Vnet, ['vpn-vnet2vnet-overlap']),
  c('vpn-protocol-immutable', 'vpn', 'The connection protocol (IKEv1/IKEv2) cannot be changed after the connection is created.', DOCS.ipsec, [], 'A rule about a change, not a state; erscope shows it when a fix would need it.'),
  // Local network gateways and BGP peers
  c('lng-no-overlap-vnet', 'vpn', "Local network gateway address ranges must not overlap ranges of other networks you connect to (the VNet behind the gateway); NAT is the documented way to connect overlapping spaces.", DOCS.vpnS2sPortal, ['lng-prefix-overlaps-vnet']),
  c('lng-no-overlap-sites', 'vpn', 'Local network gateways on one gateway must not overlap each other unless IngressSNAT rules map them to distinct prefixes.', DOCS.vpnS2sPortal, ['lng-prefix-overlap']),
  c('lng-bgp-peer-prefix', 'vpn', 'With BGP, the host prefix (/32) of the BGP peer IP must be in the local network gateway address space so the session runs through the tunnel.', DOCS.vpnBgp, ['lng-bgp-peer-not-in-prefixes']),
  c('bgp-peer-not-device-ip', 'vpn', 'The on-premises BGP peer address must not be the public IP address of the VPN device (local network gateway and vWAN site link alike).', DOCS.vpnBgp, ['bgp-peer-is-public-ip']),
  c('bgp-apipa-azure-side', 'vpn', 'If the on-premises device uses an APIPA address for BGP, the Azure gateway needs a custom APIPA address from 169.254.21.0-169.254.22.255.', DOCS.bgpHowto, ['bgp-apipa-one-sided']),
  c('bgp-apipa-unique', 'vpn', 'On an active-active gateway the second custom APIPA BGP address must be different from the first.', DOCS.bgpHowto, ['bgp-apipa-duplicate']),
  c('bgp-apipa-initiate', 'vpn', 'Azure VPN gateways do not initiate BGP to APIPA peers; the on-premises device must initiate.', DOCS.vpnBgp, [], 'Who initiates is configured on the on-premises device, outside ARM.'),
  c('bgp-prefix-limit', 'vpn', 'Up to 4,000 prefixes per BGP peer; the session drops above the limit.', DOCS.vpnBgp, [], 'Prefixes received are runtime state (learned routes), not a property of the connection.'),
  c('bgp-no-vnet-prefix-advertise', 'vpn', 'Advertising exactly a VNet address prefix to the gateway is blocked or filtered; a superset is allowed.', DOCS.vpnBgp, [], 'What the device advertises is runtime state (learned routes), not configuration Azure holds.'),
  c('site-needs-routes', 'vpn', 'A VPN site needs a private address space when BGP is not enabled; a local network gateway routes only the ranges it declares.', DOCS.vwanSiteToSite, ['vpn-site-no-routes']),
  // Virtual WAN hubs
  c('hub-min-size', 'vwan', 'Hubs are deployed with a minimum size of /24; the recommended hub address space is /23.', DOCS.vwanFaq, ['hub-address-prefix-size']),
  c('hub-no-overlap-hubs', 'vwan', "A virtual hub is a virtual network; its range can't overlap the virtual networks you connect, and hubs of a Standard WAN are meshed.", DOCS.vwanErPowershell, ['hub-prefix-overlap']),
  c('hub-no-overlap-onprem', 'vwan', "The hub range also can't overlap the address ranges you connect on-premises (VPN sites).", DOCS.vwanErPowershell, ['hub-prefix-overlaps-site']),
  c('hub-no-overlap-spokes', 'vwan', "The hub range can't overlap connected VNets, and two VNets with overlapping address spaces can't both connect to a hub.", DOCS.vwanFaq, [], 'Hub virtual network connections (hubVirtualNetworkConnections) are a per-hub list erscope does not read, so the spokes of a hub are unknown.'),
  c('hub-spoke-no-gateway', 'vwan', "A spoke VNet connected to a virtual hub can't have a virtual network gateway.", DOCS.vwanFaq, [], 'Needs the hub virtual network connections, which erscope does not read.'),
  c('hub-route-limit', 'vwan', 'A hub accepts at most 10,000 routes from its connected resources.', DOCS.vwanHubSettings, [], 'The route count is runtime state (effective routes), not in the hub body.'),
  c('hub-router-capacity', 'vwan', 'Routing infrastructure units set router throughput and VMs: 2 units = 3 Gbps and 2,000 VMs, then +1 Gbps and +1,000 VMs per unit.', DOCS.vwanHubSettings, [], 'The number of VMs in spoke VNets is not inventoried.'),
  c('vwan-basic-s2s-only', 'vwan', 'A Basic virtual WAN (Basic hubs) supports site-to-site VPN only; ExpressRoute, User VPN and transit need Standard.', DOCS.vwanHubSettings, ['vwan-basic-type-unsupported']),
  c('vwan-basic-upgrade-one-way', 'vwan', 'You can upgrade from Basic to Standard but cannot revert from Standard to Basic.', DOCS.vwanHubSettings, [], 'A rule about a change, not a state.'),
  c('vwan-branch-default-rt', 'vwan', 'All VPN, ExpressRoute and User VPN connections are associated to the same (Default) route table of their hub.', DOCS.vwanHubRouting, ['vwan-branch-custom-association']),
  c('hub-static-route-next-hop', 'vwan', 'A static route in a hub route table points at a connection (next hop type ResourceId), typically a hub virtual network connection or Azure Firewall.', DOCS.vwanHubRouting, [], 'Next hops are hub virtual network connections or firewalls, which erscope does not read, so a missing next hop cannot be told from an unread one.'),
  c('vwan-hub-vpn-connections', 'vwan', 'Up to 1,000 VPN connections (2,000 IPsec tunnels) per virtual hub.', DOCS.vwanFaq, ['vwan-hub-vpn-connection-limit']),
  c('vwan-vpn-throughput', 'vwan', 'VPN aggregate throughput per hub is up to 20 Gbps (1 scale unit = 500 Mbps x 2 instances); 2 Gbps per connection.', DOCS.vwanFaq, [], 'Throughput is data-plane behaviour; the scale unit is configuration but the traffic it must carry is not.'),
  // Virtual WAN sites
  c('vwan-site-links', 'vwan', 'Four links per VPN site are supported.', DOCS.vwanSiteToSite, ['vwan-site-link-limit']),
  c('vwan-site-bgp-connections', 'vwan', 'BGP parameters on a VPN site imply that the connections created for that site are enabled for BGP.', DOCS.vwanFaq, ['vwan-link-bgp-disabled']),
  c('vwan-vpn-no-weight', 'vwan', 'There is no mechanism to set a weight on a VPN connection; ExpressRoute is preferred over VPN within a hub.', DOCS.vwanFaq, ['vwan-vpn-weight-ignored']),
  c('vwan-site-fqdn', 'vwan', 'A site link FQDN resolves to one IPv4 address (the first); the gateway re-resolves every 5 minutes for disconnected tunnels.', DOCS.vwanSiteToSite, [], 'Name resolution happens at run time on the gateway.'),
];
