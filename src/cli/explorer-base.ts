import type { Inventory } from '../inventory/types.js';
import type { Snapshot, TopologyGraph } from '../topology/types.js';
import type { Baseline, ExplorerBackend, ExplorerData, LoadProgress } from '../ui/backend.js';
import { carryOverStale } from './explorer-stale.js';
import { str, type FlagValues } from './flags.js';
import { checkGraph, progressTotals, readInventory } from './load.js';
import type { OpenedSource } from './source.js';

/**
 * The read path of the explorer's backend: every refresh re-reads the inventory, rebuilds the graph and re-runs the
 * checks. It loads no SDK code itself, so a snapshot explorer starts without parsing the Azure SDK.
 */
export function baseExplorerBackend(src: OpenedSource, values: FlagValues): ExplorerBackend {
  const configPath = str(values, 'config');
  let last: Inventory | undefined;
  // The saved snapshot `--diff` / `:diff` compares against; read once, compared on every load.
  let baseline: { file: string; snap: Snapshot } | undefined;
  const readBaseline = async (file: string) => {
    const { readSnapshot } = await import('../topology/snapshot.js');
    return { file, snap: readSnapshot(file) };
  };
  const compare = async (graph: TopologyGraph): Promise<Baseline | undefined> => {
    if (!baseline) return undefined;
    const { diffSnapshotAgainstGraph } = await import('../topology/diff.js');
    return { file: baseline.file, generatedAt: baseline.snap.generatedAt, diff: diffSnapshotAgainstGraph(baseline.snap, graph) };
  };
  const initialDiff = str(values, 'diff');
  return {
    compareWith: async (file, graph) => {
      baseline = await readBaseline(file);
      return (await compare(graph))!;
    },
    source: src.info,
    subscriptions: src.snapshot?.subscriptions ?? [],
    mode: values.write === true && values['read-only'] !== true ? 'write' : 'read-only',
    load: async (onProgress, signal): Promise<ExplorerData> => {
      if (initialDiff && !baseline) baseline = await readBaseline(initialDiff);
      const read = async (): Promise<ExplorerData> => {
        const fresh = await readOnce(src, onProgress, signal);
        // A scope that timed out or failed this time keeps its last good copy, marked stale; the rest is fresh.
        const { inventory, staleScopes } = carryOverStale(last, fresh);
        last = inventory;
        const data = await toData(inventory, staleScopes, configPath);
        const diff = await compare(data.graph);
        return diff ? { ...data, baseline: diff } : data;
      };
      if (src.snapshot) return read();
      // Each refresh has its own --deadline.
      const { runWithDeadline } = await import('../arm/deadline.js');
      return runWithDeadline(src.deadlineS, read);
    },
  };
}

function readOnce(src: OpenedSource, onProgress: (p: LoadProgress) => void, signal: AbortSignal | undefined): Promise<Inventory> {
  const totals = progressTotals();
  return readInventory(src, {
    ...(signal ? { signal } : {}),
    onProgress: (p) => {
      const { done, total } = totals(p);
      onProgress({ done, total, label: p.scope });
    },
  });
}

async function toData(inventory: Inventory, staleScopes: string[], configPath: string | undefined): Promise<ExplorerData> {
  const { buildGraph } = await import('../topology/graph.js');
  const graph = buildGraph(inventory);
  const findings = await checkGraph(graph, inventory, configPath ? { configPath } : {});
  return {
    graph, findings, inventoryIssues: inventory.issues, subscriptions: inventory.subscriptions, loadedAt: Date.now(),
    ...(staleScopes.length ? { staleScopes } : {}),
    ...(inventory.reader ? { reader: inventory.reader } : {}),
    ...(inventory.readerNote ? { readerNote: inventory.readerNote } : {}),
  };
}
