import type { InventoryIssue, SourceInfo, SubscriptionInfo } from '../inventory/types.js';
import type { TopologyGraph } from '../topology/types.js';
import type { SnapshotDiff } from '../topology/diff.js';
import type { Finding } from '../checks/types.js';
import type { StatusMonitor } from '../status/monitor.js';
import type { Diagnosis, StepId } from '../diagnose/types.js';
import type { WriteBackend } from './wizard/types.js';
import type { ReportFormat } from '../report/formats.js';

/** Everything the explorer shows, produced by one load; the UI never fetches anything itself. */
export interface ExplorerData {
  graph: TopologyGraph;
  findings: Finding[];
  inventoryIssues: InventoryIssue[];
  /** Scopes that failed or timed out on this load and show their previous load's copy (header: "⚠ N stale"). */
  staleScopes?: string[];
  /** Subscriptions this load covered (display names for the SUB column and `@name` scopes); live sources only know them after a load. */
  subscriptions?: SubscriptionInfo[];
  /** Epoch milliseconds when this data was read (drives "refreshed 12s ago"). */
  loadedAt: number;
  /** How a live source was read: Resource Graph copies can lag ARM, so the header says which (absent for snapshots). */
  reader?: 'graph' | 'arm';
  /** Why the reader differs from the one asked for (Resource Graph failed), shown in the header as a warning. */
  readerNote?: string;
  /** What changed since a saved snapshot (`--diff FILE` / `:diff FILE`), recomputed on every load. */
  baseline?: Baseline;
}

/** A saved snapshot compared with the estate as loaded: the file, when it was taken, and the differences. */
export interface Baseline {
  file: string;
  generatedAt: string;
  diff: SnapshotDiff;
}

/** One progress tick of a background load, shown as a progress bar that never blocks input. */
export interface LoadProgress {
  done: number;
  total: number;
  /** What is being read right now, e.g. a subscription name. */
  label?: string;
}

/** Whether write commands (create, fix) are bound; read-only never constructs a plan. */
export type ExplorerMode = 'read-only' | 'write';

/** The live-status store as the UI drives it; src/status's StatusMonitor satisfies it, tests pass a fake. */
export type LiveMonitor = Pick<
  StatusMonitor,
  'watch' | 'select' | 'snapshot' | 'events' | 'subscribe' | 'acknowledge' | 'pause' | 'resume' | 'idle' | 'active' | 'stop'
>;

/** Progress of a running diagnosis: called when each step starts and when it ends. */
export type DiagnoseProgress = (stepId: StepId, message: string) => void;

/** The core, as the UI sees it: injected through props so src/ui never touches the SDK or the network. */
export interface ExplorerBackend {
  source: SourceInfo;
  subscriptions: SubscriptionInfo[];
  mode: ExplorerMode;
  /** Reads the estate; must honour `signal` and may call `onProgress` any number of times. */
  load(onProgress: (p: LoadProgress) => void, signal: AbortSignal): Promise<ExplorerData>;
  /** Data already at hand (e.g. a snapshot) to show before the first load finishes. */
  initial?: ExplorerData;
  /** Runs the ExpressRoute troubleshooting flow for one resource over the latest load; absent for snapshots. */
  diagnose?: (resourceId: string, signal: AbortSignal, onProgress: DiagnoseProgress) => Promise<Diagnosis>;
  /** Live status polling of connections, circuits and peerings; absent for snapshots (the header says offline). */
  live?: { monitor: LiveMonitor };
  /** Later: build a write plan for a command id (e.g. 'res.fix') on a resource. */
  plan?: (commandId: string, resourceId: string) => Promise<unknown>;
  /** Writes (create, fix): pre-flight, apply, re-plan, verify and the operation tracker; absent = no writes at all. */
  writes?: WriteBackend;
  /**
   * Reads a saved snapshot, keeps it as the baseline of every later load, and compares it with `graph` (the data on
   * screen); rejects with a one-line reason for a missing or invalid file. Absent: `:diff FILE` says it is unavailable.
   */
  compareWith?: (file: string, graph: TopologyGraph) => Promise<Baseline>;
  /** Writes a report of exactly what a view shows (needs no network); absent in bare embeds, where `e` says so. */
  exportView?: (req: ExportRequest) => Promise<ExportResult>;
}

/** What `e` asks the core to export: a table's rows (`nodeIds`) or a detail page's neighbourhood (`focus`, `depth`). */
export interface ExportRequest {
  format: ReportFormat;
  nodeIds?: string[];
  focus?: string;
  depth?: number;
  /** Bare file name chosen by the UI; the core decides the directory. */
  file: string;
}

/** What was written, for the one status line. */
export interface ExportResult {
  /** The path as the user should see it, e.g. `./erscope-connections-20261122-014500.md`. */
  file: string;
  resources: number;
  findings: number;
}

/** The subscriptions to show: those of the latest load, else what the backend knew up front (snapshots). */
export function subscriptionsOf(backend: Pick<ExplorerBackend, 'subscriptions'>, data: ExplorerData | undefined): SubscriptionInfo[] {
  return data?.subscriptions?.length ? data.subscriptions : backend.subscriptions;
}
