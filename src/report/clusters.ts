import { normalizeId, parentId, parseArmId } from '../arm/arm-id.js';
import { RT } from '../arm/resource-types.js';
import type { TopologyGraph } from '../topology/types.js';

/** Where a node sits in the diagram: always a subscription, optionally a hub or a peering-location group inside it. */
export interface ClusterPath {
  /** Subscription cluster key, `sub:<id lower-cased>`. */
  subscription: string;
  subscriptionId: string;
  /** Group cluster key inside the subscription (`…|hub:<hub key>` or `…|loc:<location>`), when the node belongs to one. */
  group?: string;
  groupLabel?: string;
}

const CIRCUIT_CHILDREN = new Set<string>([RT.peering, RT.authorization, RT.circuitConnection, RT.peerConnection]);

function bodyProps(graph: TopologyGraph, key: string): Record<string, unknown> | undefined {
  return graph.hasNode(key) ? graph.getNodeAttribute(key, 'body')?.properties : undefined;
}

function refId(value: unknown): string | undefined {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? normalizeId(id) : undefined;
}

/** The hub or peering-location group a node belongs to, found by walking up parents; hubs own their gateways, circuits own their peerings. */
function groupOf(graph: TopologyGraph, key: string, depth = 0): { key: string; label: string } | undefined {
  if (depth > 6) return undefined;
  const type = graph.hasNode(key) ? graph.getNodeAttribute(key, 'type') : parseArmId(key).type ?? '';
  if (type === RT.hub) return { key: `hub:${key}`, label: `Hub ${parseArmId(key).name ?? key}` };
  if (type === RT.erGateway || type === RT.vpnGateway) {
    const hub = refId(bodyProps(graph, key)?.virtualHub);
    return hub ? { key: `hub:${hub}`, label: `Hub ${parseArmId(hub).name ?? hub}` } : undefined;
  }
  if (type === RT.circuit) {
    const spp = bodyProps(graph, key)?.serviceProviderProperties as Record<string, unknown> | undefined;
    const loc = typeof spp?.peeringLocation === 'string' && spp.peeringLocation !== '' ? spp.peeringLocation : undefined;
    return loc ? { key: `loc:${loc.toLowerCase()}`, label: `Peering location ${loc}` } : undefined;
  }
  if (type === RT.hubRouteTable || type === RT.erConnection || type === RT.vpnConnection || type === RT.vpnLinkConnection || CIRCUIT_CHILDREN.has(type)) {
    const parent = parentId(key);
    return parent ? groupOf(graph, normalizeId(parent), depth + 1) : undefined;
  }
  return undefined;
}

/** Cluster placement of one node; stubs land in their own subscription by id even when the body is minimal. */
export function clusterOf(graph: TopologyGraph, key: string): ClusterPath {
  const attrs = graph.getNodeAttributes(key);
  const subscriptionId = (attrs.subscriptionId || parseArmId(key).subscriptionId || 'unknown').toLowerCase();
  const subscription = `sub:${subscriptionId}`;
  const group = groupOf(graph, key);
  return group ? { subscription, subscriptionId, group: `${subscription}|${group.key}`, groupLabel: group.label } : { subscription, subscriptionId };
}
