import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeId } from '../../src/arm/arm-id.js';
import { createArmConnection } from '../../src/arm/clients.js';
import { RT } from '../../src/arm/resource-types.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { ErscopeError } from '../../src/errors.js';
import { collectInventory } from '../../src/inventory/inventory.js';
import type { Inventory, InventoryProgress } from '../../src/inventory/types.js';
import { buildGraph } from '../../src/topology/graph.js';
import { nodeById, referencesOf } from '../../src/topology/queries.js';
import { servicePaths } from '../../src/topology/service-paths.js';
import { toSnapshot } from '../../src/topology/snapshot.js';

const SCENARIO = JSON.parse(readFileSync(new URL('../fixtures/inventory-scenario.json', import.meta.url), 'utf8'));
const A = 'aaaaaaaa-0000-0000-0000-000000000001';
const B = 'bbbbbbbb-0000-0000-0000-000000000002';
const F = 'ffffffff-0000-0000-0000-00000000000f';
const P = (sub: string, rg: string) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network`;
const AMS = `${P(A, 'rg-er')}/expressRouteCircuits/er-ams`;
const SOURCE = { kind: 'emulator' as const, label: 'test' };

let emu: RunningEmulator;
const connect = () => createArmConnection({ endpoint: emu.endpoint, caPem: emu.caPem, retry: { maxRetries: 3, retryDelayInMs: 5, maxRetryDelayInMs: 20 } });

beforeAll(async () => {
  emu = await startEmulator({ scenarioFile: new URL('../fixtures/inventory-scenario.json', import.meta.url).pathname, timeScale: 0 });
});
afterAll(async () => {
  await emu?.close();
});

/** Requests the inventory plan needs for this scenario: 1 subscription list + per readable subscription 11 lists + 3 per RG + 1 per hub + 1 per permission RG; the forbidden subscription costs its 11 refused lists. */
function minimumRequests(inv: Inventory): number {
  const rgCount = (sub: string) => new Set(SCENARIO.resources.filter((r: { id: string }) => r.id.startsWith(`/subscriptions/${sub}/`)).map((r: { id: string }) => r.id.split('/')[4]!.toLowerCase())).size;
  const hubs = inv.resources.filter((r) => r.type.toLowerCase() === RT.hub).length;
  return 1 + 11 * 3 + 3 * (rgCount(A) + rgCount(B)) + 2 * hubs + inv.permissions.length; // per hub: route tables + route maps
}

describe('collectInventory through ARM lists (--reader arm) against the emulator', () => {
  let inv: Inventory;
  let progress: InventoryProgress[];
  let requests: number;

  beforeAll(async () => {
    const conn = connect();
    progress = [];
    inv = await collectInventory(conn, { source: SOURCE, reader: 'arm', onProgress: (p) => progress.push(p) });
    requests = conn.counter.total;
  });

  it('reads every family as nodes with the right edges, children flattened from their parents', () => {
    const g = buildGraph(inv);
    const types = new Set(g.filterNodes((_k, a) => !a.stub).map((k) => g.getNodeAttribute(k, 'type')));
    for (const t of [RT.circuit, RT.peering, RT.authorization, RT.circuitConnection, RT.port, RT.routeFilter, RT.routeFilterRule, RT.vnetGateway,
      RT.connection, RT.localGateway, RT.vnet, RT.subnet, RT.publicIp, RT.vwan, RT.hub, RT.hubRouteTable, RT.erGateway, RT.erConnection,
      RT.vpnGateway, RT.vpnConnection, RT.vpnLinkConnection, RT.vpnSite, RT.vpnSiteLink, RT.routeMap, RT.vpnNatRule, RT.vnetGatewayNatRule]) {
      expect(types, t).toContain(t);
    }
    const circuit = inv.resources.find((r) => r.id.toLowerCase() === AMS.toLowerCase())!;
    expect((circuit.properties as { peerings: unknown[] }).peerings).toHaveLength(2); // parent body intact
    expect(referencesOf(g, `${AMS}/peerings/MicrosoftPeering`).map((r) => r.relation)).toContain('filtered by');
    // only the gateway's VNet and the gateway's public IP are kept
    expect(inv.resources.filter((r) => r.type === 'Microsoft.Network/virtualNetworks').map((r) => r.name)).toEqual(['vnet-spoke']);
    expect(inv.resources.filter((r) => r.type === 'Microsoft.Network/publicIPAddresses').map((r) => r.name)).toEqual(['pip-gw']);
  });

  it('resolves cross-subscription references to real nodes (connection in B → circuit in A, Global Reach A → B)', () => {
    const g = buildGraph(inv);
    const conn = referencesOf(g, `${P(B, 'rg-net')}/connections/conn-spoke-er`).find((r) => r.relation === 'connects to circuit')!;
    expect(conn.node).toMatchObject({ id: AMS, subscriptionId: A });
    expect(conn.node.stub).toBeUndefined();
    const gr = referencesOf(g, `${AMS}/peerings/AzurePrivatePeering/connections/gr-to-lon`).find((r) => r.relation === 'Global Reach to')!;
    expect(gr.node.stub).toBeUndefined();
    const paths = servicePaths(g, `${P(B, 'rg-net')}/virtualNetworks/vnet-spoke`);
    expect(paths.filter((p) => p.preferred).map((p) => p.peeringLocation)).toEqual(['Amsterdam']);
    expect(paths.find((p) => p.peeringLocation === 'London')!.preferred).toBe(false);
  });

  it('records the forbidden subscription and resource group once each; references into them become no-access stubs', () => {
    expect(inv.forbiddenScopes).toEqual([`/subscriptions/${B}/resourcegroups/rg-secret`, `/subscriptions/${F}`].map(normalizeId));
    const forbidden = inv.issues.filter((i) => i.kind === 'forbidden');
    expect(forbidden.map((i) => normalizeId(i.scope)).sort()).toEqual(inv.forbiddenScopes);
    expect(forbidden.every((i) => i.code === 'AuthorizationFailed')).toBe(true);
    const g = buildGraph(inv);
    expect(nodeById(g, `${P(F, 'rg-x')}/expressRouteCircuits/er-locked/peerings/AzurePrivatePeering`)).toMatchObject({ stub: 'no-access', type: RT.peering });
    expect(nodeById(g, `${P(B, 'rg-secret')}/localNetworkGateways/lng-secret`)).toMatchObject({ stub: 'no-access' });
    expect(nodeById(g, `${P(A, 'rg-hub')}/virtualHubs/hub-weu/hubRouteTables/noneRouteTable`)).toMatchObject({ stub: 'missing' });
    expect(inv.subscriptions.map((s) => s.displayName)).toEqual(['Hub Prod', 'Spoke Dev', 'Locked']);
  });

  it('reads permissions for resource groups holding circuits, gateways and hubs', () => {
    expect(inv.permissions.map((p) => p.scope).sort()).toEqual(
      [`/subscriptions/${A}/resourceGroups/rg-er`, `/subscriptions/${A}/resourceGroups/rg-hub`, `/subscriptions/${B}/resourceGroups/rg-net`, `/subscriptions/${B}/resourceGroups/rg-spoke`].sort(),
    );
    expect(inv.permissions.find((p) => p.scope.endsWith('rg-er'))!.actions).toEqual(['Microsoft.Network/*/read']);
  });

  it('reports progress per subscription, ending with done = total', () => {
    for (const sub of [A, B, F]) {
      const last = progress.filter((p) => p.scope === sub).at(-1)!;
      expect(last.total).toBeGreaterThan(10);
      expect(last.done).toBe(last.total);
    }
  });

  it('sends exactly the planned minimum of requests (no per-child requests)', () => {
    expect(requests).toBe(minimumRequests(inv));
  });

  it('keeps secrets out of the snapshot', () => {
    const text = JSON.stringify(toSnapshot(inv, buildGraph(inv)));
    for (const s of ['GR-SECRET-KEY-0001', 'AUTH-SECRET-KEY-0002', 'ERC-SECRET-KEY-0003', 'VPN-SECRET-KEY-0004', 'S2S-SECRET-KEY-0005']) expect(text).not.toContain(s);
  });
});

describe('collectInventory scoping and partial failure', () => {
  it('limits to subscriptions named by display name or id, case-insensitively', async () => {
    const inv = await collectInventory(connect(), { source: SOURCE, reader: 'arm', subscriptions: ['spoke dev'] });
    expect(inv.subscriptions.map((s) => s.subscriptionId)).toEqual([B]);
    expect(inv.resources.every((r) => r.id.includes(B))).toBe(true);
    const g = buildGraph(inv);
    expect(nodeById(g, AMS)).toMatchObject({ stub: 'no-access' }); // out of scope
  });

  it('rejects an unknown subscription name with the known ones listed', async () => {
    const err = await collectInventory(connect(), { source: SOURCE, subscriptions: ['nope'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ErscopeError);
    expect((err as Error).message).toBe(`unknown subscription "nope"; known subscriptions: Hub Prod (${A}), Spoke Dev (${B}), Locked (${F})`);
  });

  it('turns a 404 list and a throttled list into issues while the rest completes', async () => {
    emu.setFaults({
      rules: [
        { kind: '5xx', status: 404, path: `/subscriptions/${B}/providers/Microsoft.Network/vpnSites$` },
        { kind: '429', path: `/subscriptions/${A}/providers/Microsoft.Network/routeFilters$`, retryAfterMs: 1 },
      ],
    });
    try {
      const conn = connect();
      const inv = await collectInventory(conn, { source: SOURCE, reader: 'arm', subscriptions: [A, B] });
      const issues = inv.issues.map((i) => [i.kind, i.scope, i.family]);
      expect(issues).toEqual([
        ['throttled', `/subscriptions/${A}`, 'routeFilters'],
        ['not-found', `/subscriptions/${B}`, 'vpnSites'],
        ['forbidden', `/subscriptions/${B}/resourceGroups/rg-secret`, 'virtualNetworkGateways'],
      ]);
      expect(inv.resources.some((r) => r.type === 'Microsoft.Network/routeFilters')).toBe(false);
      expect(inv.resources.some((r) => r.id.toLowerCase() === AMS.toLowerCase())).toBe(true);
      expect(inv.forbiddenScopes).toEqual([`/subscriptions/${B}/resourcegroups/rg-secret`]);
    } finally {
      emu.setFaults({});
    }
  });

  it('stops when the signal is aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(collectInventory(connect(), { source: SOURCE, signal: ac.signal })).rejects.toThrow();
  });
});
