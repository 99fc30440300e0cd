import type { ExplorerBackend, ExplorerData } from '../ui/backend.js';
import { EXIT } from './exit-codes.js';
import { createExplorerWrites } from './explorer-write.js';
import { withLive } from './explorer-live.js';
import { withExport } from './explorer-export.js';
import { str, type FlagValues } from './flags.js';
import type { CommandIO } from './io.js';
import { checkGraph, progressTotals, readInventory } from './load.js';
import { openSource, type OpenedSource } from './source.js';

/** Builds the UI's backend over an opened source: every refresh re-reads the inventory, rebuilds the graph and re-runs the checks. */
export function createExplorerBackend(src: OpenedSource, values: FlagValues): ExplorerBackend {
  const configPath = str(values, 'config');
  const mode = values.write === true && values['read-only'] !== true ? 'write' : 'read-only';
  return withExport(withLive({
    source: src.info,
    subscriptions: src.snapshot?.subscriptions ?? [],
    mode,
    writes: createExplorerWrites(src, values),
    load: async (onProgress, signal): Promise<ExplorerData> => {
      const totals = progressTotals();
      const inventory = await readInventory(src, {
        signal,
        onProgress: (p) => {
          const { done, total } = totals(p);
          onProgress({ done, total, label: p.scope });
        },
      });
      const { buildGraph } = await import('../topology/graph.js');
      const graph = buildGraph(inventory);
      const findings = await checkGraph(graph, inventory, configPath ? { configPath } : {});
      return { graph, findings, inventoryIssues: inventory.issues, subscriptions: inventory.subscriptions, loadedAt: Date.now() };
    },
  }, src));
}

/** Opens the source and runs the explorer until the user quits; the source (and any in-process emulator) is closed after. */
export async function runExplorer(values: FlagValues, _io: CommandIO, opts: { startCreate?: string } = {}): Promise<number> {
  const src = await openSource(values);
  try {
    // Ink draws only the final frame when CI/CONTINUOUS_INTEGRATION is set (read once, when ink loads); someone at an
    // interactive terminal is not a CI job, so clear the markers before the first import of the UI.
    for (const k of ['CI', 'CONTINUOUS_INTEGRATION']) if (k in process.env) process.env[k] = 'false';
    const { mountExplorer } = await import('../ui/mount.js');
    const backend = createExplorerBackend(src, values);
    try {
      await mountExplorer(backend, opts.startCreate ? { startCreate: opts.startCreate } : {});
    } finally {
      backend.live?.monitor.stop();
    }
    return EXIT.ok;
  } finally {
    await src.close();
  }
}
