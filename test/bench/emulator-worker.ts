import { parentPort, workerData } from 'node:worker_threads';
import { parseScenario } from '../../src/emulator/scenario.js';
import { stableGuid } from '../../src/emulator/scenarios/arm-ids.js';
import { generateEstate, type EstateOptions } from '../../src/emulator/scenarios/generate-estate.js';
import { startEmulator } from '../../src/emulator/server.js';
import { graphPlanFloor, planFloor } from './inventory-plan.js';

/** Bench helper: serves the generated estate from its own thread (its own CPU), as Azure would be: out of our process. */
const { estate, latencyMs, pageSize, emptySubscriptions = 0 } = workerData as { estate: EstateOptions; latencyMs: number; pageSize: number; emptySubscriptions?: number };
const generated = generateEstate(estate);
// Subscriptions the caller can read that hold nothing (most of a large tenant): the reader still has to cover them.
for (let i = 0; i < emptySubscriptions; i++) generated.subscriptions.push({ subscriptionId: stableGuid(`bench-empty:${i}`), displayName: `empty-${String(i).padStart(4, '0')}` });
const scenario = parseScenario(generated, 'bench-estate');
const emu = await startEmulator({ scenario, latencyMs, pageSize, timeScale: 0 });
const arm = planFloor(emu.store, pageSize);
const floors = {
  arm: { requests: arm.requests, depth: arm.depth },
  graph: graphPlanFloor(emu.store, pageSize, { permissions: false }),
  graphWithPermissions: graphPlanFloor(emu.store, pageSize, { permissions: true }),
};
parentPort!.postMessage({ endpoint: emu.endpoint, caPem: emu.caPem, size: emu.store.size, floors });
parentPort!.on('message', (m: string) => {
  if (m === 'close') void emu.close().then(() => process.exit(0));
});
