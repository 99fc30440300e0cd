import { parseArmId } from '../arm/arm-id.js';
import type { EventLog } from './events.js';
import { STATUS_FIELDS, type PollResult } from './poll-once.js';
import { RingBuffer, rateBetween, type CounterSample, type RateSample } from './rates.js';
import type { ResourceStatus, WatchKind } from './types.js';

/** Mutable poll state of one watched resource; the monitor turns it into an immutable ResourceStatus for the UI. */
export class WatchedResource {
  readonly subscriptionId: string;
  readonly history: RingBuffer<RateSample>;
  fields: Record<string, string> = {};
  lastCounters?: CounterSample;
  lastUpdated?: Date;
  error?: string;
  nextDue = 0;
  inFlight = false;
  waiting = false;
  selected = false;

  constructor(
    readonly id: string,
    readonly name: string,
    readonly kind: WatchKind,
    historySize: number,
  ) {
    this.subscriptionId = (parseArmId(id).subscriptionId ?? '').toLowerCase();
    this.history = new RingBuffer(historySize);
  }

  /** Folds a successful poll in: rate from the previous counters, and one event per changed state field. */
  apply(result: PollResult, at: Date, events: EventLog): void {
    if (result.counters) {
      const rate = this.lastCounters ? rateBetween(this.lastCounters, result.counters) : undefined;
      if (rate) this.history.push(rate);
      this.lastCounters = result.counters;
    }
    for (const [field, to] of Object.entries(result.fields)) {
      const from = this.fields[field];
      // The first sample is the baseline: only transitions observed while watching become events.
      if (from !== undefined && from !== to) {
        events.add({ at, resourceId: this.id, name: this.name, kind: this.kind, field, from, to });
      }
    }
    this.fields = { ...this.fields, ...result.fields };
    this.lastUpdated = at;
    this.error = undefined;
  }

  /** Immutable view for the snapshot. */
  toStatus(): ResourceStatus {
    const samples = this.history.toArray();
    const last = samples[samples.length - 1];
    const headline = STATUS_FIELDS[this.kind].map((f) => this.fields[f]).find((v) => v !== undefined);
    return {
      id: this.id,
      name: this.name,
      kind: this.kind,
      ...(headline !== undefined ? { status: headline } : {}),
      fields: { ...this.fields },
      ...(last ? { inBps: last.inBps, outBps: last.outBps } : {}),
      series: { in: samples.map((s) => s.inBps), out: samples.map((s) => s.outBps) },
      ...(this.lastCounters ? { counters: { inBytes: this.lastCounters.inBytes, outBytes: this.lastCounters.outBytes } } : {}),
      ...(this.lastUpdated ? { lastUpdated: this.lastUpdated } : {}),
      ...(this.error ? { error: this.error } : {}),
      selected: this.selected,
      waiting: this.waiting,
    };
  }
}
