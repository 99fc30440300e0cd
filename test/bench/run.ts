// `npm run bench [-- inventory|first-frame|render|report|check|subscriptions]`: every figure is printed beside a baseline measured in the same run.
import { benchInventory } from './inventory-bench.js';
import { benchReport } from './report-bench.js';
import { benchRender } from './render-bench.js';
import { benchFirstFrame } from './first-frame-bench.js';

const only = new Set(process.argv.slice(2));
const want = (name: string) => only.size === 0 || only.has(name);

if (want('inventory')) {
  const runs = await benchInventory();
  const first = runs[0]!;
  console.log(`inventory bench: ${first.subscriptions} subscriptions, ${first.estateResources} resources, ${first.latencyMs} ms latency per request`);
  const label: Record<string, string> = {
    graph: 'Resource Graph reader (topology)',
    graphWithPermissions: 'Resource Graph reader + RBAC permissions',
    arm: 'ARM-lists reader (+ permissions; baseline)',
  };
  for (const r of runs) {
    console.log(`\n${label[r.variant]}${r.reader !== (r.variant === 'arm' ? 'arm' : 'graph') ? ` — fell back to ${r.reader}` : ''}`);
    console.table({
      time: { measured: `${r.wallMs} ms`, 'lower bound': `${r.criticalPathMs} ms (${r.chainDepth} dependent requests × ${r.latencyMs} ms)`, ratio: r.timeRatio, target: '≤ 1.25' },
      requests: { measured: r.requests, 'lower bound': r.minimumRequests, ratio: r.requestRatio, target: '≤ 1.1' },
    });
    console.log(`  ${r.inventoryResources} resources read; peak RSS ${r.peakRssMb} MB; client CPU ${r.clientCpuMs} ms; max requests in one subscription ${r.maxRequestsPerSubscription} (ARM burst budget 250); issues ${r.issues}${r.graphPages ? `; Resource Graph pages ${r.graphPages}, quota waits ${r.quotaWaits}` : ''}`);
  }
  const arm = runs.find((r) => r.variant === 'arm');
  const graph = runs.find((r) => r.variant === 'graphWithPermissions');
  if (arm && graph) console.log(`\n  same inventory, Resource Graph vs ARM lists: ${(arm.wallMs / graph.wallMs).toFixed(1)}× faster, ${(arm.requests / graph.requests).toFixed(1)}× fewer requests`);
}
if (want('first-frame')) await benchFirstFrame();
if (want('render')) await benchRender();
if (want('report')) await benchReport();
if (want('check')) {
  const { benchCheck, printCheckBench } = await import('./check-bench.js');
  printCheckBench(await benchCheck());
}
if (want('subscriptions')) {
  const { benchSubscriptions, printSubscriptionsBench } = await import('./subscriptions-bench.js');
  printSubscriptionsBench(await benchSubscriptions());
}
