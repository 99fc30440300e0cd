import { Worker } from 'node:worker_threads';
import { createArmConnection } from '../../src/arm/clients.js';
import { collectInventory } from '../../src/inventory/inventory.js';
import { listSubscriptions } from '../../src/inventory/subscriptions.js';
import { settleUnresolved } from '../../src/cli/load.js';
import { unresolvedReferences } from '../../src/topology/unresolved.js';
import { PROBE_LIMIT } from '../../src/inventory/probe.js';

/** The read paths the bench times: Resource Graph (topology only, then with permissions) and ARM lists as the baseline. */
export type BenchVariant = 'graph' | 'graphWithPermissions' | 'arm';

/** Figures of one inventory run over the generated large estate; ratios are measured in the same run. */
export interface InventoryBenchResult {
  variant: BenchVariant;
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
  /** Requests the strategy cannot do without, given the estate and the page sizes (see inventory-plan.ts). */
  minimumRequests: number;
  requestRatio: number;
  peakRssMb: number;
  maxRequestsPerSubscription: number;
  issues: number;
  /** Issues by kind and code (`throttled:429`, `forbidden:AuthorizationFailed`…), so a count is explained. */
  issueKinds: Record<string, number>;
  reader: string;
  /** Resource Graph pages read and how often a page waited for the quota window (0 when the quota was never hit). */
  graphPages: number;
  quotaWaits: number;
}

/** Options of one bench run (defaults: the 50-subscription / 10,000-resource estate, 50 ms latency). */
export interface InventoryBenchOptions {
  subscriptions?: number;
  resourcesTarget?: number;
  seed?: number;
  latencyMs?: number;
  concurrency?: number;
  variants?: BenchVariant[];
  /** Readable subscriptions with no resources added to the estate (a large tenant is mostly those). */
  emptySubscriptions?: number;
}

type Floor = { requests: number; depth: number };
interface Served {
  endpoint: string;
  caPem: string;
  size: number;
  floors: Record<BenchVariant, Floor>;
}

function serve(worker: Worker): Promise<Served> {
  return new Promise((resolve, reject) => {
    worker.once('message', (m: Served) => resolve(m));
    worker.once('error', reject);
  });
}

/**
 * Generates the large estate, serves it with latency from a worker thread (the emulator must not share the client's
 * event loop, as Azure would not), runs collectInventory per variant and measures wall time, requests and memory
 * against that plan's floor.
 */
export async function benchInventory(opts: InventoryBenchOptions = {}): Promise<InventoryBenchResult[]> {
  const latencyMs = opts.latencyMs ?? 50;
  const concurrency = opts.concurrency ?? 8; // the product default (createArmConnection)
  const estate = { subscriptions: opts.subscriptions ?? 50, resourcesTarget: opts.resourcesTarget ?? 10_000, seed: opts.seed ?? 1, forbiddenSubscriptions: 0 };
  // Workers do not inherit tsx's loader hooks on Node 20: register them in the worker before importing the .ts entry.
  const entry = new URL('./emulator-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { estate, latencyMs, pageSize: 100, emptySubscriptions: opts.emptySubscriptions ?? 0 } });
  const out: InventoryBenchResult[] = [];
  try {
    const served = await serve(worker);
    const connect = () => createArmConnection({ endpoint: served.endpoint, caPem: served.caPem, concurrencyPerSubscription: concurrency, retry: { maxRetries: 0 } });
    // Warm-up on a separate connection, both readers: loads the SDK modules once so the runs time the plan, not compilation.
    const warm = connect();
    const visible = await listSubscriptions(warm);
    for (const reader of ['graph', 'arm'] as const) {
      await collectInventory(warm, { source: { kind: 'emulator', label: 'warm-up' }, reader, subscriptions: [visible.subscriptions[0]!.subscriptionId] });
    }
    // Resource Graph serves documents it indexed long before the query; one full read builds the emulator's index the
    // same way, so the runs time the reader, not the emulator rendering 10,000 bodies for the first time.
    await new Promise((r) => setTimeout(r, 5_100));
    await collectInventory(warm, { source: { kind: 'emulator', label: 'warm-up' }, reader: 'graph', permissions: false });
    warm.close();
    for (const variant of opts.variants ?? (['graph', 'graphWithPermissions', 'arm'] as const)) {
      // ARG allows 15 queries per 5-second window: start each variant in a fresh window, as a user's run would.
      if (variant !== 'arm') await new Promise((r) => setTimeout(r, 5_100));
      out.push(await runOnce(connect, variant, served, latencyMs, concurrency));
    }
    return out;
  } finally {
    worker.postMessage('close');
    await new Promise((r) => worker.once('exit', r));
  }
}

async function runOnce(connect: () => ReturnType<typeof createArmConnection>, variant: BenchVariant, served: Served, latencyMs: number, concurrency: number): Promise<InventoryBenchResult> {
  const conn = connect();
  (globalThis as { gc?: () => void }).gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const graphStats = { pages: 0, quotaWaits: 0 };
  const read = await collectInventory(conn, {
    source: { kind: 'emulator', label: 'bench' },
    graphStats,
    reader: variant === 'arm' ? 'arm' : 'graph',
    permissions: variant !== 'graph',
  });
  // The graph reader ends by asking ARM about references that did not resolve (as every command does).
  const inv = read.reader === 'graph' ? await settleUnresolved(conn, read) : read;
  const wallMs = performance.now() - t0;
  // One probe per dangling reference the estate holds is part of the floor (counted after the clock stopped).
  const probes = read.reader === 'graph' ? Math.min(PROBE_LIMIT, unresolvedReferences(read).length) : 0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const base = served.floors[variant];
  const floor = probes > 0 ? { requests: base.requests + probes, depth: base.depth + 1 } : base;
  const criticalPathMs = floor.depth * latencyMs;
  const requests = conn.counter.total;
  conn.close();
  return {
    variant,
    reader: inv.reader ?? '?',
    subscriptions: inv.subscriptions.length,
    estateResources: served.size,
    inventoryResources: inv.resources.length,
    latencyMs,
    concurrencyPerSubscription: concurrency,
    wallMs: Math.round(wallMs),
    criticalPathMs,
    chainDepth: floor.depth,
    timeRatio: Math.round((wallMs / criticalPathMs) * 100) / 100,
    clientCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    requests,
    minimumRequests: floor.requests,
    requestRatio: Math.round((requests / floor.requests) * 1000) / 1000,
    peakRssMb: Math.round(peak / 1024 / 1024),
    maxRequestsPerSubscription: Math.max(0, ...conn.counter.bySubscription.values()),
    issues: inv.issues.length,
    issueKinds: inv.issues.reduce<Record<string, number>>((acc, i) => ({ ...acc, [`${i.kind}:${i.code ?? ''}`]: (acc[`${i.kind}:${i.code ?? ''}`] ?? 0) + 1 }), {}),
    graphPages: graphStats.pages,
    quotaWaits: graphStats.quotaWaits,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const variants = process.argv.slice(2).filter((a): a is BenchVariant => ['graph', 'graphWithPermissions', 'arm'].includes(a));
  benchInventory(variants.length ? { variants } : {}).then((r) => console.log(JSON.stringify(r, null, 2)));
}
