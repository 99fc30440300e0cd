import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeId } from '../../src/arm/arm-id.js';
import { createArmConnection } from '../../src/arm/clients.js';
import { runChecks } from '../../src/checks/engine.js';
import { settleUnresolved } from '../../src/cli/load.js';
import { loadBundledScenario, scenarioPath } from '../../src/emulator/scenarios/index.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { collectInventory } from '../../src/inventory/inventory.js';
import { buildGraph } from '../../src/topology/graph.js';

const SCENARIO = loadBundledScenario('limits-vpn-vwan');
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ scenarioFile: scenarioPath('limits-vpn-vwan'), timeScale: 0 });
});
afterAll(async () => {
  await emu?.close();
});

// End to end: SDK -> HTTPS -> emulator -> inventory -> graph -> checks. The rules read gateway VNets, public IPs, local
// network gateways, VPN sites and hub route tables, which only reach the graph if the readers fetch them.
describe.each(['graph', 'arm'] as const)('limits-vpn-vwan through the emulator (--reader %s)', (reader) => {
  it('reports every planted VPN / Virtual WAN fault on its resource', async () => {
    const conn = createArmConnection({ endpoint: emu.endpoint, caPem: emu.caPem, retry: { maxRetries: 0 } });
    let inv = await collectInventory(conn, { source: { kind: 'emulator', label: 'limits-vpn-vwan' }, reader });
    if (reader === 'graph') inv = await settleUnresolved(conn, inv);
    const findings = runChecks({ graph: buildGraph(inv), permissions: inv.permissions });
    const missed = SCENARIO.plantedFaults.filter((p) => !findings.some((f) => f.ruleId === p.ruleId && normalizeId(f.resourceId) === normalizeId(p.resourceId)));
    expect(missed.map((p) => `${p.ruleId} @ ${p.resourceId}`)).toEqual([]);
  });
});
