import type { InventoryIssue, SourceInfo, SubscriptionInfo } from '../inventory/types.js';
import type { TopologyGraph } from '../topology/types.js';
import type { Finding } from '../checks/types.js';

/** Everything the explorer shows, produced by one load; the UI never fetches anything itself. */
export interface ExplorerData {
  graph: TopologyGraph;
  findings: Finding[];
  inventoryIssues: InventoryIssue[];
  /** Epoch milliseconds when this data was read (drives "refreshed 12s ago"). */
  loadedAt: number;
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

/** Optional live-status hook (later feature): current status per resource id. */
export type StatusHook = (ids: string[], signal: AbortSignal) => Promise<Record<string, string>>;

/** The core, as the UI sees it: injected through props so src/ui never touches the SDK or the network. */
export interface ExplorerBackend {
  source: SourceInfo;
  subscriptions: SubscriptionInfo[];
  mode: ExplorerMode;
  /** Reads the estate; must honour `signal` and may call `onProgress` any number of times. */
  load(onProgress: (p: LoadProgress) => void, signal: AbortSignal): Promise<ExplorerData>;
  /** Data already at hand (e.g. a snapshot) to show before the first load finishes. */
  initial?: ExplorerData;
  /** Later: run the ExpressRoute troubleshooting steps for one resource. */
  diagnose?: (resourceId: string, signal: AbortSignal) => Promise<unknown>;
  /** Later: live status polling. */
  status?: StatusHook;
  /** Later: build a write plan for a command id (e.g. 'res.fix') on a resource. */
  plan?: (commandId: string, resourceId: string) => Promise<unknown>;
}
