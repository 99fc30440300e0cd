import { createArmConnection } from '../../src/arm/clients.js';
import { parseScenario } from '../../src/emulator/scenario.js';
import { generateEstate } from '../../src/emulator/scenarios/generate-estate.js';
import { startEmulator } from '../../src/emulator/server.js';
import { listRaw } from '../../src/inventory/raw-list.js';
const scenario = parseScenario(generateEstate({ subscriptions: 5, resourcesTarget: 1000, seed: 1, forbiddenSubscriptions: 0 }), 'x');
const emu = await startEmulator({ scenario, latencyMs: 0, timeScale: 0 });
const conn = createArmConnection({ endpoint: emu.endpoint, caPem: emu.caPem });
const subs = scenario.subscriptions.map((s) => s.subscriptionId);
for (let round = 0; round < 4; round++) {
  for (const n of [1, 8, 32]) {
    const t0 = performance.now();
    const times: number[] = [];
    await Promise.all(Array.from({ length: n }, async (_, i) => {
      const t = performance.now();
      await listRaw((o) => conn.network(subs[i % 5]!).virtualWans.list(o));
      times.push(Math.round(performance.now() - t));
    }));
    console.log(round, n, Math.round(performance.now() - t0), times.sort((a, b) => a - b).join(' '));
  }
}
await emu.close();
