import { RT, TYPE_LABEL } from '../arm/resource-types.js';
import type { Inventory } from '../inventory/types.js';
import type { TopologyGraph } from '../topology/types.js';
import { STUB_STATUS } from '../topology/node-attrs.js';

/** The readable inventory summary: per subscription, counts by type, then stubs and inventory issues. */
export function formatInventoryTable(inv: Inventory, graph: TopologyGraph): string {
  const lines: string[] = [];
  lines.push(`erscope inventory: ${inv.source.kind}: ${inv.source.label}`);
  if (inv.reader) lines.push(`read via ${inv.reader === 'graph' ? 'Resource Graph (may lag ARM by ~30 s; --reader arm reads ARM lists)' : 'ARM lists'}`);
  if (inv.readerNote) lines.push(`note: ${inv.readerNote}`);
  const bySub = new Map<string, Map<string, number>>();
  let stubs = 0;
  graph.forEachNode((_k, n) => {
    if (n.stub) {
      stubs += 1;
      return;
    }
    const sub = n.subscriptionId.toLowerCase();
    const m = bySub.get(sub) ?? new Map<string, number>();
    m.set(n.type, (m.get(n.type) ?? 0) + 1);
    bySub.set(sub, m);
  });
  const order = Object.values(RT) as string[];
  for (const s of [...inv.subscriptions].sort((a, b) => a.displayName.localeCompare(b.displayName))) {
    const counts = bySub.get(s.subscriptionId.toLowerCase());
    lines.push('');
    lines.push(`${s.displayName} (${s.subscriptionId})`);
    if (!counts || counts.size === 0) {
      lines.push('  (no hybrid-connectivity resources read)');
      continue;
    }
    const types = [...counts.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b) || a.localeCompare(b));
    for (const t of types) lines.push(`  ${String(counts.get(t)).padStart(6)}  ${TYPE_LABEL[t] ?? t}`);
  }
  lines.push('');
  lines.push(`${graph.order - stubs} resources, ${graph.size} references, ${stubs} unresolved reference target(s)`);
  if (stubs > 0) {
    graph.forEachNode((_k, n) => {
      if (n.stub) lines.push(`  ◌ ${STUB_STATUS[n.stub].padEnd(9)}  ${n.id}`);
    });
  }
  if (inv.issues.length > 0) {
    lines.push('');
    lines.push(`! ${inv.issues.length} scope(s) could not be read fully:`);
    for (const i of inv.issues) lines.push(`  ! ${i.kind.padEnd(9)} ${i.scope}${i.family ? ` [${i.family}]` : ''}: ${i.message}`);
  }
  return lines.join('\n') + '\n';
}
