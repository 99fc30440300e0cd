import { normalizeId, parseArmId } from '../arm/arm-id.js';
import { RT } from '../arm/resource-types.js';
import type { ArmResource } from '../inventory/types.js';
import type { NodeAttrs, TopologyGraph } from '../topology/types.js';

/** Where a parent body embeds its children (ARM returns some children inline as well as from their own list). */
const EMBEDDED: Record<string, { parent: string; path: string }> = {
  [RT.peering]: { parent: RT.circuit, path: 'peerings' },
  [RT.authorization]: { parent: RT.circuit, path: 'authorizations' },
  [RT.circuitConnection]: { parent: RT.peering, path: 'connections' },
  [RT.peerConnection]: { parent: RT.peering, path: 'peeredConnections' },
  [RT.vpnSiteLink]: { parent: RT.vpnSite, path: 'vpnSiteLinks' },
  [RT.vpnConnection]: { parent: RT.vpnGateway, path: 'connections' },
  [RT.erConnection]: { parent: RT.erGateway, path: 'expressRouteConnections' },
};

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
  const emb = EMBEDDED[childType];
  const parent = bodyOf(graph, parentId);
  const inline = emb ? props(parent)[emb.path] : undefined;
  if (Array.isArray(inline)) {
    for (const c of inline as ArmResource[]) {
      if (c && typeof c.id === 'string' && !byId.has(normalizeId(c.id))) byId.set(normalizeId(c.id), c);
    }
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
