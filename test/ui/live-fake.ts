import type { LiveMonitor } from '../../src/ui/backend.js';
import type { StatusEvent } from '../../src/status/events.js';
import type { ResourceStatus, StatusSnapshot, WatchItem } from '../../src/status/types.js';
import type { Diagnosis, StepId } from '../../src/diagnose/types.js';
import { fixtureBackend, fixtureData } from './fixture.js';

/** A test double of the UI's LiveMonitor interface: records what the UI asks and serves a scripted snapshot. */
export class FakeMonitor implements LiveMonitor {
  resources: Record<string, ResourceStatus> = {};
  log: StatusEvent[] = [];
  ackedThrough = 0;
  paused = false;
  isIdle = false;
  watched: Array<{ ids: string[]; selected?: string }> = [];
  selected: Array<string | undefined> = [];
  activeCalls = 0;
  stopped = 0;
  private cached?: StatusSnapshot;
  private readonly listeners = new Set<() => void>();

  /** Publishes a change (a new snapshot object, as the real monitor does). */
  emit(): void {
    this.cached = undefined;
    for (const l of [...this.listeners]) l();
  }

  /** Sets the live state of one resource (by id, any case). */
  setStatus(id: string, s: Partial<ResourceStatus>): void {
    const key = id.toLowerCase();
    const base: ResourceStatus = this.resources[key] ?? { id, name: id.split('/').pop()!, kind: 'connection', fields: {}, series: { in: [], out: [] }, selected: false, waiting: false, lastUpdated: new Date(0) };
    this.resources[key] = { ...base, ...s };
    this.emit();
  }

  /** Appends an event (severity defaults to high). */
  addEvent(e: Partial<StatusEvent> & Pick<StatusEvent, 'resourceId' | 'at'>): void {
    this.log.push({ seq: this.log.length + 1, name: e.resourceId.split('/').pop()!, kind: 'connection', field: 'connectionStatus', from: 'Connected', to: 'NotConnected', severity: 'high', recovery: false, ...e });
    this.emit();
  }

  watch(items: WatchItem[], selectedId?: string): number {
    this.watched.push({ ids: items.map((i) => i.id), selected: selectedId });
    return items.length;
  }
  select(selectedId: string | undefined): void {
    this.selected.push(selectedId);
  }
  snapshot(): StatusSnapshot {
    const latest = this.log[this.log.length - 1];
    this.cached ??= {
      resources: { ...this.resources },
      paused: this.paused,
      idle: this.isIdle,
      unacknowledged: this.log.filter((e) => e.seq > this.ackedThrough).length,
      ...(latest ? { latestEvent: latest } : {}),
      backoff: {},
      requests: 0,
      skipped: 0,
    };
    return this.cached;
  }
  events(): StatusEvent[] {
    return this.log.slice();
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  acknowledge(seq?: number): void {
    this.ackedThrough = seq ?? this.log.length;
    this.emit();
  }
  pause(): void {
    this.paused = true;
    this.emit();
  }
  resume(): void {
    this.paused = false;
    this.emit();
  }
  idle(): void {
    this.isIdle = true;
    this.emit();
  }
  active(): void {
    this.activeCalls += 1;
  }
  stop(): void {
    this.stopped += 1;
  }
}

/** Id of a fixture resource by name. */
export function fixtureId(name: string): string {
  let id = '';
  fixtureData().graph.forEachNode((_k, a) => {
    if (a.name === name && !a.stub) id = a.id;
  });
  if (!id) throw new Error(`no fixture resource ${name}`);
  return id;
}

/** A scripted diagnosis run: the test drives progress and the result; `signal` is what the UI passed. */
export interface FakeDiagnose {
  fn: (resourceId: string, signal: AbortSignal, onProgress: (id: StepId, msg: string) => void) => Promise<Diagnosis>;
  calls: Array<{ resourceId: string; signal: AbortSignal; progress: (id: StepId, msg: string) => void }>;
  finish(d: Diagnosis): void;
}

/** A diagnose function that stays pending until `finish` (no timers, so the test decides every step). */
export function fakeDiagnose(): FakeDiagnose {
  let resolve: ((d: Diagnosis) => void) | undefined;
  const calls: FakeDiagnose['calls'] = [];
  return {
    calls,
    fn: (resourceId, signal, progress) => {
      calls.push({ resourceId, signal, progress });
      return new Promise<Diagnosis>((res) => (resolve = res));
    },
    finish: (d) => resolve?.(d),
  };
}

/** The fixture backend with a fake monitor and (optionally) a fake diagnose function. */
export function liveBackend(monitor: FakeMonitor, diagnose?: FakeDiagnose) {
  return { ...fixtureBackend(), source: { kind: 'emulator' as const, label: 'fake' }, live: { monitor }, ...(diagnose ? { diagnose: diagnose.fn } : {}) };
}
