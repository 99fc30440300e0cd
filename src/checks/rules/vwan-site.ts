import { RT } from '../../arm/resource-types.js';
import { DOCS } from '../docs.js';
import { get, props, refAt } from '../model.js';
import { defineRule, num, shortName } from '../rule-kit.js';
import { lngPrefixes, strings } from './vpn-topology.js';

// https://learn.microsoft.com/azure/virtual-wan/virtual-wan-site-to-site-portal: "Four links per VPN Site are supported."
export const vwanSiteLinkLimit = defineRule(
  { id: 'vwan-site-link-limit', title: 'VPN site with more than four links', category: 'vwan', severity: 'high', docs: DOCS.vwanSiteToSite, source: [{ url: DOCS.vwanSiteToSite, quote: 'You can add or delete more links. Four links per VPN Site are supported.' }] },
  (m, emit) => {
    for (const site of m.ofType(RT.vpnSite)) {
      const links = m.children(site.id, RT.vpnSiteLink);
      if (links.length <= 4) continue;
      emit(site.id, {
        reason: `VPN site ${site.name} has ${links.length} links; a site supports four (one per ISP). Links beyond the fourth cannot be connected to a hub.`,
        evidence: { links: links.map((l) => l.name), limit: 4 },
        fix: { kind: 'manual', description: 'Split the links over two VPN sites (one device or ISP group each)', targetId: site.id },
      });
    }
  },
);

// virtual-wan-site-to-site-portal: "Private address space: ... Traffic destined for this address space is routed to your local
// site. This is required when BGP isn't enabled for the site." tutorial-site-to-site-portal (local network gateway): "Azure
// routes the address range that you specify to the on-premises VPN device IP address."
export const vpnSiteNoRoutes = defineRule(
  { id: 'vpn-site-no-routes', title: 'On-premises site with neither an address space nor BGP', category: 'vpn', severity: 'high', docs: DOCS.vwanSiteToSite, source: [{ url: DOCS.vwanSiteToSite, quote: 'Private address space: The IP address space that is located on your on-premises site. Traffic destined for this address space is routed to your local site. This is required when BGP isn\'t enabled for the site.' }, { url: DOCS.vpnS2sPortal, quote: 'Azure routes the address range that you specify to the on-premises VPN device IP address.' }] },
  (m, emit) => {
    for (const site of m.ofType(RT.vpnSite)) {
      const space = strings(get(site.body, 'properties.addressSpace.addressPrefixes'));
      const bgp = num(get(site.body, 'properties.bgpProperties.asn')) || m.children(site.id, RT.vpnSiteLink).some((l) => num(get(l.body, 'properties.bgpProperties.asn')));
      if (space.length || bgp) continue;
      emit(site.id, {
        reason: `VPN site ${site.name} has no private address space and none of its links runs BGP, so the hub learns no prefix for it: the tunnel can come up but no traffic is ever routed to the branch.`,
        evidence: { 'properties.addressSpace.addressPrefixes': space, 'properties.bgpProperties': get(site.body, 'properties.bgpProperties') ?? null },
        fix: { kind: 'manual', description: 'Add the branch prefixes to the site address space, or configure BGP on its links', targetId: site.id },
      });
    }
    const used = new Set(m.ofType(RT.connection).map((c) => refAt(c, 'properties.localNetworkGateway2.id')?.toLowerCase()).filter(Boolean));
    for (const lng of m.ofType(RT.localGateway)) {
      if (!used.has(lng.id.toLowerCase()) || lngPrefixes(lng).length || num(get(lng.body, 'properties.bgpSettings.asn'))) continue;
      emit(lng.id, {
        reason: `Local network gateway ${lng.name} has no address prefixes and no BGP settings, so the VPN gateway routes nothing to this site even when the tunnel is up.`,
        evidence: { 'properties.localNetworkAddressSpace.addressPrefixes': [], 'properties.bgpSettings': null },
        fix: { kind: 'manual', description: 'Add the on-premises prefixes to the local network gateway, or configure BGP (ASN and peer address)', targetId: lng.id },
      });
    }
  },
);

// virtual-wan-faq: "When you create a VPN site, you can provide the BGP parameters in it. This will imply that any connections
// created in Azure for that site will be enabled for BGP." The reverse case (BGP on the connection, none on the link) is
// vpn-bgp-one-sided.
export const vwanLinkBgpDisabled = defineRule(
  { id: 'vwan-link-bgp-disabled', title: 'VPN site link has BGP settings but its hub link connection has BGP off', category: 'vwan', severity: 'medium', docs: DOCS.vwanFaq, source: [{ url: DOCS.vwanFaq, quote: 'When you create a VPN site, you can provide the BGP parameters in it. This will imply that any connections created in Azure for that site will be enabled for BGP.' }] },
  (m, emit) => {
    for (const lc of m.ofType(RT.vpnLinkConnection)) {
      if (props(lc).enableBgp === true) continue;
      const link = m.get(refAt(lc, 'properties.vpnSiteLink.id'));
      const asn = link && !link.stub ? num(get(link.body, 'properties.bgpProperties.asn')) : undefined;
      if (!link || !asn) continue;
      emit(lc.id, {
        reason: `Site link ${shortName(link.id)} declares BGP (ASN ${asn}, peer ${String(get(link.body, 'properties.bgpProperties.bgpPeeringAddress') ?? '?')}) but this link connection has enableBgp false. The branch device expects a BGP session the hub never opens, so the routes the branch advertises are never learned.`,
        evidence: { 'properties.enableBgp': props(lc).enableBgp ?? false, siteLink: link.id, 'siteLink.properties.bgpProperties': get(link.body, 'properties.bgpProperties') },
        fix: { kind: 'set-property', description: 'Enable BGP on the link connection', targetId: lc.id, patch: { enableBgp: true } },
      });
    }
  },
);

// virtual-wan-faq: "There is no mechanism to set a weight on a VPN connection. Azure always prefers an ExpressRoute connection
// over a VPN connection within a single hub."
export const vwanVpnWeightIgnored = defineRule(
  { id: 'vwan-vpn-weight-ignored', title: 'Routing weight set on a Virtual WAN VPN connection', category: 'vwan', severity: 'low', docs: DOCS.vwanFaq, source: [{ url: DOCS.vwanFaq, quote: 'There is no mechanism to set a weight on a VPN connection. Azure always prefers an ExpressRoute connection over a VPN connection within a single hub.' }] },
  (m, emit) => {
    for (const c of [...m.ofType(RT.vpnConnection), ...m.ofType(RT.vpnLinkConnection)]) {
      const w = num(props(c).routingWeight);
      if (!w) continue;
      emit(c.id, {
        reason: `${shortName(c.id)} has routingWeight ${w}, but Virtual WAN has no weight for VPN connections: the value does not steer traffic, and within a hub ExpressRoute is preferred over VPN regardless. Use hub routing preference or AS-path prepending on the device instead.`,
        evidence: { 'properties.routingWeight': w },
        fix: { kind: 'set-property', description: 'Reset routingWeight to 0 so the configuration says what Azure does', targetId: c.id, patch: { routingWeight: 0 } },
      });
    }
  },
);

/** VPN site and site-link rules (second wave). */
export const VWAN_SITE_RULES = [vwanSiteLinkLimit, vpnSiteNoRoutes, vwanLinkBgpDisabled, vwanVpnWeightIgnored];
