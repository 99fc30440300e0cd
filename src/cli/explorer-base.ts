import type { ExplorerBackend, ExplorerData } from '../ui/backend.js';
import { str, type FlagValues } from './flags.js';
import { checkGraph, progressTotals, readInventory } from './load.js';
import type { OpenedSource } from './source.js';

/**
 * The read path of the explorer's backend: every refresh re-reads the inventory, rebuilds the graph and re-runs the
 * checks. It loads no SDK code itself, so a snapshot explorer starts without parsing the Azure SDK.
 */
export function baseExplorerBackend(src: OpenedSource, values: FlagValues): ExplorerBackend {
  const configPath = str(values, 'config');
  return {
    source: src.info,
    subscriptions: src.snapshot?.subscriptions ?? [],
    mode: values.write === true && values['read-only'] !== true ? 'write' : 'read-only',
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
      return {
        graph, findings, inventoryIssues: inventory.issues, subscriptions: inventory.subscriptions, loadedAt: Date.now(),
        ...(inventory.reader ? { reader: inventory.reader } : {}),
        ...(inventory.readerNote ? { readerNote: inventory.readerNote } : {}),
      };
    },
  };
}
