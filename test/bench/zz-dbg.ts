import { benchInventory } from '/work/main/test/bench/inventory-bench.ts';
const r = await benchInventory({ subscriptions: Number(process.argv[2]), resourcesTarget: Number(process.argv[3]), latencyMs: Number(process.argv[4]), concurrency: 32 });
console.log(JSON.stringify(r));
