import { benchInventory, type InventoryBenchResult } from './inventory-bench.js';

/**
 * A 1,000-subscription tenant read through Resource Graph: 100 subscriptions hold the 10,000-resource estate and 900
 * are empty, as in most large tenants. Resource Graph takes 100 subscriptions per query, so the read is 10 query
 * batches; the floor (inventory-plan.ts) adds the hub route tables and one ARM list per subscription with no rows.
 */
export async function benchSubscriptions(): Promise<InventoryBenchResult> {
  const [r] = await benchInventory({ subscriptions: 100, resourcesTarget: 10_000, emptySubscriptions: 900, variants: ['graph'] });
  return r!;
}

/** Prints the 1,000-subscription figures beside their floors and targets. */
export function printSubscriptionsBench(r: InventoryBenchResult): void {
  console.log(`\n1,000-subscription Resource Graph inventory: ${r.subscriptions} subscriptions (100 with ${r.estateResources} resources, 900 empty), ${r.latencyMs} ms latency per request`);
  console.table({
    requests: { measured: r.requests, minimum: r.minimumRequests, ratio: r.requestRatio, target: '≤ 1.1' },
    time: { measured: `${r.wallMs} ms`, minimum: `${r.criticalPathMs} ms (${r.chainDepth} dependent requests × ${r.latencyMs} ms)`, ratio: r.timeRatio, target: '≤ 1.25 (as the 50-subscription run)' },
  });
  console.log(`  Resource Graph pages ${r.graphPages} (${Math.ceil(r.subscriptions / 100)} query batches of ≤ 100 subscriptions), quota waits ${r.quotaWaits}; ${r.inventoryResources} resources read; peak RSS ${r.peakRssMb} MB (emulator thread included); issues ${r.issues}${r.issues ? ` (${Object.entries(r.issueKinds).map(([k, n]) => `${k} ×${n}`).join(', ')})` : ''}${r.reader !== 'graph' ? `; fell back to ${r.reader}` : ''}`);
}

if (import.meta.url === `file://${process.argv[1]}`) printSubscriptionsBench(await benchSubscriptions());
