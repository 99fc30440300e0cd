import { normalizeId } from '../../arm/arm-id.js';
import { RT } from '../../arm/resource-types.js';
import type { TopologyGraph } from '../../topology/types.js';
import { azVpnConnection } from '../az.js';
import { PlanInputError, validateAll, type BuildOptions, type Choice, type KindSpec } from '../fields.js';
import { bodyOf, childrenOf, nodeOf, nodesOfType, props, refId, resourceGroupScope } from '../graph-query.js';
import { GENERATED_KEY_LENGTH, generateSharedKey, IPSEC_PRESETS, ipsecProblems, policyFrom, sharedKeyWarnings } from '../ipsec.js';
import { assemblePlan, type ActionPlan } from '../plan.js';
import { validateBool, validateDpd, validateIdOfType, validateNewName, validateOneOf, validateRoutingWeight, validateSharedKey } from '../validate.js';
import { commaList, defaultRouteTable, hubOfGateway, routeTableChoices, routingConfiguration } from './common.js';

/** The Azure default policy is not a preset: it keeps SHA1, DHGroup2 and 3DES for old devices (domain §7.2). */
export const DEFAULT_POLICY = 'azure-default';
const PRESET_NAMES = [...Object.keys(IPSEC_PRESETS), DEFAULT_POLICY];

function wanOf(graph: TopologyGraph, id: string | undefined): string {
  const hubOrSite = bodyOf(graph, id);
  return normalizeId(refId(props(hubOrSite).virtualWan));
}

function siteChoices(graph: TopologyGraph, gatewayId: string | undefined): Choice[] {
  const wan = gatewayId ? wanOf(graph, hubOfGateway(graph, gatewayId)) : '';
  const connected = new Map<string, string>();
  if (gatewayId) for (const c of childrenOf(graph, gatewayId, RT.vpnConnection)) connected.set(normalizeId(refId(props(c).remoteVpnSite)), c.name);
  return nodesOfType(graph, RT.vpnSite).map((n) => {
    const links = childrenOf(graph, n.id, RT.vpnSiteLink).length;
    const siteWan = wanOf(graph, n.id);
    const reason = connected.has(normalizeId(n.id)) ? `already connected by ${connected.get(normalizeId(n.id))}`
      : wan && siteWan && wan !== siteWan ? "in another virtual WAN than the gateway's hub"
      : links === 0 ? 'the site has no links' : undefined;
    return { value: n.id, label: n.name, enabled: !reason, ...(reason ? { reason } : {}), detail: `${links} link(s)` };
  });
}

const hubOf = (g: TopologyGraph, v: Record<string, string>) => hubOfGateway(g, v.gateway);

/** vWAN VPN gateway ↔ VPN site: one link connection per site link, shared key, IPsec preset, BGP and routing. */
export const vpnConnectionKind: KindSpec = {
  kind: 'vpn-connection',
  title: 'Connect a Virtual WAN VPN gateway to a VPN site',
  fields: [
    { key: 'gateway', label: 'Hub VPN gateway', input: 'select', required: true, help: 'a vWAN VPN gateway', validate: validateIdOfType([RT.vpnGateway], 'gateway') },
    { key: 'site', label: 'VPN site', input: 'select', required: true, help: 'a VPN site in the same virtual WAN, not yet connected', validate: validateIdOfType([RT.vpnSite], 'site') },
    { key: 'name', label: 'Connection name', input: 'text', required: true, help: 'new connection name, unique on the gateway',
      validate: validateNewName((c) => (c.graph && c.values.gateway ? childrenOf(c.graph, c.values.gateway, RT.vpnConnection).map((x) => x.name) : [])),
      default: (g, v) => (v.site ? `conn-${nodeOf(g, v.site)?.name}`.slice(0, 80) : undefined) },
    { key: 'sharedKey', label: 'Shared key', input: 'secret', required: false, help: 'leave empty to generate a strong key (shown once after apply)', validate: validateSharedKey },
    { key: 'ipsecPreset', label: 'IPsec policy', input: 'select', required: true, help: PRESET_NAMES.join(', '), validate: validateOneOf(PRESET_NAMES, 'IPsec policy'), default: () => 'strong' },
    { key: 'ipsecOverrides', label: 'Policy overrides', input: 'text', required: false, help: 'comma list field=value, e.g. dhGroup=ECP256,saLifeTimeSeconds=27000',
      validate: (v) => { const r = policyFrom('strong', parseOverrides(v)); return typeof r === 'string' ? r : undefined; } },
    { key: 'enableBgp', label: 'BGP', input: 'bool', required: true, help: 'true when the site links carry BGP settings', validate: validateBool,
      default: (g, v) => String(childrenOf(g, v.site ?? '', RT.vpnSiteLink).some((l) => !!props(l).bgpProperties)) },
    { key: 'dpdTimeoutSeconds', label: 'DPD timeout', input: 'number', required: false, help: '9–3600 seconds (30–45 recommended)', validate: validateDpd },
    { key: 'routingWeight', label: 'Routing weight', input: 'number', required: true, help: '0–32000', validate: validateRoutingWeight, default: () => '0' },
    { key: 'enableInternetSecurity', label: 'Internet security', input: 'bool', required: true, help: 'true to send internet traffic through the hub', validate: validateBool, default: () => 'false' },
    { key: 'associatedRouteTable', label: 'Associated route table', input: 'select', required: false, help: "one of the hub's route tables", default: (g, v) => defaultRouteTable(g, hubOf(g, v)) },
    { key: 'propagatedRouteTables', label: 'Propagate to', input: 'multi', required: false, help: "comma list of the hub's route tables", default: (g, v) => defaultRouteTable(g, hubOf(g, v)) },
    { key: 'labels', label: 'Propagate to labels', input: 'text', required: false, help: 'comma list of labels', default: () => 'default' },
  ],
  options(graph, values, field) {
    if (field === 'gateway') return nodesOfType(graph, RT.vpnGateway).map((n) => ({ value: n.id, label: n.name, enabled: true, detail: `hub ${nodeOf(graph, hubOfGateway(graph, n.id))?.name ?? '?'}` }));
    if (field === 'site') return siteChoices(graph, values.gateway);
    if (field === 'ipsecPreset') {
      return PRESET_NAMES.map((p) => p === DEFAULT_POLICY
        ? { value: p, label: p, enabled: true, reason: 'weak: includes SHA1, DHGroup2 and 3DES (needs --force)' }
        : { value: p, label: p, enabled: true, detail: IPSEC_PRESETS[p]!.label });
    }
    if (field === 'associatedRouteTable' || field === 'propagatedRouteTables') return routeTableChoices(graph, hubOf(graph, values));
    return [];
  },
  context: () => ({}),
  build(graph, values, opts) {
    return buildVpnConnectionPlan(graph, validateAll(vpnConnectionKind, graph, values), opts);
  },
};

/** Parses "a=b,c=d" into a record. */
export function parseOverrides(v: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of commaList(v)) {
    const [k, ...rest] = part.split('=');
    out[k!.trim()] = rest.join('=').trim();
  }
  return out;
}

/** Pure plan from validated values; weak IPsec is refused unless forced. */
export function buildVpnConnectionPlan(graph: TopologyGraph, v: Record<string, string>, opts: BuildOptions = {}): ActionPlan {
  const gatewayId = nodeOf(graph, v.gateway)?.id ?? v.gateway!;
  const siteId = nodeOf(graph, v.site)?.id ?? v.site!;
  const id = `${gatewayId}/vpnConnections/${v.name}`;
  const generated = !v.sharedKey;
  const sharedKey = v.sharedKey || generateSharedKey();
  const warnings = generated ? [] : sharedKeyWarnings(sharedKey);
  let policies: unknown[] = [];
  if (v.ipsecPreset === DEFAULT_POLICY) {
    if (!opts.force) throw new PlanInputError({ ipsecPreset: 'the Azure default policy includes SHA1, DHGroup2 and 3DES; choose strong, compatible or aes-sha, or pass --force' });
    warnings.push('forced: the Azure default IPsec policy includes SHA1, DHGroup2 and 3DES');
  } else {
    const policy = policyFrom(v.ipsecPreset!, parseOverrides(v.ipsecOverrides));
    if (typeof policy === 'string') throw new PlanInputError({ ipsecOverrides: policy });
    const problems = ipsecProblems(policy);
    if (problems.length && !opts.force) throw new PlanInputError({ ipsecOverrides: `weak IPsec policy refused (${problems.join('; ')}); use a preset, or pass --force` });
    if (problems.length) warnings.push(`forced weak IPsec policy: ${problems.join('; ')}`);
    policies = [policy];
  }
  const bgp = v.enableBgp === 'true';
  const weight = Number(v.routingWeight);
  const links = childrenOf(graph, siteId, RT.vpnSiteLink);
  const propagated = commaList(v.propagatedRouteTables);
  const labels = commaList(v.labels);
  const rc = routingConfiguration(v.associatedRouteTable || undefined, propagated, labels);
  const siteName = nodeOf(graph, siteId)?.name ?? 'site';
  const hubId = hubOfGateway(graph, gatewayId);
  return assemblePlan({
    kind: 'vpn-connection',
    title: `Create VPN connection ${v.name}: ${nodeOf(graph, gatewayId)?.name} → site ${siteName} (${links.length} link(s), ${v.ipsecPreset})`,
    targetId: id,
    confirmName: v.name!,
    patch: {
      name: v.name,
      properties: {
        remoteVpnSite: { id: siteId },
        enableInternetSecurity: v.enableInternetSecurity === 'true',
        ...(rc ? { routingConfiguration: rc } : {}),
        vpnLinkConnections: links.map((l) => ({
          name: `${siteName}-${l.name}`.slice(0, 80),
          properties: {
            vpnSiteLink: { id: l.id },
            sharedKey,
            vpnConnectionProtocolType: 'IKEv2',
            enableBgp: bgp,
            routingWeight: weight,
            ipsecPolicies: policies,
            usePolicyBasedTrafficSelectors: false,
            vpnLinkConnectionMode: 'Default',
            ...(v.dpdTimeoutSeconds ? { dpdTimeoutSeconds: Number(v.dpdTimeoutSeconds) } : {}),
          },
        })),
      },
    },
    required: [
      { scope: resourceGroupScope(gatewayId), action: 'Microsoft.Network/vpnGateways/vpnConnections/write' },
      { scope: resourceGroupScope(siteId), action: 'Microsoft.Network/vpnSites/read' },
      ...(hubId ? [{ scope: resourceGroupScope(hubId), action: 'Microsoft.Network/virtualHubs/hubRouteTables/read' }] : []),
    ],
    az: azVpnConnection({ id, siteId, bgp, associated: v.associatedRouteTable || undefined, propagated, labels, withKey: true }),
    neighbours: [gatewayId, siteId, ...(hubId ? [hubId] : [])],
    warnings,
    notes: generated ? [`a strong shared key (${GENERATED_KEY_LENGTH} letters and digits) is generated and shown once after apply: configure it on your device`] : [],
    ...(generated ? { revealOnce: true } : {}),
    values: { ...v, sharedKey: generated ? '' : v.sharedKey! },
  });
}
