import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeId } from '../../src/arm/arm-id.js';
import { createArmConnection } from '../../src/arm/clients.js';
import { RT } from '../../src/arm/resource-types.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { flattenAll } from '../../src/inventory/flatten.js';
import { collectInventory } from '../../src/inventory/inventory.js';
import { settleUnresolved } from '../../src/cli/load.js';
import type { ArmResource, Inventory } from '../../src/inventory/types.js';
import { buildGraph } from '../../src/topology/graph.js';
import { nodeById, referencesOf } from '../../src/topology/queries.js';

const FILE = new URL('../../src/emulator/scenarios/contoso.json', import.meta.url).pathname;
const SCENARIO = JSON.parse(readFileSync(FILE, 'utf8')) as { resources: ArmResource[]; forbidden: string[]; plantedFaults: Array<{ ruleId: string; resourceId: string }> };
const PARTNER = '/subscriptions/33333333-3333-3333-3333-333333333333';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ scenarioFile: FILE, timeScale: 0 });
});
afterAll(async () => {
  await emu?.close();
});

describe.each(['graph', 'arm'] as const)('collectInventory on the contoso scenario (--reader %s)', (reader) => {
  let inv: Inventory;
  let requests: number;

  beforeAll(async () => {
    const conn = createArmConnection({ endpoint: emu.endpoint, caPem: emu.caPem, retry: { maxRetries: 0 } });
    inv = await collectInventory(conn, { source: { kind: 'emulator', label: 'contoso' }, reader });
    if (reader === 'graph') inv = await settleUnresolved(conn, inv);
    requests = conn.counter.total;
  });

  it('was read by the reader asked for', () => {
    expect(inv.reader).toBe(reader);
  });

  it('reads every scenario resource outside the forbidden subscription (VNets and public IPs: those the gateways use)', () => {
    const got = new Set(inv.resources.map((r) => normalizeId(r.id)));
    const optional = new Set<string>([RT.vnet, RT.subnet, RT.publicIp]);
    const expected = flattenAll(SCENARIO.resources).filter((r) => !normalizeId(r.id).startsWith(PARTNER));
    const absent = expected.filter((r) => !got.has(normalizeId(r.id)) && !optional.has((r.type ?? '').toLowerCase()));
    expect(absent.map((r) => r.id)).toEqual([]);
    const gateways = inv.resources.filter((r) => r.type.toLowerCase() === RT.vnetGateway);
    expect(gateways.length).toBeGreaterThan(0);
    // every gateway's subnet resolves to a real node, not a stub
    const g = buildGraph(inv);
    for (const gw of gateways) {
      for (const ref of referencesOf(g, gw.id).filter((r) => r.relation === 'in subnet')) expect(ref.node.stub, ref.node.id).toBeUndefined();
    }
  });

  it('reports the partner subscription as the only forbidden scope, with one issue', () => {
    expect(inv.forbiddenScopes).toEqual([PARTNER]);
    expect(inv.issues.map((i) => [i.kind, normalizeId(i.scope)])).toEqual([['forbidden', PARTNER]]);
  });

  it('turns the planted dangling and partner references into missing and no-access stubs', () => {
    const g = buildGraph(inv);
    for (const f of SCENARIO.plantedFaults.filter((p) => p.ruleId === 'reference-missing' || p.ruleId === 'reference-no-access')) {
      const stubs = referencesOf(g, f.resourceId).filter((r) => r.node.stub);
      expect(stubs.length, f.resourceId).toBeGreaterThan(0);
      expect(stubs.every((s) => s.node.stub === (f.ruleId === 'reference-missing' ? 'missing' : 'no-access'))).toBe(true);
    }
    expect(nodeById(g, SCENARIO.plantedFaults[0]!.resourceId)).toBeDefined();
  });

  it('stays within the request budget per subscription', () => {
    expect(requests).toBeLessThan(3 * 60);
  });
});
