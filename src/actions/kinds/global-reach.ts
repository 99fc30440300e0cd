import { normalizeId, parseArmId } from '../../arm/arm-id.js';
import { RT } from '../../arm/resource-types.js';
import type { TopologyGraph } from '../../topology/types.js';
import { azGlobalReach } from '../az.js';
import { validateAll, type Choice, type KindSpec } from '../fields.js';
import { bodyOf, childrenOf, nodeOf, peeringIdFor, peeringOf, props, resourceGroupScope } from '../graph-query.js';
import { assemblePlan, type ActionPlan } from '../plan.js';
import { validateIdOfType, validateNewName, validatePrefix125, validatePrefix29 } from '../validate.js';
import { authFields, authorizationChoices, circuitChoices, needsKey, peeringLocation, resolveKey } from './common.js';

const PRIVATE = 'AzurePrivatePeering';

function sku(graph: TopologyGraph, id: string): { tier: string; location: string } {
  const b = bodyOf(graph, id);
  return { tier: String((b?.sku as { tier?: string } | undefined)?.tier ?? ''), location: peeringLocation(b) };
}

/** Every prefix already in use on the circuits' private peerings and their Global Reach links (domain §5.8: no overlaps). */
export function prefixesInUse(graph: TopologyGraph, circuitIds: string[]): string[] {
  const out: string[] = [];
  for (const cid of circuitIds) {
    if (!cid) continue;
    for (const p of childrenOf(graph, cid, RT.peering)) {
      const pp = props(p);
      for (const k of ['primaryPeerAddressPrefix', 'secondaryPeerAddressPrefix']) if (typeof pp[k] === 'string') out.push(pp[k] as string);
      const v6 = pp.ipv6PeeringConfig as Record<string, unknown> | undefined;
      for (const k of ['primaryPeerAddressPrefix', 'secondaryPeerAddressPrefix']) if (typeof v6?.[k] === 'string') out.push(v6[k] as string);
      for (const type of [RT.circuitConnection, RT.peerConnection]) {
        for (const c of childrenOf(graph, p.id, type)) {
          const cp = props(c);
          if (typeof cp.addressPrefix === 'string') out.push(cp.addressPrefix);
          const c6 = (cp.ipv6CircuitConnectionConfig as { addressPrefix?: string } | undefined)?.addressPrefix;
          if (c6) out.push(c6);
        }
      }
    }
  }
  return [...new Set(out)];
}

function peerChoices(graph: TopologyGraph, values: Record<string, string>): Choice[] {
  const mine = values.circuit ? sku(graph, values.circuit) : undefined;
  const existing = new Set(
    childrenOf(graph, peeringIdFor(values.circuit ?? '', PRIVATE), RT.circuitConnection).map((c) =>
      normalizeId(String((props(c).peerExpressRouteCircuitPeering as { id?: string } | undefined)?.id ?? '').replace(/\/peerings\/[^/]+$/i, '')),
    ),
  );
  return circuitChoices(graph, nodeOf(graph, values.circuit)?.subscriptionId).map((c) => {
    if (!c.enabled) return c;
    if (values.circuit && normalizeId(c.value) === normalizeId(values.circuit)) return { ...c, enabled: false, reason: 'the same circuit' };
    if (existing.has(normalizeId(c.value))) return { ...c, enabled: false, reason: 'already connected by Global Reach' };
    const other = sku(graph, c.value);
    if (other.tier === 'Local') return { ...c, enabled: false, reason: 'Local SKU: Global Reach is not available' };
    if (mine?.location && other.location && mine.location === other.location) return { ...c, enabled: false, reason: `same peering location (${other.location}): Global Reach needs circuits in different locations` };
    return c;
  });
}

const circuitSub = (g: TopologyGraph, v: Record<string, string>) => nodeOf(g, v.circuit)?.subscriptionId;

/** Global Reach: circuit ↔ circuit over private peering (expressRouteCircuits/peerings/connections). */
export const globalReachKind: KindSpec = {
  kind: 'global-reach',
  title: 'Connect two circuits with Global Reach',
  fields: [
    { key: 'circuit', label: 'Circuit', input: 'select', required: true, help: 'a Provisioned circuit with private peering Enabled (not Local SKU)', validate: validateIdOfType([RT.circuit], 'circuit') },
    { key: 'peerCircuit', label: 'Peer circuit', input: 'select', required: true, help: 'another circuit in a different peering location', validate: validateIdOfType([RT.circuit], 'peer circuit') },
    { key: 'name', label: 'Connection name', input: 'text', required: true, help: "new name, unique on the circuit's private peering",
      validate: validateNewName((c) => (c.graph && c.values.circuit ? childrenOf(c.graph, peeringIdFor(c.values.circuit, PRIVATE), RT.circuitConnection).map((x) => x.name) : [])),
      default: (g, v) => (v.circuit && v.peerCircuit ? `gr-${nodeOf(g, v.circuit)?.name}-${nodeOf(g, v.peerCircuit)?.name ?? parseArmId(v.peerCircuit).name}`.slice(0, 80) : undefined) },
    { key: 'addressPrefix', label: 'IPv4 /29', input: 'text', required: true, help: 'an IPv4 /29 that overlaps no peering subnet, VNet or on-premises range', validate: validatePrefix29 },
    { key: 'ipv6Prefix', label: 'IPv6 /125 (optional)', input: 'text', required: false, help: 'an IPv6 /125, or empty for IPv4 only', validate: validatePrefix125 },
    ...authFields('peerCircuit', circuitSub),
  ],
  options(graph, values, field) {
    if (field === 'circuit') {
      return circuitChoices(graph).map((c) => (c.enabled && sku(graph, c.value).tier === 'Local' ? { ...c, enabled: false, reason: 'Local SKU: Global Reach is not available' } : c));
    }
    if (field === 'peerCircuit') return peerChoices(graph, values);
    if (field === 'authorization') return authorizationChoices(graph, values.peerCircuit ?? '');
    return [];
  },
  hints: (graph, values, field) => (field === 'addressPrefix' || field === 'ipv6Prefix' ? [`in use on these circuits: ${prefixesInUse(graph, [values.circuit ?? '', values.peerCircuit ?? '']).join(', ') || 'nothing'}`] : []),
  context: (graph, values) => ({ usedPrefixes: prefixesInUse(graph, [values.circuit ?? '', values.peerCircuit ?? '']) }),
  build(graph, values) {
    return buildGlobalReachPlan(graph, validateAll(globalReachKind, graph, values));
  },
};

/** Pure plan from validated values. */
export function buildGlobalReachPlan(graph: TopologyGraph, v: Record<string, string>): ActionPlan {
  const circuitId = nodeOf(graph, v.circuit)?.id ?? v.circuit!;
  const peerId = nodeOf(graph, v.peerCircuit)?.id ?? v.peerCircuit!;
  const peering = peeringOf(graph, circuitId, PRIVATE);
  const peeringId = peering?.id ?? peeringIdFor(circuitId, PRIVATE);
  const peerPeeringId = peeringOf(graph, peerId, PRIVATE)?.id ?? peeringIdFor(peerId, PRIVATE);
  const id = `${peeringId}/connections/${v.name}`;
  const cross = needsKey(peerId, circuitSub(graph, v));
  const key = cross ? resolveKey(graph, peerId, v) : {};
  const mine = sku(graph, circuitId);
  const theirs = sku(graph, peerId);
  const warnings: string[] = [];
  if ((mine.tier !== 'Premium' || theirs.tier !== 'Premium') && theirs.tier) {
    warnings.push('if the circuits are in different geopolitical regions both must be Premium (domain §5.8)');
  }
  return assemblePlan({
    kind: 'global-reach',
    title: `Create Global Reach ${v.name}: ${nodeOf(graph, circuitId)?.name} ↔ ${nodeOf(graph, peerId)?.name ?? parseArmId(peerId).name} (${v.addressPrefix})`,
    targetId: id,
    confirmName: v.name!,
    patch: {
      name: v.name,
      properties: {
        expressRouteCircuitPeering: { id: peeringId },
        peerExpressRouteCircuitPeering: { id: peerPeeringId },
        addressPrefix: v.addressPrefix,
        ...(v.ipv6Prefix ? { ipv6CircuitConnectionConfig: { addressPrefix: v.ipv6Prefix } } : {}),
        ...(cross ? { authorizationKey: key.key ?? '(key of the new authorization)' } : {}),
      },
    },
    required: [
      { scope: resourceGroupScope(circuitId), action: 'Microsoft.Network/expressRouteCircuits/peerings/connections/write' },
      ...(cross ? [] : [{ scope: resourceGroupScope(peerId), action: 'Microsoft.Network/expressRouteCircuits/join/action' }]),
    ],
    az: azGlobalReach({ id, peerCircuitId: peerId, prefix: v.addressPrefix!, withKey: cross }),
    neighbours: [circuitId, peeringId, peerId, peerPeeringId],
    warnings,
    ...(key.prerequisite ? { prerequisites: [key.prerequisite], keyFrom: key.keyFrom! } : {}),
    values: v,
  });
}
