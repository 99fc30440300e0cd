import { normalizeId, parentId, parseArmId } from '../arm/arm-id.js';
import { RT } from '../arm/resource-types.js';
import type { ArmResource } from '../inventory/types.js';
import type { NodeAttrs, TopologyGraph } from '../topology/types.js';

/** A resource as rules see it: a graph node, or a child embedded in a parent body that the graph did not split out. */
export interface Res extends NodeAttrs {
  key: string;
  /** True when this came from a parent's embedded array rather than its own node. */
  embedded?: boolean;
}

/** Child arrays ARM embeds in parent bodies (domain.md §9.4); rules see them whether or not the graph split them out. */
const EMBEDDED: Record<string, Array<{ path: string; type: string }>> = {
  [RT.circuit]: [
    { path: 'peerings', type: RT.peering },
    { path: 'authorizations', type: RT.authorization },
  ],
  [RT.peering]: [
    { path: 'connections', type: RT.circuitConnection },
    { path: 'peeredConnections', type: RT.peerConnection },
    { path: 'peerConnections', type: RT.peerConnection },
  ],
  [RT.erGateway]: [{ path: 'expressRouteConnections', type: RT.erConnection }],
  [RT.vpnGateway]: [{ path: 'connections', type: RT.vpnConnection }],
  [RT.vpnConnection]: [{ path: 'vpnLinkConnections', type: RT.vpnLinkConnection }],
  [RT.vpnSite]: [{ path: 'vpnSiteLinks', type: RT.vpnSiteLink }],
  [RT.vnet]: [{ path: 'subnets', type: RT.subnet }],
};

/** Read-only index over one graph: resources by type and by id, with embedded children merged in. */
export interface Model {
  graph: TopologyGraph;
  /** Non-stub resources of one canonical type. */
  ofType(type: string): Res[];
  /** Any resource (stub included) by id, case-insensitive. */
  get(id: string | undefined): Res | undefined;
  /** Children of a parent of the given type. */
  children(parentIdValue: string, type: string): Res[];
  /** Every non-stub resource. */
  all(): Res[];
}

const cache = new WeakMap<TopologyGraph, Model>();

/** Dotted-path read into a body (`properties.sku.name`); undefined when any step is missing. */
export function get(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** The `properties` bag of a resource (never undefined). */
export function props(r: { body: ArmResource }): Record<string, unknown> {
  return (r.body.properties ?? {}) as Record<string, unknown>;
}

/** A `{ id }` reference at `path` of the body, or undefined. */
export function refAt(r: { body: ArmResource }, path: string): string | undefined {
  const v = get(r.body, path);
  return typeof v === 'string' && v ? v : undefined;
}

/** Case-insensitive string equality for enum-ish ARM values. */
export function eqi(a: unknown, b: string): boolean {
  return typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
}

/** Subscription id in an ARM id, lower-cased, or ''. */
export function subOf(id: string): string {
  return (parseArmId(id).subscriptionId ?? '').toLowerCase();
}

/** Resource-group scope id of a resource (`/subscriptions/s/resourceGroups/rg`), original case. */
export function rgScope(id: string): string {
  const p = parseArmId(id);
  return p.resourceGroup ? `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroup}` : `/subscriptions/${p.subscriptionId}`;
}

function fromBody(body: ArmResource, type: string): Res {
  const p = parseArmId(body.id);
  return {
    id: body.id,
    key: normalizeId(body.id),
    type,
    name: body.name ?? p.name ?? '',
    subscriptionId: p.subscriptionId ?? '',
    resourceGroup: p.resourceGroup ?? '',
    location: body.location,
    status: '',
    body,
    embedded: true,
  };
}

/** Builds (once per graph) the index rules read through. */
export function model(graph: TopologyGraph): Model {
  const hit = cache.get(graph);
  if (hit) return hit;
  const byKey = new Map<string, Res>();
  graph.forEachNode((key, attrs) => byKey.set(key, { ...attrs, key }));
  const addEmbedded = (parent: Res) => {
    for (const spec of EMBEDDED[parent.type] ?? []) {
      const items = get(parent.body, `properties.${spec.path}`);
      if (!Array.isArray(items)) continue;
      for (const item of items) {
        if (!item || typeof item !== 'object' || typeof (item as ArmResource).id !== 'string') continue;
        const key = normalizeId((item as ArmResource).id);
        if (byKey.has(key)) continue;
        const child = fromBody(item as ArmResource, spec.type);
        byKey.set(key, child);
        addEmbedded(child);
      }
    }
  };
  for (const r of [...byKey.values()]) if (!r.stub) addEmbedded(r);
  const byType = new Map<string, Res[]>();
  for (const r of byKey.values()) {
    if (r.stub) continue;
    const list = byType.get(r.type) ?? [];
    list.push(r);
    byType.set(r.type, list);
  }
  const m: Model = {
    graph,
    ofType: (type) => byType.get(type) ?? [],
    get: (id) => (id ? byKey.get(normalizeId(id)) : undefined),
    children: (pid, type) => {
      const k = normalizeId(pid);
      return (byType.get(type) ?? []).filter((r) => normalizeId(parentId(r.id) ?? '') === k);
    },
    all: () => [...byKey.values()].filter((r) => !r.stub),
  };
  cache.set(graph, m);
  return m;
}

/**
 * Whether the caller could read `id`'s scope: false when it sits under a forbidden scope (graph attribute
 * `forbiddenScopes`, or a no-access stub in the same resource group); true when something there was read.
 */
export function scopeReadable(m: Model, id: string): boolean | 'unknown' {
  const rg = normalizeId(rgScope(id));
  const sub = `/subscriptions/${subOf(id)}`;
  const forbidden = m.graph.hasAttribute('forbiddenScopes') ? (m.graph.getAttribute('forbiddenScopes') as unknown) : undefined;
  if (Array.isArray(forbidden) && forbidden.some((s) => typeof s === 'string' && (rg === normalizeId(s) || rg.startsWith(`${normalizeId(s)}/`)))) return false;
  let seen = false;
  let blocked = false;
  m.graph.forEachNode((key, attrs) => {
    if (!key.startsWith(`${sub}/`)) return;
    if (attrs.stub === 'no-access' && (key.startsWith(`${rg}/`) || !attrs.resourceGroup)) blocked = true;
    if (!attrs.stub) seen = true;
  });
  if (blocked) return false;
  return seen ? true : 'unknown';
}
