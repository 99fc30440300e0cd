// `npm run bench [-- inventory|render|report]`: every figure is printed beside a baseline measured in the same run.
import { benchInventory } from './inventory-bench.js';
import { benchReport } from './report-bench.js';
import { benchRender } from './render-bench.js';

const only = new Set(process.argv.slice(2));
const want = (name: string) => only.size === 0 || only.has(name);

if (want('inventory')) {
  const r = await benchInventory();
  console.log(`inventory bench: ${r.subscriptions} subscriptions, ${r.estateResources} resources, ${r.latencyMs} ms latency per request`);
  console.table({
    time: { measured: `${r.wallMs} ms`, 'lower bound': `${r.criticalPathMs} ms (${r.chainDepth} dependent requests × ${r.latencyMs} ms)`, ratio: r.timeRatio, target: '≤ 1.25' },
    requests: { measured: r.requests, 'lower bound': r.minimumRequests, ratio: r.requestRatio, target: '≤ 1.1' },
  });
  console.log(`  peak RSS ${r.peakRssMb} MB; client CPU ${r.clientCpuMs} ms; max requests in one subscription ${r.maxRequestsPerSubscription} (ARM burst budget 250); issues ${r.issues}`);
}
if (want('render')) await benchRender();
if (want('report')) await benchReport();
