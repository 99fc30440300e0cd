import { Worker } from 'node:worker_threads';
import { createArmConnection } from '../../src/arm/clients.js';
import { collectInventory } from '../../src/inventory/inventory.js';
import { listSubscriptions } from '../../src/inventory/subscriptions.js';

/** Figures of one inventory run over the generated large estate; ratios are measured in the same run. */
export interface InventoryBenchResult {
  subscriptions: number;
  estateResources: number;
  inventoryResources: number;
  latencyMs: number;
  concurrencyPerSubscription: number;
  wallMs: number;
  /** Deepest chain of dependent requests in the plan (pages included) × latency: the floor with unlimited concurrency. */
  criticalPathMs: number;
  chainDepth: number;
  timeRatio: number;
  /** CPU the client side (SDK pipeline, TLS, JSON, inventory) used during the run; the emulator runs in its own thread. */
  clientCpuMs: number;
  requests: number;
  /** Requests the strategy cannot do without, given the estate and the page size (see inventory-plan.ts). */
  minimumRequests: number;
  requestRatio: number;
  peakRssMb: number;
  maxRequestsPerSubscription: number;
  issues: number;
}

/** Options of one bench run (defaults: the 50-subscription / 10,000-resource estate, 50 ms latency). */
export interface InventoryBenchOptions {
  subscriptions?: number;
  resourcesTarget?: number;
  seed?: number;
  latencyMs?: number;
  concurrency?: number;
}

interface Served {
  endpoint: string;
  caPem: string;
  size: number;
  floor: { requests: number; depth: number };
}

function serve(worker: Worker): Promise<Served> {
  return new Promise((resolve, reject) => {
    worker.once('message', (m: Served) => resolve(m));
    worker.once('error', reject);
  });
}

/**
 * Generates the large estate, serves it with latency from a worker thread (the emulator must not share the client's
 * CPU, as Azure would not), runs collectInventory and measures wall time, requests and memory against the plan's floor.
 */
export async function benchInventory(opts: InventoryBenchOptions = {}): Promise<InventoryBenchResult> {
  const latencyMs = opts.latencyMs ?? 50;
  const concurrency = opts.concurrency ?? 4;
  const estate = { subscriptions: opts.subscriptions ?? 50, resourcesTarget: opts.resourcesTarget ?? 10_000, seed: opts.seed ?? 1, forbiddenSubscriptions: 0 };
  // Workers do not inherit tsx's loader hooks on Node 20: register them in the worker before importing the .ts entry.
  const entry = new URL('./emulator-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { estate, latencyMs, pageSize: 100 } });
  try {
    const served = await serve(worker);
    const connect = () => createArmConnection({ endpoint: served.endpoint, caPem: served.caPem, concurrencyPerSubscription: concurrency, retry: { maxRetries: 0 } });
    // Warm-up on a separate connection: loads the SDK modules once so the measured run times the plan, not module compilation.
    const warm = connect();
    const visible = await listSubscriptions(warm);
    await collectInventory(warm, { source: { kind: 'emulator', label: 'warm-up' }, subscriptions: [visible.subscriptions[0]!.subscriptionId] });
    warm.close();
    const conn = connect();
    (globalThis as { gc?: () => void }).gc?.();
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const inv = await collectInventory(conn, { source: { kind: 'emulator', label: 'bench' } });
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    const criticalPathMs = served.floor.depth * latencyMs;
    const requests = conn.counter.total;
    return {
      subscriptions: inv.subscriptions.length,
      estateResources: served.size,
      inventoryResources: inv.resources.length,
      latencyMs,
      concurrencyPerSubscription: concurrency,
      wallMs: Math.round(wallMs),
      criticalPathMs,
      chainDepth: served.floor.depth,
      timeRatio: Math.round((wallMs / criticalPathMs) * 100) / 100,
      clientCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      requests,
      minimumRequests: served.floor.requests,
      requestRatio: Math.round((requests / served.floor.requests) * 1000) / 1000,
      peakRssMb: Math.round(peak / 1024 / 1024),
      maxRequestsPerSubscription: Math.max(...conn.counter.bySubscription.values()),
      issues: inv.issues.length,
    };
  } finally {
    worker.postMessage('close');
    await new Promise((r) => worker.once('exit', r));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const concurrency = process.argv[2] ? Number(process.argv[2]) : undefined;
  benchInventory(concurrency ? { concurrency } : {}).then((r) => console.log(JSON.stringify(r, null, 2)));
}
