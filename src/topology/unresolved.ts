import { normalizeId } from '../arm/arm-id.js';
import type { Inventory } from '../inventory/types.js';
import { EDGE_RULES, rulesByType } from './edges.js';
import { stubClassifier } from './graph.js';
import { typeOfBody } from './node-attrs.js';
import { referencesOfBody, resolveReference } from './references.js';
import type { EdgeRule } from './types.js';

/**
 * The ids the bodies reference that the inventory does not hold and that would become `missing` stubs — the same
 * answer as building the graph and listing its missing stubs, without building it (the Resource Graph reader asks this
 * of 10,000 resources before every load, then probes the few it returns). References to types erscope does not read
 * become `unread` stubs and are not probed.
 */
export function unresolvedReferences(inv: Inventory, rules: readonly EdgeRule[] = EDGE_RULES): string[] {
  const known = new Set(inv.resources.map((r) => normalizeId(r.id)));
  const isNode = (key: string): boolean => known.has(key);
  const classify = stubClassifier(inv);
  const byType = rulesByType(rules);
  const out = new Map<string, string>();
  for (const body of inv.resources) {
    const source = normalizeId(body.id);
    for (const r of referencesOfBody(body, typeOfBody(body), byType)) {
      const t = resolveReference(r, source, isNode);
      if (!t || !t.fullyRead) continue;
      const key = normalizeId(t.id);
      if (!known.has(key) && !out.has(key) && classify(t.id) === 'missing') out.set(key, t.id);
    }
  }
  return [...out.values()];
}
