import { afterAll, describe, expect, it } from 'vitest';
import { normalizeId } from '../../src/arm/arm-id.js';
import { createArmConnection } from '../../src/arm/clients.js';
import { runChecks } from '../../src/checks/engine.js';
import { settleUnresolved } from '../../src/cli/load.js';
import { loadBundledScenario, scenarioPath, type BundledScenarioName } from '../../src/emulator/scenarios/index.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { collectInventory } from '../../src/inventory/inventory.js';
import { buildGraph } from '../../src/topology/graph.js';

const running: RunningEmulator[] = [];
afterAll(async () => {
  await Promise.all(running.map((e) => e.close()));
});

// End to end: SDK -> HTTPS -> emulator -> inventory -> graph -> checks. The second-wave rules read VNet peerings,
// subnets, public IPs, route filters, local network gateways, VPN sites, hub route tables and vWAN gateways, which only
// reach the graph if both readers fetch them.
describe.each(['limits-er', 'limits-vpn-vwan'] as BundledScenarioName[])('%s through the emulator', (name) => {
  const scenario = loadBundledScenario(name);
  let emu: RunningEmulator | undefined;
  const emulator = async () => {
    if (!emu) running.push((emu = await startEmulator({ scenarioFile: scenarioPath(name), timeScale: 0 })));
    return emu;
  };

  it.each(['graph', 'arm'] as const)('--reader %s reports every planted fault on its resource', async (reader) => {
    const e = await emulator();
    const conn = createArmConnection({ endpoint: e.endpoint, caPem: e.caPem, retry: { maxRetries: 0 } });
    let inv = await collectInventory(conn, { source: { kind: 'emulator', label: name }, reader });
    if (reader === 'graph') inv = await settleUnresolved(conn, inv);
    const findings = runChecks({ graph: buildGraph(inv), permissions: inv.permissions });
    const missed = scenario.plantedFaults.filter((p) => !findings.some((f) => f.ruleId === p.ruleId && normalizeId(f.resourceId) === normalizeId(p.resourceId)));
    expect(scenario.plantedFaults.length).toBeGreaterThan(20);
    expect(missed.map((p) => `${p.ruleId} @ ${p.resourceId}`)).toEqual([]);
  });
});
