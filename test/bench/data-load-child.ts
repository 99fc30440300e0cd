// Child of the check bench (bundled by it with esbuild, like the product): opens a source the way the CLI does and
// loads what the explorer holds (inventory → graph → checks model and findings), then reports its own memory.
import { model } from '../../src/checks/model.js';
import { baseExplorerBackend } from '../../src/cli/explorer-base.js';
import { parseFlags, SOURCE_FLAGS } from '../../src/cli/flags.js';
import { openSource } from '../../src/cli/source.js';

const { values } = parseFlags('explorer', process.argv.slice(2), SOURCE_FLAGS, { min: 0, max: 0, usage: '[source flags]' });
const t0 = performance.now();
const src = await openSource(values);
const data = await baseExplorerBackend(src, values).load(() => {}, new AbortController().signal);
model(data.graph);
const loadMs = Math.round(performance.now() - t0);
(globalThis as { gc?: () => void }).gc?.();
const u = process.resourceUsage();
process.stdout.write(`${JSON.stringify({
  nodes: data.graph.order,
  findings: data.findings.length,
  loadMs,
  cpuMs: Math.round((u.userCPUTime + u.systemCPUTime) / 1000),
  maxRssMb: Math.round(u.maxRSS / 1024),
  rssAfterGcMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
  heapAfterGcMb: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
})}\n`);
await src.close();
process.exit(0);
