import { RT } from '../../arm/resource-types.js';
import { inRange } from '../cidr.js';
import { DOCS } from '../docs.js';
import { get, props, refAt, type Model, type Res } from '../model.js';
import { defineRule, num, shortName } from '../rule-kit.js';

function siteLinkBgpAsn(m: Model, link: Res): number | undefined {
  const siteLink = m.get(refAt(link, 'properties.vpnSiteLink.id'));
  if (!siteLink || siteLink.stub) return undefined;
  return num(get(siteLink.body, 'properties.bgpProperties.asn'));
}

// domain.md §7.4 [VPN-FAQ], [bgp overview]: BGP needs both ends configured — the connection's enableBgp, the Azure
// gateway's enableBgp and the on-premises BGP settings (local network gateway bgpSettings / VPN site link bgpProperties).
export const vpnBgpOneSided = defineRule(
  { id: 'vpn-bgp-one-sided', title: 'BGP configured on one side of a VPN tunnel only', category: 'vpn', severity: 'high', docs: DOCS.vpnBgp, source: [{ url: DOCS.vpnBgp, quote: 'BGP over VPN needs a route-based gateway with BGP enabled, BGP enabled on the connection, and the on-premises BGP peer (ASN and peer IP) configured.' }] },
  (m, emit) => {
    for (const c of m.ofType(RT.connection)) {
      if (String(props(c).connectionType ?? '').toLowerCase() !== 'ipsec') continue;
      const gw = m.get(refAt(c, 'properties.virtualNetworkGateway1.id'));
      const lng = m.get(refAt(c, 'properties.localNetworkGateway2.id'));
      if (!lng || lng.stub) continue;
      const connBgp = props(c).enableBgp === true;
      const gwBgp = gw && !gw.stub ? props(gw).enableBgp === true : undefined;
      const onPremAsn = num(get(lng.body, 'properties.bgpSettings.asn'));
      const evidence = { 'properties.enableBgp': props(c).enableBgp, 'gateway.properties.enableBgp': gw && !gw.stub ? props(gw).enableBgp : undefined, 'localNetworkGateway.properties.bgpSettings.asn': onPremAsn ?? null };
      let why: string | undefined;
      if (connBgp && onPremAsn === undefined) why = `BGP is enabled on the connection but local network gateway ${lng.name} has no BGP settings (ASN, peer address), so no session can form and no routes are learned.`;
      else if (connBgp && gwBgp === false) why = `BGP is enabled on the connection but not on gateway ${gw ? shortName(gw.id) : ''}.`;
      else if (!connBgp && onPremAsn !== undefined && gwBgp === true) why = `Both gateways have BGP settings but the connection has enableBgp false, so it falls back to static routing while the on-premises router waits for a BGP session.`;
      if (why) emit(c.id, { reason: why, evidence, fix: { kind: 'set-property', description: connBgp ? 'Disable BGP on the connection, or add BGP settings on the other side' : 'Enable BGP on the connection', targetId: c.id, patch: { enableBgp: !connBgp } } });
    }
    for (const link of m.ofType(RT.vpnLinkConnection)) {
      if (props(link).enableBgp !== true) continue;
      const asn = siteLinkBgpAsn(m, link);
      const siteLink = m.get(refAt(link, 'properties.vpnSiteLink.id'));
      if (!siteLink || siteLink.stub || asn !== undefined) continue;
      emit(link.id, {
        reason: `BGP is enabled on this vWAN link connection but VPN site link ${shortName(siteLink.id)} has no BGP properties (ASN, peer address), so no session can form.`,
        evidence: { 'properties.enableBgp': true, 'siteLink.properties.bgpProperties': get(siteLink.body, 'properties.bgpProperties') ?? null },
        fix: { kind: 'set-property', description: 'Disable BGP on the link connection, or add BGP properties to the site link', targetId: link.id, patch: { enableBgp: false } },
      });
    }
  },
);

/** Azure-side custom (APIPA) BGP addresses with the JSON path they came from. */
function azureApipa(m: Model): Array<{ r: Res; path: string; ip: string }> {
  const out: Array<{ r: Res; path: string; ip: string }> = [];
  for (const gw of [...m.ofType(RT.vnetGateway), ...m.ofType(RT.vpnGateway)]) {
    const peers = get(gw.body, 'properties.bgpSettings.bgpPeeringAddresses');
    if (!Array.isArray(peers)) continue;
    peers.forEach((p, i) => {
      const ips = get(p, 'customBgpIpAddresses');
      if (Array.isArray(ips)) ips.forEach((ip, j) => typeof ip === 'string' && out.push({ r: gw, path: `properties.bgpSettings.bgpPeeringAddresses[${i}].customBgpIpAddresses[${j}]`, ip }));
    });
  }
  for (const [type, field] of [[RT.connection, 'gatewayCustomBgpIpAddresses'], [RT.vpnLinkConnection, 'vpnGatewayCustomBgpAddresses']] as const) {
    for (const c of m.ofType(type)) {
      const list = props(c)[field];
      if (Array.isArray(list)) list.forEach((x, i) => typeof get(x, 'customBgpIpAddress') === 'string' && out.push({ r: c, path: `properties.${field}[${i}].customBgpIpAddress`, ip: get(x, 'customBgpIpAddress') as string }));
    }
  }
  return out;
}

// domain.md §7.4 [bgp-howto]: Azure-side APIPA BGP addresses must be in 169.254.21.0–169.254.22.255.
export const vpnApipaOutOfRange = defineRule(
  { id: 'vpn-apipa-out-of-range', title: 'Azure APIPA BGP address outside 169.254.21.0–169.254.22.255', category: 'vpn', severity: 'high', docs: DOCS.bgpHowto, source: [{ url: DOCS.bgpHowto, quote: 'APIPA BGP addresses: the Azure side must use 169.254.21.0-169.254.22.255.' }] },
  (m, emit) => {
    for (const { r, path, ip } of azureApipa(m)) {
      if (inRange(ip, '169.254.21.0', '169.254.22.255')) continue;
      emit(r.id, {
        reason: `Custom BGP address ${ip} on the Azure side is outside 169.254.21.0–169.254.22.255, the only APIPA range Azure VPN gateways accept; the BGP session with this peer will not come up.`,
        evidence: { [path]: ip, allowed: '169.254.21.0-169.254.22.255' },
      });
    }
  },
);

const AZURE_RESERVED = [8074, 8075, 12076, 65515, 65517, 65518, 65519, 65520];

/** Why an ASN cannot be used, or undefined (domain.md §7.4 [VPN-FAQ]). `azureSide` allows Azure's own default 65515. */
export function asnProblem(asn: number, azureSide: boolean): string | undefined {
  if (AZURE_RESERVED.includes(asn) && !(azureSide && asn === 65515)) return 'reserved by Azure';
  if (asn === 23456 || (asn >= 64496 && asn <= 64511) || (asn >= 65535 && asn <= 65551) || asn === 4294967295) return 'reserved by IANA';
  return undefined;
}

// domain.md §7.4 [VPN-FAQ]: reserved ASNs (Azure 8074, 8075, 12076, 65515, 65517–65520; IANA 23456, 64496–64511,
// 65535–65551, 4294967295) and on-premises and Azure must use different ASNs.
export const vpnAsnReserved = defineRule(
  { id: 'vpn-asn-reserved', title: 'VPN BGP ASN reserved or equal on both sides', category: 'vpn', severity: 'high', docs: DOCS.vpnFaq, source: [{ url: DOCS.vpnFaq, quote: 'ASNs reserved by Azure: 8074, 8075, 12076 (public); 65515, 65517, 65518, 65519, 65520 (private). ASNs reserved by IANA: 23456, 64496-64511, 65535-65551. On-premises and Azure must use different ASNs.' }] },
  (m, emit) => {
    const check = (r: Res, path: string, azureSide: boolean) => {
      const asn = num(get(r.body, path));
      const why = asn === undefined ? undefined : asnProblem(asn, azureSide);
      if (why) emit(r.id, { reason: `BGP ASN ${asn} on ${shortName(r.id)} is ${why} and cannot be used for a VPN BGP session. Pick a private ASN in 64512–65514 or 65521–65534 (or your public ASN).`, evidence: { [path]: asn } });
    };
    for (const gw of m.ofType(RT.vnetGateway)) if (String(props(gw).gatewayType).toLowerCase() === 'vpn') check(gw, 'properties.bgpSettings.asn', true);
    for (const gw of m.ofType(RT.vpnGateway)) check(gw, 'properties.bgpSettings.asn', true);
    for (const l of m.ofType(RT.localGateway)) check(l, 'properties.bgpSettings.asn', false);
    for (const s of m.ofType(RT.vpnSite)) check(s, 'properties.bgpProperties.asn', false);
    for (const s of m.ofType(RT.vpnSiteLink)) check(s, 'properties.bgpProperties.asn', false);
    for (const c of m.ofType(RT.connection)) {
      if (props(c).enableBgp !== true) continue;
      const gw = m.get(refAt(c, 'properties.virtualNetworkGateway1.id'));
      const lng = m.get(refAt(c, 'properties.localNetworkGateway2.id'));
      const a = gw && !gw.stub ? num(get(gw.body, 'properties.bgpSettings.asn')) : undefined;
      const b = lng && !lng.stub ? num(get(lng.body, 'properties.bgpSettings.asn')) : undefined;
      if (a === undefined || a !== b) continue;
      emit(c.id, {
        reason: `The Azure gateway and the on-premises side both use ASN ${a}. eBGP needs different ASNs on the two ends, so routes are dropped as loops.`,
        evidence: { 'gateway.properties.bgpSettings.asn': a, 'localNetworkGateway.properties.bgpSettings.asn': b },
      });
    }
  },
);

/** VPN BGP rules. */
export const VPN_BGP_RULES = [vpnBgpOneSided, vpnApipaOutOfRange, vpnAsnReserved];
