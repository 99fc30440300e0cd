import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeId } from '../../src/arm/arm-id.js';
import { createArmConnection } from '../../src/arm/clients.js';
import { RT } from '../../src/arm/resource-types.js';
import { settleUnresolved } from '../../src/cli/load.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { GRAPH_PROGRESS_SCOPE } from '../../src/inventory/graph-inventory.js';
import { readGraphRows } from '../../src/inventory/graph-reader.js';
import { collectInventory } from '../../src/inventory/inventory.js';
import type { ArmResource, Inventory, InventoryProgress } from '../../src/inventory/types.js';
import { buildGraph } from '../../src/topology/graph.js';
import { nodeById } from '../../src/topology/queries.js';

const FIXTURE = new URL('../fixtures/inventory-scenario.json', import.meta.url).pathname;
const A = 'aaaaaaaa-0000-0000-0000-000000000001';
const B = 'bbbbbbbb-0000-0000-0000-000000000002';
const F = 'ffffffff-0000-0000-0000-00000000000f';
const P = (sub: string, rg: string) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network`;
const SOURCE = { kind: 'emulator' as const, label: 'test' };

let emu: RunningEmulator;
const connect = () => createArmConnection({ endpoint: emu.endpoint, caPem: emu.caPem, retry: { maxRetries: 2, retryDelayInMs: 5, maxRetryDelayInMs: 20 } });

beforeAll(async () => {
  // Unlimited ARG quota here: this file runs many inventories back to back; the quota has its own test below.
  emu = await startEmulator({ scenarioFile: FIXTURE, timeScale: 0, resourceGraph: { quota: false } });
});
afterAll(async () => {
  await emu?.close();
});

/** Bodies keyed by id, without the etag ARG rows do not carry. */
function byId(inv: Inventory): Map<string, ArmResource> {
  return new Map(inv.resources.map((r) => {
    const { etag: _etag, ...rest } = r;
    return [normalizeId(r.id), rest as ArmResource];
  }));
}

describe('collectInventory through Resource Graph (--reader graph)', () => {
  let graph: Inventory;
  let arm: Inventory;
  let graphRequests: number;
  let progress: InventoryProgress[];

  beforeAll(async () => {
    const c1 = connect();
    progress = [];
    graph = await settleUnresolved(c1, await collectInventory(c1, { source: SOURCE, reader: 'graph', onProgress: (p) => progress.push(p) }));
    graphRequests = c1.counter.total;
    const c2 = connect();
    arm = await collectInventory(c2, { source: SOURCE, reader: 'arm' });
  });

  it('reads the same resources with the same bodies as the ARM lists (etags aside)', () => {
    expect(graph.reader).toBe('graph');
    const g = byId(graph);
    const a = byId(arm);
    expect([...g.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [id, body] of a) expect(g.get(id), id).toEqual(body);
  });

  it('keeps ARM type spelling, not the lower-cased type ARG returns', () => {
    const circuit = graph.resources.find((r) => normalizeId(r.id) === normalizeId(`${P(A, 'rg-er')}/expressRouteCircuits/er-ams`))!;
    expect(circuit.type).toBe('Microsoft.Network/expressRouteCircuits');
    expect(circuit).not.toHaveProperty('resourceGroup');
    expect(circuit).not.toHaveProperty('subscriptionId');
  });

  it('finds the forbidden subscription (no rows) and the forbidden resource group (a referenced id answers 403)', () => {
    expect(graph.forbiddenScopes).toEqual(arm.forbiddenScopes);
    expect(graph.issues.filter((i) => i.kind === 'forbidden').map((i) => normalizeId(i.scope)).sort()).toEqual([...graph.forbiddenScopes].sort());
    const g = buildGraph(graph);
    expect(nodeById(g, `${P(B, 'rg-secret')}/localNetworkGateways/lng-secret`)).toMatchObject({ stub: 'no-access' });
    expect(nodeById(g, `${P(F, 'rg-x')}/expressRouteCircuits/er-locked/peerings/AzurePrivatePeering`)).toMatchObject({ stub: 'no-access' });
    expect(nodeById(g, `${P(A, 'rg-hub')}/virtualHubs/hub-weu/hubRouteTables/noneRouteTable`)).toMatchObject({ stub: 'missing' });
  });

  it('reads the same permissions as the ARM reader', () => {
    expect(graph.permissions).toEqual(arm.permissions);
  });

  it('needs a handful of requests: subscriptions, one ARG page, hub route tables and route maps, permissions, one probe per unreadable scope', () => {
    const hubs = graph.resources.filter((r) => r.type.toLowerCase() === RT.hub).length;
    const emptySubs = 1; // F: no rows, so one ARM list tells forbidden from empty
    const probes = 2; // lng-secret (403) and the missing hub route table (404)
    expect(graphRequests).toBe(1 + 1 + 2 * hubs + graph.permissions.length + emptySubs + probes); // per hub: route tables + route maps
    expect(graphRequests).toBeLessThan(arm.resources.length / 2);
  });

  it('a referenced resource ARG has not indexed yet is fetched from ARM by the probe, children included', async () => {
    const AMS = normalizeId(`${P(A, 'rg-er')}/expressRouteCircuits/er-ams`);
    const lagging = { ...graph, resources: graph.resources.filter((r) => !normalizeId(r.id).startsWith(AMS)) };
    expect(nodeById(buildGraph(lagging), AMS)).toMatchObject({ stub: 'missing' });
    const settled = await settleUnresolved(connect(), lagging);
    expect(nodeById(buildGraph(settled), AMS)?.stub).toBeUndefined();
    expect(settled.resources.filter((r) => normalizeId(r.id).startsWith(`${AMS}/peerings/`)).length).toBeGreaterThan(0);
    expect(settled.issues).toEqual(lagging.issues);
  });

  it('reports Resource Graph pages as their own progress scope, ending with done = total', () => {
    const last = progress.filter((p) => p.scope === GRAPH_PROGRESS_SCOPE).at(-1)!;
    expect(last).toMatchObject({ done: 1, total: 1 });
  });
});

describe('Resource Graph failures', () => {
  it('auto falls back to ARM lists when ARG fails, and says why', async () => {
    emu.setFaults({ rules: [{ kind: '5xx', status: 403, path: 'Microsoft.ResourceGraph' }] });
    try {
      const inv = await collectInventory(connect(), { source: SOURCE, subscriptions: [A] });
      expect(inv.reader).toBe('arm');
      expect(inv.readerNote).toMatch(/^Resource Graph unavailable \(.*\); read through ARM lists instead$/);
      expect(inv.resources.some((r) => r.type.toLowerCase() === RT.circuit)).toBe(true);
      expect(inv.issues).toEqual([]);
    } finally {
      emu.setFaults({});
    }
  });

  it('--reader graph reports the failure as an issue instead of falling back', async () => {
    emu.setFaults({ rules: [{ kind: '5xx', status: 503, path: 'Microsoft.ResourceGraph' }] });
    try {
      const inv = await collectInventory(connect(), { source: SOURCE, reader: 'graph', subscriptions: [A] });
      expect(inv.reader).toBe('graph');
      expect(inv.issues.map((i) => [i.kind, i.scope, i.family])).toEqual([['failed', GRAPH_PROGRESS_SCOPE, 'resourceGraph']]);
      expect(inv.resources).toEqual([]);
    } finally {
      emu.setFaults({});
    }
  });
});

describe('readGraphRows paging under the ARG quota', () => {
  it('reads every row exactly once across $skip pages, waiting for the quota window instead of collecting 429s', async () => {
    const small = await startEmulator({ scenarioFile: FIXTURE, timeScale: 0, resourceGraph: { quota: { queries: 3, windowSeconds: 1 } } });
    try {
      const conn = createArmConnection({ endpoint: small.endpoint, caPem: small.caPem, retry: { maxRetries: 0 } });
      const stats = { pages: 0, quotaWaits: 0 };
      const all = await readGraphRows(conn, [A, B], { stats });
      const paged = await readGraphRows(conn, [A, B], { stats: { pages: 0, quotaWaits: 0 }, pageSize: 4 });
      expect(paged.map((r) => normalizeId(r.id))).toEqual(all.map((r) => normalizeId(r.id)));
      expect(new Set(paged.map((r) => normalizeId(r.id))).size).toBe(paged.length);
      expect(stats.pages).toBe(1);
      expect(conn.counter.total).toBe(1 + Math.ceil(all.length / 4));
      expect(all.length).toBeGreaterThan(12); // enough pages to outrun a 3-query window
    } finally {
      await small.close();
    }
  });
});
