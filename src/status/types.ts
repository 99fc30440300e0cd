import type { StatusEvent } from './events.js';

/** What kind of live reads a watched resource gets. */
export type WatchKind = 'connection' | 'erConnection' | 'circuit' | 'peering';

/** A resource to watch; graph NodeAttrs fit this shape directly. */
export interface WatchItem {
  id: string;
  /** ARM type (any case); decides the kind. */
  type?: string;
  name?: string;
}

/** Live state of one watched resource, as the UI shows it. */
export interface ResourceStatus {
  id: string;
  name: string;
  kind: WatchKind;
  /** Headline status: connectionStatus, peering state, or the circuit's provider state. */
  status?: string;
  /** Every tracked state field (connectionStatus, state, provisioningState, serviceProviderProvisioningState, circuitProvisioningState). */
  fields: Record<string, string>;
  /** Latest rate, bytes per second (undefined until two samples exist). */
  inBps?: number;
  outBps?: number;
  /** Oldest-first rate history for sparklines (bytes per second). */
  series: { in: number[]; out: number[] };
  /** Latest raw counters. */
  counters?: { inBytes: number; outBytes: number };
  lastUpdated?: Date;
  /** Last poll error, one line (cleared by the next success). */
  error?: string;
  /** True while this resource is the selected (fast) one. */
  selected: boolean;
  /** True when the last due poll was skipped for lack of budget or during back-off. */
  waiting: boolean;
}

/** Immutable view of the whole monitor; a new object after every change (useSyncExternalStore-friendly). */
export interface StatusSnapshot {
  /** Key: lower-cased resource id. */
  resources: Record<string, ResourceStatus>;
  paused: boolean;
  idle: boolean;
  /** Count of events not yet acknowledged (the header badge). */
  unacknowledged: number;
  /** Newest event, if any (the header line). */
  latestEvent?: StatusEvent;
  /** Subscriptions backing off after 429, with when polling resumes. */
  backoff: Record<string, Date>;
  /** Requests the monitor sent (SDK retries and polls included). */
  requests: number;
  /** Polls skipped because the budget had no token. */
  skipped: number;
}

/** Tuning for the monitor; all optional. */
export interface MonitorOptions {
  /** Poll interval of the selected resource (default 3000 ms). */
  fastMs?: number;
  /** Poll interval of the others (default 30000 ms). */
  slowMs?: number;
  /** Scheduler tick (default 250 ms). */
  tickMs?: number;
  /** Per-subscription token bucket (default 50 burst, 5 per s). */
  budget?: { capacity?: number; refillPerSecond?: number };
  /** Sparkline length (default 60 samples). */
  historySize?: number;
  /** Go idle after this long without `active()` (default 10 minutes); 0 disables. */
  idleAfterMs?: number;
  /** Polls running at once across subscriptions (default 4). */
  concurrency?: number;
  /** Back-off when a 429 carries no Retry-After (default 10000 ms). */
  defaultBackoffMs?: number;
  /** Clock (ms); tests may inject. */
  now?: () => number;
}
