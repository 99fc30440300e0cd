import { RT } from '../../arm/resource-types.js';
import type { ArmResource } from '../../inventory/types.js';
import type { TopologyGraph } from '../../topology/types.js';
import { azPeering } from '../az.js';
import { isNetworkAddress, nthAddress, overlaps, parse as parseCidr } from '../../checks/cidr.js';
import { PlanInputError, validateAll, type Choice, type KindSpec } from '../fields.js';
import { bodyOf, childrenOf, nodeOf, nodesOfType, peeringIdFor, peeringOf, props, resourceGroupScope } from '../graph-query.js';
import { assemblePlan, type ActionPlan } from '../plan.js';
import { validateAsn, validateIdOfType, validateMd5, validateOneOf, validatePrefix30, validateVlan } from '../validate.js';

/** Peering types erscope creates (AzurePublicPeering is deprecated, domain §5.1). */
export const PEERING_TYPES = ['AzurePrivatePeering', 'MicrosoftPeering'] as const;
const REGISTRIES = ['ARIN', 'APNIC', 'AFRINIC', 'LACNIC', 'RIPENCC', 'RADB', 'ALTDB', 'LEVEL3'];

/** The two BGP addresses of a /30: on-premises router = first usable, Microsoft (MSEE) = second (domain §5.4). */
export function peerIps(prefix: string): { onPrem: string; azure: string } | undefined {
  const c = parseCidr(prefix);
  if (!c || c.kind !== 'ipv4' || c.bits !== 30) return undefined;
  return { onPrem: nthAddress(c, 1)!, azure: nthAddress(c, 2)! };
}

function otherPeerings(graph: TopologyGraph, circuitId: string | undefined, type: string | undefined): ArmResource[] {
  if (!circuitId) return [];
  return childrenOf(graph, circuitId, RT.peering).filter((p) => String(props(p).peeringType ?? p.name) !== type);
}

function circuitOptions(graph: TopologyGraph): Choice[] {
  return nodesOfType(graph, RT.circuit).map((n) => {
    const provider = String(props(n.body).serviceProviderProvisioningState ?? '');
    const ok = !provider || provider === 'Provisioned';
    return { value: n.id, label: n.name, enabled: ok, detail: provider, ...(ok ? {} : { reason: `provider state ${provider}: peering needs Provisioned` }) };
  });
}

const existing = (g: TopologyGraph, v: Record<string, string>) => (v.circuit && v.peeringType ? peeringOf(g, v.circuit, v.peeringType) : undefined);
const isMs = (_g: TopologyGraph, v: Record<string, string>) => v.peeringType === 'MicrosoftPeering';
const fromExisting = (key: string) => (g: TopologyGraph, v: Record<string, string>) => {
  const val = props(existing(g, v))[key];
  return val === undefined || val === null ? undefined : String(val);
};

/** Private or Microsoft peering on a circuit: creates it, or updates it when it already exists. */
export const peeringKind: KindSpec = {
  kind: 'peering',
  title: 'Configure a circuit peering (private or Microsoft)',
  fields: [
    { key: 'circuit', label: 'Circuit', input: 'select', required: true, help: 'a provider-Provisioned circuit', validate: validateIdOfType([RT.circuit], 'circuit') },
    { key: 'peeringType', label: 'Peering type', input: 'select', required: true, help: PEERING_TYPES.join(' or '), validate: validateOneOf(PEERING_TYPES, 'peering type'), default: () => 'AzurePrivatePeering' },
    { key: 'peerASN', label: 'Peer ASN', input: 'number', required: true, help: 'your BGP ASN', validate: validateAsn, default: fromExisting('peerASN') },
    { key: 'vlanId', label: 'VLAN', input: 'number', required: true, help: "1–4094, not used by the circuit's other peerings", validate: validateVlan, default: fromExisting('vlanId') },
    { key: 'primaryPeerAddressPrefix', label: 'Primary /30', input: 'text', required: true, help: 'IPv4 /30 for the primary link (on-prem = first usable IP, Azure = second)', validate: validatePrefix30, default: fromExisting('primaryPeerAddressPrefix') },
    { key: 'secondaryPeerAddressPrefix', label: 'Secondary /30', input: 'text', required: true, help: 'IPv4 /30 for the secondary link, different from the primary', validate: validatePrefix30, default: fromExisting('secondaryPeerAddressPrefix') },
    { key: 'sharedKey', label: 'MD5 key (optional)', input: 'secret', required: false, help: 'at most 25 letters or digits; must match your router', validate: validateMd5 },
    { key: 'state', label: 'State', input: 'select', required: true, help: 'Enabled or Disabled', validate: validateOneOf(['Enabled', 'Disabled'], 'state'), default: () => 'Enabled' },
    { key: 'advertisedPublicPrefixes', label: 'Advertised public prefixes', input: 'text', required: true, help: 'comma list of public prefixes you own (Microsoft peering)', when: isMs,
      validate: (v) => (v.split(',').every((p) => { const c = parseCidr(p); return c && isNetworkAddress(c); }) ? undefined : 'advertised prefixes: comma list of public CIDR blocks such as 203.0.113.0/24') },
    { key: 'customerASN', label: 'Customer ASN (optional)', input: 'number', required: false, help: 'ASN the prefixes originate from, if not the peer ASN', when: isMs, validate: validateAsn },
    { key: 'routingRegistryName', label: 'Routing registry', input: 'select', required: true, help: REGISTRIES.join(', '), when: isMs, validate: validateOneOf(REGISTRIES, 'routing registry'), default: () => 'ARIN' },
    { key: 'routeFilter', label: 'Route filter', input: 'select', required: false, help: 'route filter with the BGP communities to receive (needed for any routes on Microsoft peering)', when: isMs,
      validate: validateIdOfType([RT.routeFilter], 'route filter') },
  ],
  options(graph, values, field) {
    if (field === 'circuit') return circuitOptions(graph);
    if (field === 'peeringType') {
      return PEERING_TYPES.map((t) => ({ value: t, label: t, enabled: true, ...(values.circuit && peeringOf(graph, values.circuit, t) ? { detail: 'exists: this updates it' } : {}) }));
    }
    if (field === 'state') return ['Enabled', 'Disabled'].map((s) => ({ value: s, label: s, enabled: true }));
    if (field === 'routingRegistryName') return REGISTRIES.map((s) => ({ value: s, label: s, enabled: true }));
    if (field === 'routeFilter') return nodesOfType(graph, RT.routeFilter).map((n) => ({ value: n.id, label: n.name, enabled: true, detail: n.location ?? '' }));
    return [];
  },
  hints(graph, values, field) {
    if (field === 'primaryPeerAddressPrefix' || field === 'secondaryPeerAddressPrefix') {
      const ips = peerIps(values[field] ?? '');
      return ips ? [`your router ${ips.onPrem}, Microsoft ${ips.azure}`] : [];
    }
    if (field === 'vlanId') {
      const used = otherPeerings(graph, values.circuit, values.peeringType).map((p) => `${p.name}: VLAN ${String(props(p).vlanId)}`);
      return used;
    }
    return [];
  },
  context(graph, values) {
    const others = otherPeerings(graph, values.circuit, values.peeringType);
    const usedPrefixes = others.flatMap((p) => [props(p).primaryPeerAddressPrefix, props(p).secondaryPeerAddressPrefix]).filter((x): x is string => typeof x === 'string');
    const usedVlans = others.map((p) => Number(props(p).vlanId)).filter((n) => Number.isInteger(n) && n > 0);
    return { usedPrefixes, usedVlans, ...(values.peeringType ? { peeringType: values.peeringType } : {}) };
  },
  build(graph, values) {
    const v = validateAll(peeringKind, graph, values);
    const a = parseCidr(v.primaryPeerAddressPrefix!);
    const b = parseCidr(v.secondaryPeerAddressPrefix!);
    if (a && b && overlaps(a, b)) throw new PlanInputError({ secondaryPeerAddressPrefix: `${b.text} overlaps the primary ${a.text}; use a different /30` });
    return buildPeeringPlan(graph, v);
  },
};

/** Pure plan from validated values: a create, or an update of the existing peering with If-Match. */
export function buildPeeringPlan(graph: TopologyGraph, v: Record<string, string>): ActionPlan {
  const circuitId = nodeOf(graph, v.circuit)?.id ?? v.circuit!;
  const type = v.peeringType!;
  const base = existing(graph, v);
  const id = base?.id ?? peeringIdFor(circuitId, type);
  const ms = type === 'MicrosoftPeering';
  const notes = [v.primaryPeerAddressPrefix!, v.secondaryPeerAddressPrefix!].map((p, i) => {
    const ips = peerIps(p)!;
    return `${i ? 'secondary' : 'primary'} ${p}: your router ${ips.onPrem}, Microsoft ${ips.azure}`;
  });
  const warnings: string[] = [];
  if (ms && !v.routeFilter) warnings.push('no route filter: Microsoft peering advertises no prefixes until one is attached');
  const properties: Record<string, unknown> = {
    peeringType: type,
    peerASN: Number(v.peerASN),
    vlanId: Number(v.vlanId),
    primaryPeerAddressPrefix: v.primaryPeerAddressPrefix,
    secondaryPeerAddressPrefix: v.secondaryPeerAddressPrefix,
    state: v.state,
    ...(v.sharedKey ? { sharedKey: v.sharedKey } : {}),
    ...(ms ? { microsoftPeeringConfig: { advertisedPublicPrefixes: v.advertisedPublicPrefixes!.split(',').map((s) => s.trim()), ...(v.customerASN ? { customerASN: Number(v.customerASN) } : {}), routingRegistryName: v.routingRegistryName } } : {}),
    ...(ms && v.routeFilter ? { routeFilter: { id: v.routeFilter } } : {}),
  };
  return assemblePlan({
    kind: 'peering',
    title: `${base ? 'Update' : 'Create'} ${type} on circuit ${nodeOf(graph, circuitId)?.name} (ASN ${v.peerASN}, VLAN ${v.vlanId})`,
    targetId: id,
    confirmName: type,
    ...(base ? { base } : {}),
    patch: base ? { properties } : { name: type, properties },
    required: [
      { scope: resourceGroupScope(circuitId), action: 'Microsoft.Network/expressRouteCircuits/peerings/write' },
      ...(ms && v.routeFilter ? [{ scope: resourceGroupScope(v.routeFilter), action: 'Microsoft.Network/routeFilters/join/action' }] : []),
    ],
    az: azPeering({ id, create: !base, peeringType: type, asn: v.peerASN!, vlan: v.vlanId!, primary: v.primaryPeerAddressPrefix!, secondary: v.secondaryPeerAddressPrefix!, md5: !!v.sharedKey, ...(v.routeFilter ? { routeFilter: v.routeFilter } : {}), state: v.state! }),
    neighbours: [circuitId],
    warnings,
    notes,
    values: v,
  });
}

/** The peering a circuit body embeds or the graph holds, for callers that only know the circuit. */
export function currentPeering(graph: TopologyGraph, circuitId: string, type: string): ArmResource | undefined {
  return peeringOf(graph, circuitId, type) ?? (bodyOf(graph, peeringIdFor(circuitId, type)) as ArmResource | undefined);
}
