import { normalizeId, parseArmId } from '../arm/arm-id.js';
import { RT } from '../arm/resource-types.js';
import type { ArmResource } from '../inventory/types.js';
import type { NodeAttrs, TopologyGraph } from '../topology/types.js';

/** Where a parent body embeds its children (ARM returns some children inline as well as from their own list). */
const EMBEDDED: Record<string, string[]> = {
  [RT.peering]: ['peerings'],
  [RT.authorization]: ['authorizations'],
  [RT.circuitConnection]: ['connections'],
  // The spec names it peeredConnections; some bodies (and the emulator) use peerConnections.
  [RT.peerConnection]: ['peeredConnections', 'peerConnections'],
  [RT.vpnSiteLink]: ['vpnSiteLinks'],
  [RT.vpnConnection]: ['connections'],
  [RT.vpnLinkConnection]: ['vpnLinkConnections'],
  [RT.erConnection]: ['expressRouteConnections'],
};

/** Children a parent body embeds inline under any of the known property names for that child type. */
export function embeddedChildren(parent: ArmResource | undefined, childType: string): ArmResource[] {
  const out: ArmResource[] = [];
  for (const path of EMBEDDED[childType] ?? []) {
    const inline = props(parent)[path];
    if (Array.isArray(inline)) out.push(...(inline as ArmResource[]).filter((c) => c && typeof c.id === 'string'));
  }
  return out;
}

/** Properties of a raw body as a plain record (never undefined), so callers read fields without null checks. */
export function props(body: ArmResource | undefined): Record<string, unknown> {
  return ((body?.properties ?? {}) as Record<string, unknown>) || {};
}

/** The node for an id (any case), or undefined when the graph does not hold it. */
export function nodeOf(graph: TopologyGraph, id: string | undefined): NodeAttrs | undefined {
  if (!id) return undefined;
  const key = normalizeId(id);
  return graph.hasNode(key) ? graph.getNodeAttributes(key) : undefined;
}

/** The raw body for an id when it was read (stubs have no real body). */
export function bodyOf(graph: TopologyGraph, id: string | undefined): ArmResource | undefined {
  const n = nodeOf(graph, id);
  return n && !n.stub ? n.body : undefined;
}

/** Every readable node of one canonical type, sorted by name for stable option lists. */
export function nodesOfType(graph: TopologyGraph, type: string): NodeAttrs[] {
  const out: NodeAttrs[] = [];
  graph.forEachNode((_k, a) => {
    if (a.type === type && !a.stub) out.push(a);
  });
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Children of a parent: graph nodes under the parent's id plus bodies the parent embeds inline, de-duplicated by id. */
export function childrenOf(graph: TopologyGraph, parentId: string, childType: string): ArmResource[] {
  const prefix = normalizeId(parentId) + '/';
  const byId = new Map<string, ArmResource>();
  graph.forEachNode((key, a) => {
    if (a.type === childType && !a.stub && key.startsWith(prefix) && key.slice(prefix.length).split('/').length === 2) {
      byId.set(key, a.body);
    }
  });
  for (const c of embeddedChildren(bodyOf(graph, parentId), childType)) {
    if (!byId.has(normalizeId(c.id))) byId.set(normalizeId(c.id), c);
  }
  return [...byId.values()];
}

/** A circuit's peering of one type (AzurePrivatePeering or MicrosoftPeering), by peeringType or by name. */
export function peeringOf(graph: TopologyGraph, circuitId: string, peeringType: string): ArmResource | undefined {
  return childrenOf(graph, circuitId, RT.peering).find(
    (p) => String(props(p).peeringType ?? p.name).toLowerCase() === peeringType.toLowerCase(),
  );
}

/** The id of a peering under a circuit, spelled the way ARM spells it. */
export function peeringIdFor(circuitId: string, peeringName: string): string {
  return `${circuitId.replace(/\/+$/, '')}/peerings/${peeringName}`;
}

/** Subscription id of an ARM id, lower-cased, for same/cross-subscription decisions. */
export function subscriptionOf(id: string): string {
  return (parseArmId(id).subscriptionId ?? '').toLowerCase();
}

/** Resource group id (/subscriptions/x/resourceGroups/y) an ARM id lives in. */
export function resourceGroupScope(id: string): string {
  const p = parseArmId(id);
  return `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroup}`;
}

/** Raw bodies of VNet gateway connections whose peer is the given circuit. */
export function connectionsToCircuit(graph: TopologyGraph, circuitId: string): ArmResource[] {
  const want = normalizeId(circuitId);
  return nodesOfType(graph, RT.connection)
    .map((n) => n.body)
    .filter((b) => normalizeId(String((props(b).peer as { id?: string } | undefined)?.id ?? '')) === want);
}

/** Raw bodies of VNet gateway connections that use the given gateway. */
export function connectionsOfGateway(graph: TopologyGraph, gatewayId: string): ArmResource[] {
  const want = normalizeId(gatewayId);
  return nodesOfType(graph, RT.connection)
    .map((n) => n.body)
    .filter((b) => normalizeId(String((props(b).virtualNetworkGateway1 as { id?: string } | undefined)?.id ?? '')) === want);
}

/** Reads a `{ id }` reference property as a string ('' when absent). */
export function refId(value: unknown): string {
  return value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : '';
}
