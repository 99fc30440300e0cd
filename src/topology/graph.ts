import { MultiDirectedGraph } from 'graphology';
import { normalizeId, parentId, parseArmId } from '../arm/arm-id.js';
import type { Inventory } from '../inventory/types.js';
import { CONTAINS, EDGE_RULES, PARENT_PATH, rulesByType } from './edges.js';
import { referencesOfBody, resolveReference, type BodyReference } from './references.js';
import { nodeFromBody, stubNode } from './node-attrs.js';
import type { EdgeAttrs, EdgeRule, NodeAttrs, StubKind, TopologyGraph } from './types.js';

/** A fresh empty topology graph (multi, directed, no self loops needed but allowed). */
export function emptyGraph(): TopologyGraph {
  return new MultiDirectedGraph<NodeAttrs, EdgeAttrs>({ allowSelfLoops: true });
}

/** Decides whether an unread id is `missing` (its scope was read fine) or `no-access` (forbidden or out of scope). */
export function stubClassifier(inv: Pick<Inventory, 'subscriptions' | 'forbiddenScopes'>): (id: string) => StubKind {
  const inScope = new Set(inv.subscriptions.map((s) => s.subscriptionId.toLowerCase()));
  const forbidden = new Set(inv.forbiddenScopes.map((s) => normalizeId(s)));
  return (id) => {
    const p = parseArmId(id);
    const sub = p.subscriptionId?.toLowerCase();
    if (!sub || !inScope.has(sub)) return 'no-access';
    if (forbidden.has(`/subscriptions/${sub}`)) return 'no-access';
    if (p.resourceGroup && forbidden.has(`/subscriptions/${sub}/resourcegroups/${p.resourceGroup.toLowerCase()}`)) return 'no-access';
    return 'missing';
  };
}

/**
 * Builds the topology graph: one node per resource (key = lower-cased id, first body wins on duplicates), one edge per
 * reference in every body (edge-table rows first, then every other ARM id string as "references"), a `contains` edge
 * from every parent to its children, and a stub node for every id referenced but not read, so no edge is ever dropped.
 */
export function buildGraph(inv: Inventory, rules: readonly EdgeRule[] = EDGE_RULES): TopologyGraph {
  const g = emptyGraph();
  for (const body of inv.resources) {
    const key = normalizeId(body.id);
    if (!g.hasNode(key)) g.addNode(key, nodeFromBody(body));
  }
  const classify = stubClassifier(inv);
  const seen = new Set<string>();
  const link = (source: string, target: string, attrs: EdgeAttrs): void => {
    const k = `${source}\n${target}\n${attrs.relation}\n${attrs.path}\n${attrs.ref ?? ''}`;
    if (seen.has(k)) return;
    seen.add(k);
    g.addDirectedEdge(source, target, attrs);
  };

  const byType = rulesByType(rules);
  const isNode = (key: string): boolean => g.hasNode(key);
  const add = (key: string, r: BodyReference): void => {
    const t = resolveReference(r, key, isNode);
    if (!t) return;
    const tkey = normalizeId(t.id);
    if (!g.hasNode(tkey)) g.addNode(tkey, stubNode(t.id, t.fullyRead ? classify(t.id) : 'unread', t.fallbackType));
    link(key, tkey, { relation: r.relation, path: r.path, ...(tkey !== normalizeId(r.ref) ? { ref: r.ref } : {}) });
  };
  // Edge-table references first over every node, so a stub that a row and the walker both name is typed by the row.
  const generic: Array<[string, BodyReference]> = [];
  for (const key of [...g.nodes()]) {
    const attrs = g.getNodeAttributes(key);
    for (const r of referencesOfBody(attrs.body, attrs.type, byType)) {
      if (r.rule) add(key, r);
      else generic.push([key, r]);
    }
  }
  for (const [key, r] of generic) add(key, r);
  // Parent edges last, over real and stub nodes alike, so a stub peering still hangs under its (stub) circuit.
  const queue = [...g.nodes()];
  while (queue.length > 0) {
    const key = queue.pop()!;
    const child = g.getNodeAttributes(key);
    const pid = parentId(child.id);
    if (!pid) continue;
    const pkey = normalizeId(pid);
    if (!g.hasNode(pkey)) {
      g.addNode(pkey, stubNode(pid, child.stub ?? classify(pid), parseArmId(pid).type ?? 'unknown'));
      queue.push(pkey);
    }
    link(pkey, key, { relation: CONTAINS, path: PARENT_PATH });
  }
  return g;
}

