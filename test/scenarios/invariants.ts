import { normalizeId, parseArmId } from '../../src/arm/arm-id.js';
import { RT } from '../../src/arm/resource-types.js';
import type { Scenario, ScenarioResource } from '../../src/emulator/scenarios/scenario-types.js';
import { indexIds, ofType } from './scenario-checks.js';

type P = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const WEAK_IPSEC = new Set(['DES', 'DES3', 'MD5', 'SHA1', 'DHGroup1', 'DHGroup2', 'PFS1', 'PFS2']);
const RESERVED_ASN = (asn: number) => (asn >= 65515 && asn <= 65520) || [8074, 8075, 12076, 23456].includes(asn) || (asn >= 64496 && asn <= 64511);
const apipaOk = (ip: string) => /^169\.254\.(21|22)\.\d+$/.test(ip);
const props = (r: ScenarioResource | undefined): P => (r?.properties ?? {}) as P;
const sub = (id: string) => parseArmId(id).subscriptionId?.toLowerCase();
const prefixLen = (cidr: string) => Number(cidr.split('/')[1]);

/** A small, independent re-statement of the domain rules, used to prove the clean scenario is clean and the faulty one is not. Returns "rule: resource id" strings. */
export function violations(s: Scenario): string[] {
  const ids = indexIds(s);
  const out: string[] = [];
  const add = (rule: string, id: string) => out.push(`${rule}: ${id}`);
  const circuits = ofType(s, RT.circuit);
  const inUseByKey = new Map<string, ScenarioResource>();
  for (const c of circuits) {
    const p = props(c);
    if (p.serviceProviderProvisioningState !== 'Provisioned') add('circuit-not-provisioned', c.id);
    if (p.circuitProvisioningState !== 'Enabled') add('circuit-provisioning-disabled', c.id);
    if ((p.authorizations ?? []).length >= 9) add('auth-limit', c.id);
    const vlans = new Set<number>();
    for (const pe of p.peerings ?? []) {
      const pp = props(pe);
      if (vlans.has(pp.vlanId)) add('peering-vlan-duplicate', pe.id);
      vlans.add(pp.vlanId);
      if (pp.state !== 'Enabled') add('peering-disabled', pe.id);
      if (RESERVED_ASN(pp.peerASN)) add('peering-asn-reserved', pe.id);
      if (prefixLen(pp.primaryPeerAddressPrefix) !== 30 || prefixLen(pp.secondaryPeerAddressPrefix) !== 30) add('peering-prefix-invalid', pe.id);
      if (pp.primaryPeerAddressPrefix === pp.secondaryPeerAddressPrefix) add('peering-prefix-overlap', pe.id);
      if (pp.sharedKey !== undefined && !/^[A-Za-z0-9]{1,25}$/.test(pp.sharedKey)) add('peering-md5-invalid', pe.id);
      if (pp.peeringType === 'MicrosoftPeering') {
        if (!pp.routeFilter) add('ms-peering-no-route-filter', pe.id);
        if (pp.microsoftPeeringConfig?.advertisedPublicPrefixesState !== 'Configured') add('ms-peering-prefix-validation', pe.id);
      }
      for (const gr of pp.connections ?? []) {
        const g = props(gr);
        if (prefixLen(g.addressPrefix) !== 29) add('global-reach-prefix-invalid', gr.id);
        if (c.sku?.tier === 'Local') add('global-reach-local-sku', gr.id);
        const peer = ids.get(normalizeId(g.peerExpressRouteCircuitPeering.id));
        if (peer && !(props(peer).peeredConnections ?? []).some((m: ScenarioResource) => m.name === gr.name)) add('connection-not-listed-on-peering', gr.id);
      }
      const grPrefixes = (pp.connections ?? []).map((gr: ScenarioResource) => props(gr).addressPrefix);
      if (new Set(grPrefixes).size !== grPrefixes.length) add('global-reach-prefix-overlap', pe.id);
    }
    for (const a of p.authorizations ?? []) {
      const ap = props(a);
      if (ap.authorizationUseStatus === 'InUse') {
        inUseByKey.set(ap.authorizationKey, a);
        if (!ids.has(normalizeId(ap.connectionResourceUri ?? '')) && !s.forbidden.some((f) => normalizeId(ap.connectionResourceUri ?? '').startsWith(normalizeId(f)))) add('auth-orphaned-in-use', a.id);
      }
    }
  }
  const gateways = ofType(s, RT.vnetGateway);
  const connections = ofType(s, RT.connection);
  for (const g of gateways) {
    const gp = props(g);
    if (gp.sku.name === 'Basic') add('gateway-basic-sku', g.id);
    if (gp.gatewayType !== 'ExpressRoute') continue;
    if (!/AZ$|^ErGwScale$/.test(gp.sku.name)) add('gateway-not-zone-redundant', g.id);
    const links = connections.filter((c) => normalizeId(props(c).virtualNetworkGateway1.id) === normalizeId(g.id));
    const limit = /^(Standard|ErGw1AZ)$/.test(gp.sku.name) ? 4 : /^(HighPerformance|ErGw2AZ)$/.test(gp.sku.name) ? 8 : 16;
    if (links.length > limit) add('gateway-circuit-limit', g.id);
    if (links.length < 2) add('single-circuit-on-gateway', g.id);
    const locations = new Set(links.map((l) => props(ids.get(normalizeId(props(l).peer.id))).serviceProviderProperties?.peeringLocation ?? '?'));
    if (locations.size < 2) add('single-peering-location', g.id);
  }
  for (const c of connections) {
    const cp = props(c);
    const gw = props(ids.get(normalizeId(cp.virtualNetworkGateway1.id)));
    if (cp.connectionStatus !== 'Connected') add('connection-not-connected', c.id);
    if (cp.routingWeight < 0 || cp.routingWeight > 32000) add('weight-out-of-range', c.id);
    if (cp.connectionType === 'ExpressRoute') {
      if (gw.gatewayType !== 'ExpressRoute') add('gateway-type-mismatch', c.id);
      if (cp.expressRouteGatewayBypass && !/^(UltraPerformance|ErGw3AZ|ErGwScale)$/.test(gw.sku?.name)) add('gateway-fastpath-unsupported', c.id);
      const crossSub = sub(cp.peer.id) !== sub(c.id);
      if (crossSub && !cp.authorizationKey) add('auth-key-missing-cross-subscription', c.id);
      if (cp.authorizationKey && !s.forbidden.some((f) => normalizeId(cp.peer.id).startsWith(normalizeId(f)))) {
        const auth = inUseByKey.get(cp.authorizationKey);
        if (!auth || normalizeId(props(auth).connectionResourceUri) !== normalizeId(c.id)) add('auth-key-unmatched', c.id);
      }
    } else {
      const lgw = props(ids.get(normalizeId(cp.localNetworkGateway2?.id ?? ''))); // VNet-to-VNet connections have no local gateway
      if ((cp.sharedKey ?? '').length < 16) add('vpn-shared-key-weak', c.id);
      if (cp.dpdTimeoutSeconds < 9 || cp.dpdTimeoutSeconds > 3600) add('vpn-dpd-out-of-range', c.id);
      if (cp.enableBgp && !lgw.bgpSettings) add('vpn-bgp-one-sided', c.id);
      if (cp.enableBgp && lgw.bgpSettings && RESERVED_ASN(lgw.bgpSettings.asn)) add('vpn-asn-reserved', c.id);
      for (const b of cp.gatewayCustomBgpIpAddresses ?? []) if (!apipaOk(b.customBgpIpAddress)) add('vpn-apipa-out-of-range', c.id);
    }
  }
  for (const holder of [...connections, ...ofType(s, RT.vpnConnection), ...ofType(s, RT.vpnLinkConnection)]) {
    for (const pol of props(holder).ipsecPolicies ?? []) {
      if (Object.values(pol as P).some((v) => WEAK_IPSEC.has(String(v)))) add('vpn-weak-ipsec', holder.id);
      if (String(pol.ipsecEncryption).startsWith('GCM') && pol.ipsecIntegrity !== pol.ipsecEncryption) add('vpn-gcm-mismatch', holder.id);
      if (pol.saLifeTimeSeconds < 300) add('vpn-sa-lifetime-low', holder.id);
    }
  }
  for (const r of ids.values()) if (props(r).provisioningState !== 'Succeeded' && !/\/ipConfigurations\//i.test(r.id)) add('provisioning-failed', r.id);
  for (const h of ofType(s, RT.hub)) if (!props(h).expressRouteGateway) add('vwan-hub-no-er-gateway', h.id);
  for (const perm of s.permissions) if (perm.notActions.some((a) => /virtualNetworkGateways\/join\/action/i.test(a))) add('rbac-missing-permission', perm.scope);
  return out;
}
