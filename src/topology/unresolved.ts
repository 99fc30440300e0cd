import { normalizeId } from '../arm/arm-id.js';
import type { Inventory } from '../inventory/types.js';
import { EDGE_RULES, referencesOfBody, rulesByType } from './edges.js';
import { stubClassifier } from './graph.js';
import { typeOfBody } from './node-attrs.js';
import type { EdgeRule } from './types.js';

/**
 * The ids the edge table references that the inventory does not hold and that would become `missing` stubs — the
 * same answer as building the graph and listing its missing stubs, without building it (the Resource Graph reader
 * asks this of 10,000 resources before every load, then probes the few it returns).
 */
export function unresolvedReferences(inv: Inventory, rules: readonly EdgeRule[] = EDGE_RULES): string[] {
  const known = new Set(inv.resources.map((r) => normalizeId(r.id)));
  const classify = stubClassifier(inv);
  const byType = rulesByType(rules);
  const out = new Map<string, string>();
  for (const body of inv.resources) {
    for (const [, ref] of referencesOfBody(body, typeOfBody(body), byType)) {
      const key = normalizeId(ref);
      if (!known.has(key) && !out.has(key) && classify(ref) === 'missing') out.set(key, ref);
    }
  }
  return [...out.values()];
}
