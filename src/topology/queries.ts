import { normalizeId } from '../arm/arm-id.js';
import { canonicalType } from './edges.js';
import { emptyGraph } from './graph.js';
import type { EdgeAttrs, NodeAttrs, TopologyGraph } from './types.js';

/** One step of the UI's reference tree: how a node relates to its neighbour, and the neighbour itself. */
export interface Reference {
  relation: string;
  path: string;
  key: string;
  node: NodeAttrs;
}

/** Node attributes by any-case id, or undefined when the graph has no such node. */
export function nodeById(g: TopologyGraph, id: string): NodeAttrs | undefined {
  const key = normalizeId(id);
  return g.hasNode(key) ? g.getNodeAttributes(key) : undefined;
}

/** Keys of every node within `depth` hops of `id`, following edges in both directions (the node itself included). */
export function neighbourhood(g: TopologyGraph, id: string, depth: number): Set<string> {
  const start = normalizeId(id);
  const out = new Set<string>();
  if (!g.hasNode(start)) return out;
  out.add(start);
  let frontier = [start];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const key of frontier) {
      for (const n of g.neighbors(key)) {
        if (!out.has(n)) {
          out.add(n);
          next.push(n);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** A new graph holding only `keys` and the edges between them (attributes shared, not copied). */
export function subgraph(g: TopologyGraph, keys: Iterable<string>): TopologyGraph {
  const sub = emptyGraph();
  const set = new Set(keys);
  for (const k of set) if (g.hasNode(k)) sub.addNode(k, g.getNodeAttributes(k));
  g.forEachEdge((_e, attrs: EdgeAttrs, source, target) => {
    if (set.has(source) && set.has(target)) sub.addDirectedEdge(source, target, attrs);
  });
  return sub;
}

/** Nodes of one subscription (case-insensitive id), stubs included. */
export function bySubscription(g: TopologyGraph, subscriptionId: string): NodeAttrs[] {
  const sub = subscriptionId.toLowerCase();
  return g.filterNodes((_k, a) => a.subscriptionId.toLowerCase() === sub).map((k) => g.getNodeAttributes(k));
}

/** Nodes of one resource type (any spelling of the type), stubs included. */
export function byType(g: TopologyGraph, type: string): NodeAttrs[] {
  const t = canonicalType(type);
  return g.filterNodes((_k, a) => a.type === t).map((k) => g.getNodeAttributes(k));
}

/** What `id` points at: its outgoing edges (references and children). */
export function referencesOf(g: TopologyGraph, id: string): Reference[] {
  const key = normalizeId(id);
  if (!g.hasNode(key)) return [];
  return g.mapOutEdges(key, (_e, a, _s, target) => ({ relation: a.relation, path: a.path, key: target, node: g.getNodeAttributes(target) }));
}

/** What points at `id`: its incoming edges (referrers and parent). */
export function referencedBy(g: TopologyGraph, id: string): Reference[] {
  const key = normalizeId(id);
  if (!g.hasNode(key)) return [];
  return g.mapInEdges(key, (_e, a, source) => ({ relation: a.relation, path: a.path, key: source, node: g.getNodeAttributes(source) }));
}

/** Targets of `key`'s outgoing edges with one relation. */
export function outTargets(g: TopologyGraph, key: string, relation: string): string[] {
  if (!g.hasNode(key)) return [];
  return g.filterOutEdges(key, (_e, a) => a.relation === relation).map((e) => g.target(e));
}

/** Sources of `key`'s incoming edges with one relation. */
export function inSources(g: TopologyGraph, key: string, relation: string): string[] {
  if (!g.hasNode(key)) return [];
  return g.filterInEdges(key, (_e, a) => a.relation === relation).map((e) => g.source(e));
}
