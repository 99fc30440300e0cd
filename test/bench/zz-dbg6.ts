import { Worker } from 'node:worker_threads';
import { createArmConnection } from '../../src/arm/clients.js';
import { listRaw } from '../../src/inventory/raw-list.js';
const entry = new URL('./emulator-worker.ts', import.meta.url).href;
const worker = new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`, { eval: true, workerData: { estate: { subscriptions: 5, resourcesTarget: 1000, seed: 1, forbiddenSubscriptions: 0 }, latencyMs: 50, pageSize: 100 } });
const served: any = await new Promise((r) => worker.once('message', r));
const conn = createArmConnection({ endpoint: served.endpoint, caPem: served.caPem, concurrencyPerSubscription: 16, retry: { maxRetries: 0 } });
const subs = (await listRaw((o) => conn.subscriptions().subscriptions.list(o))).items.map((s: any) => s.subscriptionId);
for (let round = 0; round < 3; round++) for (const n of [1, 16, 64]) {
  const t0 = performance.now(); const times: number[] = [];
  await Promise.all(Array.from({ length: n }, async (_, i) => { const t = performance.now(); await listRaw((o) => conn.network(subs[i % 5]).virtualWans.list(o)); times.push(Math.round(performance.now() - t)); }));
  times.sort((a, b) => a - b);
  console.log(round, n, Math.round(performance.now() - t0), times[0], times[times.length >> 1], times[times.length - 1]);
}
worker.postMessage('close');
