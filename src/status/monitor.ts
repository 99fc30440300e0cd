import { normalizeId } from '../arm/arm-id.js';
import type { ArmConnection } from '../arm/clients.js';
import { classifyArmError } from '../arm/errors.js';
import { canonicalType } from '../topology/edges.js';
import { RequestBudget, retryAfterMs } from './budget.js';
import { EventLog, type StatusEvent } from './events.js';
import { createLiveReads, type LiveReads } from './live-reads.js';
import { KIND_BY_TYPE, PollError, REQUESTS_PER_POLL, pollResource } from './poll-once.js';
import type { MonitorOptions, StatusSnapshot, WatchItem } from './types.js';
import { WatchedResource } from './watched.js';

/** The live-status store the UI wraps with useSyncExternalStore; no React here. */
export interface StatusMonitor {
  /** Replaces the watched set; `selectedId` polls fast, the rest slow. Unsupported types are ignored; returns how many are watched. */
  watch(items: WatchItem[], selectedId?: string): number;
  /** Changes only the selected (fast) resource. */
  select(selectedId: string | undefined): void;
  snapshot(): StatusSnapshot;
  /** Retained events, oldest first. */
  events(): StatusEvent[];
  /** Called after every state change (new snapshot available); returns unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Called for each new event (e.g. to flash the header); returns unsubscribe. */
  onEvent(listener: (e: StatusEvent) => void): () => void;
  /** Marks events up to `seq` (default all) as seen. */
  acknowledge(seq?: number): void;
  pause(): void;
  resume(): void;
  /** The terminal went idle: stop polling until active(). */
  idle(): void;
  /** A key was pressed: leave idle and reset the idle timer. */
  active(): void;
  stop(): void;
  /** HTTP requests charged to the budget (SDK retries and LRO polls included, via the connection's counter). */
  requestCount(): number;
}

/** Monitor internals tests may pass instead of a connection-derived reader. */
export interface MonitorDeps {
  reads?: LiveReads;
}

/** Creates and starts a status monitor over a connection (tip: build it with `retry: {maxRetries: 0}` so 429s back off here, not in the SDK). */
export function createStatusMonitor(conn: ArmConnection, opts: MonitorOptions = {}, deps: MonitorDeps = {}): StatusMonitor {
  const now = opts.now ?? Date.now;
  const fastMs = opts.fastMs ?? 3000;
  const slowMs = opts.slowMs ?? 30_000;
  const idleAfterMs = opts.idleAfterMs ?? 10 * 60_000;
  const concurrency = opts.concurrency ?? 4;
  const reads = deps.reads ?? createLiveReads(conn);
  const budget = new RequestBudget({ ...opts.budget, now });
  const log = new EventLog();
  const watched = new Map<string, WatchedResource>();
  const listeners = new Set<() => void>();
  const abort = new AbortController();
  const baseline = new Map<string, number>();
  const accounted = new Map<string, number>();
  let paused = false;
  let isIdle = false;
  let stopped = false;
  let lastActive = now();
  let inFlight = 0;
  let skipped = 0;
  let cached: StatusSnapshot | undefined;

  const changed = () => {
    cached = undefined;
    for (const l of listeners) l();
  };
  log.subscribe(() => changed());

  const sent = (sub: string) => conn.counter.bySubscription.get(sub) ?? 0;
  /** Charges requests the counter saw beyond the tokens taken (SDK retries, LRO polls, other users of the connection). */
  const reconcile = (sub: string) => {
    if (!baseline.has(sub)) baseline.set(sub, sent(sub));
    const actual = sent(sub) - baseline.get(sub)!;
    const extra = actual - (accounted.get(sub) ?? 0);
    if (extra > 0) {
      budget.charge(sub, extra);
      accounted.set(sub, actual);
    }
  };

  const interval = (w: WatchedResource) => (w.selected ? fastMs : slowMs);

  const runPoll = async (w: WatchedResource, cost: number) => {
    w.inFlight = true;
    inFlight += 1;
    try {
      const result = await pollResource(reads, w.kind, w.id, now, abort.signal);
      budget.refund(w.subscriptionId, cost - result.sent);
      accounted.set(w.subscriptionId, (accounted.get(w.subscriptionId) ?? 0) - (cost - result.sent));
      if (watched.get(normalizeId(w.id)) === w) w.apply(result, new Date(now()), log);
    } catch (e) {
      const pe = e instanceof PollError ? e : new PollError(e, cost);
      budget.refund(w.subscriptionId, cost - pe.sent);
      accounted.set(w.subscriptionId, (accounted.get(w.subscriptionId) ?? 0) - (cost - pe.sent));
      if (stopped) return;
      const c = classifyArmError(pe.original);
      if (c.kind === 'throttled') budget.backOff(w.subscriptionId, retryAfterMs(pe.original) ?? opts.defaultBackoffMs ?? 10_000);
      w.error = `${c.status ?? ''} ${c.code ?? c.kind}: ${c.message}`.trim();
    } finally {
      w.inFlight = false;
      inFlight -= 1;
      w.nextDue = now() + interval(w);
      reconcile(w.subscriptionId);
      if (!stopped) changed();
    }
  };

  const tick = () => {
    if (stopped || paused) return;
    if (!isIdle && idleAfterMs > 0 && now() - lastActive >= idleAfterMs) {
      isIdle = true;
      changed();
    }
    if (isIdle) return;
    for (const sub of new Set([...watched.values()].map((w) => w.subscriptionId))) reconcile(sub);
    const due = [...watched.values()]
      .filter((w) => !w.inFlight && w.nextDue <= now())
      .sort((a, b) => Number(b.selected) - Number(a.selected) || a.nextDue - b.nextDue);
    let dirty = false;
    for (const w of due) {
      if (inFlight >= concurrency) break;
      const cost = REQUESTS_PER_POLL[w.kind];
      if (!budget.tryTake(w.subscriptionId, cost)) {
        if (!w.waiting) {
          w.waiting = true;
          skipped += 1;
          dirty = true;
        }
        continue;
      }
      accounted.set(w.subscriptionId, (accounted.get(w.subscriptionId) ?? 0) + cost);
      if (w.waiting) dirty = true;
      w.waiting = false;
      void runPoll(w, cost);
    }
    if (dirty) changed();
  };

  const timer = setInterval(tick, opts.tickMs ?? 250);
  timer.unref?.();

  const select = (selectedId: string | undefined) => {
    const key = selectedId ? normalizeId(selectedId) : undefined;
    for (const [k, w] of watched) {
      const was = w.selected;
      w.selected = k === key;
      // A newly selected resource polls at once; fast polling must not wait for the slow schedule.
      if (w.selected && !was) w.nextDue = Math.min(w.nextDue, now());
    }
    changed();
  };

  return {
    watch(items, selectedId) {
      const keep = new Map<string, WatchedResource>();
      for (const item of items) {
        const key = normalizeId(item.id);
        const kind = KIND_BY_TYPE[canonicalType(item.type ?? '')];
        if (!kind || keep.has(key)) continue;
        keep.set(key, watched.get(key) ?? new WatchedResource(item.id, item.name ?? item.id.split('/').pop()!, kind, opts.historySize ?? 60));
      }
      watched.clear();
      for (const [k, w] of keep) watched.set(k, w);
      select(selectedId);
      queueMicrotask(tick);
      return watched.size;
    },
    select(selectedId) {
      select(selectedId);
      queueMicrotask(tick);
    },
    snapshot() {
      if (cached) return cached;
      const backoff: Record<string, Date> = {};
      const resources: StatusSnapshot['resources'] = {};
      for (const [k, w] of watched) {
        resources[k] = w.toStatus();
        const until = budget.blockedUntil(w.subscriptionId);
        if (until !== undefined) backoff[w.subscriptionId] = new Date(until);
      }
      const unack = log.unacknowledged();
      const all = log.list();
      cached = {
        resources,
        paused,
        idle: isIdle,
        unacknowledged: unack.length,
        ...(all.length ? { latestEvent: all[all.length - 1] } : {}),
        backoff,
        requests: [...accounted.values()].reduce((a, b) => a + b, 0),
        skipped,
      };
      return cached;
    },
    events: () => log.list(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onEvent: (listener) => log.subscribe(listener),
    acknowledge(seq) {
      log.acknowledge(seq);
      changed();
    },
    pause() {
      paused = true;
      changed();
    },
    resume() {
      paused = false;
      lastActive = now();
      changed();
      queueMicrotask(tick);
    },
    idle() {
      isIdle = true;
      changed();
    },
    active() {
      lastActive = now();
      if (isIdle) {
        isIdle = false;
        changed();
        queueMicrotask(tick);
      }
    },
    stop() {
      stopped = true;
      clearInterval(timer);
      abort.abort();
      listeners.clear();
    },
    requestCount: () => [...accounted.values()].reduce((a, b) => a + b, 0),
  };
}
