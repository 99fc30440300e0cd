import { normalizeId, parseArmId } from '../arm/arm-id.js';
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

/**
 * Everything rules look resources up by, built in one pass over the graph so that no rule scans it per resource.
 * Ids are parsed once here; every list keeps the graph's node order (then embedded children), which rule output follows.
 */
export interface ModelIndex {
  byKey: Map<string, Res>;
  /** Non-stub resources per canonical type. */
  byType: Map<string, Res[]>;
  /** Non-stub resources per normalized parent id, then per type. */
  byParent: Map<string, Map<string, Res[]>>;
  /** Non-stub resources per lower-cased subscription id, then per type. */
  bySubscription: Map<string, Map<string, Res[]>>;
  /** Non-stub resources per normalized resource-group scope (`/subscriptions/s/resourcegroups/rg`). */
  byResourceGroup: Map<string, Res[]>;
  all: Res[];
}

const NO_TYPE = '';

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

/** Appends to a list in a two-level map (outer key, then type; NO_TYPE collects every type). */
function push2(map: Map<string, Map<string, Res[]>>, outer: string, r: Res): void {
  let inner = map.get(outer);
  if (!inner) map.set(outer, (inner = new Map()));
  for (const t of [r.type, NO_TYPE]) {
    const list = inner.get(t);
    if (list) list.push(r);
    else inner.set(t, [r]);
  }
}

/** Reads a list out of a two-level index; `type` undefined means every type. */
export function lookup2(map: Map<string, Map<string, Res[]>>, outer: string, type?: string): Res[] {
  return map.get(outer)?.get(type ?? NO_TYPE) ?? [];
}

/** Builds the index: graph nodes, then the children embedded in their bodies that the graph did not split out. */
export function buildIndex(graph: TopologyGraph): ModelIndex {
  const byKey = new Map<string, Res>();
  graph.forEachNode((key, attrs) => byKey.set(key, { ...attrs, key }));
  const addEmbedded = (parent: Res) => {
    for (const spec of EMBEDDED[parent.type] ?? []) {
      const bag = parent.body?.properties as unknown;
      const items = bag && typeof bag === 'object' ? (bag as Record<string, unknown>)[spec.path] : undefined;
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
  const index: ModelIndex = { byKey, byType: new Map(), byParent: new Map(), bySubscription: new Map(), byResourceGroup: new Map(), all: [] };
  for (const r of byKey.values()) {
    if (r.stub) continue;
    index.all.push(r);
    const list = index.byType.get(r.type);
    if (list) list.push(r);
    else index.byType.set(r.type, [r]);
    const p = parseArmId(r.id);
    // parentId() without parsing the id a second time: one type segment up when there is a parent.
    push2(index.byParent, p.names.length < 2 ? '' : normalizeId(r.id.replace(/\/+$/, '').split('/').slice(0, -2).join('/')), r);
    const sub = (p.subscriptionId ?? '').toLowerCase();
    push2(index.bySubscription, sub, r);
    if (p.resourceGroup) {
      const rg = `/subscriptions/${sub}/resourcegroups/${p.resourceGroup.toLowerCase()}`;
      const rgList = index.byResourceGroup.get(rg);
      if (rgList) rgList.push(r);
      else index.byResourceGroup.set(rg, [r]);
    }
  }
  return index;
}

/** What `scopeReadable` needs, gathered in one pass over the graph's node keys. */
export interface ScopeFacts {
  /** Normalized forbidden scopes (graph attribute `forbiddenScopes`). */
  forbidden: string[];
  /** Subscriptions (lower-cased) holding at least one non-stub node. */
  seen: Set<string>;
  /** Subscriptions holding a no-access stub anywhere / one with no resource group. */
  noAccessInSub: Set<string>;
  noAccessWithoutRg: Set<string>;
  /** Resource-group scopes (`/subscriptions/s/resourcegroups/rg`) with a no-access stub below them. */
  noAccessRg: Set<string>;
}

const SUB_KEY = /^\/subscriptions\/([^/]+)\//;

/** Collects the facts behind `scopeReadable`: which subscriptions were read and where no-access stubs sit. */
export function scopeFacts(graph: TopologyGraph): ScopeFacts {
  const raw = graph.hasAttribute('forbiddenScopes') ? (graph.getAttribute('forbiddenScopes') as unknown) : undefined;
  const facts: ScopeFacts = {
    forbidden: Array.isArray(raw) ? raw.filter((s): s is string => typeof s === 'string').map(normalizeId) : [],
    seen: new Set(),
    noAccessInSub: new Set(),
    noAccessWithoutRg: new Set(),
    noAccessRg: new Set(),
  };
  graph.forEachNode((key, attrs) => {
    const sub = SUB_KEY.exec(key)?.[1];
    if (sub === undefined) return;
    if (!attrs.stub) facts.seen.add(sub);
    if (attrs.stub !== 'no-access') return;
    facts.noAccessInSub.add(sub);
    if (!attrs.resourceGroup) facts.noAccessWithoutRg.add(sub);
    const parts = key.split('/');
    // `/subscriptions/s/resourcegroups/rg/…`: the stub lies below that resource group's scope.
    if (parts.length > 5 && parts[3] === 'resourcegroups') facts.noAccessRg.add(parts.slice(0, 5).join('/'));
  });
  return facts;
}
