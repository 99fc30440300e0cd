import { createArmConnection } from '../../src/arm/clients.js';
import { parseScenario } from '../../src/emulator/scenario.js';
import { generateEstate } from '../../src/emulator/scenarios/generate-estate.js';
import { startEmulator } from '../../src/emulator/server.js';
import { collectInventory } from '../../src/inventory/inventory.js';
const scenario = parseScenario(generateEstate({ subscriptions: 5, resourcesTarget: 1000, seed: 1, forbiddenSubscriptions: 0 }), 'x');
const emu = await startEmulator({ scenario, latencyMs: Number(process.argv[2] ?? 0), timeScale: 0 });
for (let i = 0; i < 3; i++) {
  const conn = createArmConnection({ endpoint: emu.endpoint, caPem: emu.caPem, concurrencyPerSubscription: 32 });
  const t0 = performance.now();
  const prog: string[] = [];
  const inv = await collectInventory(conn, { source: { kind: 'emulator', label: 'x' }, onProgress: (p) => { if (p.done === p.total) prog.push(`${Math.round(performance.now() - t0)}`); } });
  console.log(i, Math.round(performance.now() - t0), inv.resources.length, conn.counter.total, prog.slice(-5).join(','));
}
const t1 = performance.now();
const conn = createArmConnection({ endpoint: emu.endpoint, caPem: emu.caPem });
for (let i = 0; i < 20; i++) { await conn.network(scenario.subscriptions[0]!.subscriptionId).virtualWans.list().next(); }
console.log('20 serial', Math.round(performance.now() - t1));
await emu.close();
