import { MultiDirectedGraph } from 'graphology';
import { normalizeId, parentId, parseArmId } from '../arm/arm-id.js';
import type { Inventory } from '../inventory/types.js';
import { CONTAINS, EDGE_RULES, PARENT_PATH, referencesOfBody, rulesByType } from './edges.js';
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
 * edge-table reference, a `contains` edge from every parent to its children, and a stub node for every id referenced
 * but not read, so no edge is ever dropped.
 */
export function buildGraph(inv: Inventory, rules: readonly EdgeRule[] = EDGE_RULES): TopologyGraph {
  const g = emptyGraph();
  for (const body of inv.resources) {
    const key = normalizeId(body.id);
    if (!g.hasNode(key)) g.addNode(key, nodeFromBody(body));
  }
  const classify = stubClassifier(inv);
  const ensure = (id: string, fallbackType: string): string => {
    const key = normalizeId(id);
    if (!g.hasNode(key)) g.addNode(key, stubNode(id, classify(id), fallbackType));
    return key;
  };
  const seen = new Set<string>();
  const link = (source: string, target: string, attrs: EdgeAttrs): void => {
    const k = `${source}\n${target}\n${attrs.relation}\n${attrs.path}`;
    if (seen.has(k)) return;
    seen.add(k);
    g.addDirectedEdge(source, target, attrs);
  };

  const byType = rulesByType(rules);
  for (const key of [...g.nodes()]) {
    const attrs = g.getNodeAttributes(key);
    for (const [rule, ref] of referencesOfBody(attrs.body, attrs.type, byType)) {
      link(key, ensure(ref, rule.to), { relation: rule.relation, path: rule.path });
    }
  }
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
