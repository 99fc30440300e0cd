import { normalizeId, parseArmId } from '../arm/arm-id.js';
import { buildIndex, lookup2, scopeFacts, type Res, type ScopeFacts } from './model-index.js';
import type { ArmResource } from '../inventory/types.js';
import type { TopologyGraph } from '../topology/types.js';

export type { Res } from './model-index.js';

/** Read-only index over one graph: resources by type, id, parent and scope, with embedded children merged in. */
export interface Model {
  graph: TopologyGraph;
  /** Non-stub resources of one canonical type. */
  ofType(type: string): Res[];
  /** Any resource (stub included) by id, case-insensitive. */
  get(id: string | undefined): Res | undefined;
  /** Children of a parent of the given type (non-stub), from the parent index. */
  children(parentIdValue: string, type: string): Res[];
  /** Non-stub resources of one subscription (id compared case-insensitively), optionally of one type. */
  bySubscription(subscriptionId: string, type?: string): Res[];
  /** Non-stub resources of one resource group, given its scope id (`/subscriptions/s/resourceGroups/rg`) or any id inside it. */
  inResourceGroup(scopeOrId: string): Res[];
  /** Every non-stub resource (one shared list: do not mutate). */
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

/** Builds (once per graph) the index rules read through; every lookup is a map access, never a scan. */
export function model(graph: TopologyGraph): Model {
  const hit = cache.get(graph);
  if (hit) return hit;
  const ix = buildIndex(graph);
  const m: Model = {
    graph,
    ofType: (type) => ix.byType.get(type) ?? [],
    get: (id) => (id ? ix.byKey.get(normalizeId(id)) : undefined),
    children: (pid, type) => lookup2(ix.byParent, normalizeId(pid), type),
    bySubscription: (sub, type) => lookup2(ix.bySubscription, sub.trim().toLowerCase(), type),
    inResourceGroup: (scopeOrId) => ix.byResourceGroup.get(normalizeId(rgScope(scopeOrId))) ?? [],
    all: () => ix.all,
  };
  cache.set(graph, m);
  return m;
}

const scopeCache = new WeakMap<TopologyGraph, ScopeFacts>();

/**
 * Whether the caller could read `id`'s scope: false when it sits under a forbidden scope (graph attribute
 * `forbiddenScopes`, or a no-access stub in the same resource group); true when something there was read.
 */
export function scopeReadable(m: Model, id: string): boolean | 'unknown' {
  let facts = scopeCache.get(m.graph);
  if (!facts) scopeCache.set(m.graph, (facts = scopeFacts(m.graph)));
  const rg = normalizeId(rgScope(id));
  const sub = subOf(id);
  if (facts.forbidden.some((s) => rg === s || rg.startsWith(`${s}/`))) return false;
  const rgIsSub = !parseArmId(id).resourceGroup;
  if (facts.noAccessWithoutRg.has(sub) || (rgIsSub ? facts.noAccessInSub.has(sub) : facts.noAccessRg.has(rg))) return false;
  return facts.seen.has(sub) ? true : 'unknown';
}
