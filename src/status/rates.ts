/** A pair of monotonically increasing byte counters read at one instant (ingress/egress, or summed primary+secondary). */
export interface CounterSample {
  /** Milliseconds since the epoch when the counters were read. */
  at: number;
  inBytes: number;
  outBytes: number;
}

/** Byte rates between two samples; `reset` marks that a counter went backwards (device restart, counter wrap). */
export interface RateSample {
  at: number;
  inBps: number;
  outBps: number;
  reset: boolean;
}

/**
 * Bytes per second between two counter samples. A counter that goes backwards is treated as restarted from zero
 * (the Prometheus convention), so the new value is the bytes moved since the reset; undefined when no time passed.
 */
export function rateBetween(prev: CounterSample, next: CounterSample): RateSample | undefined {
  const dt = (next.at - prev.at) / 1000;
  if (!(dt > 0)) return undefined;
  const dIn = next.inBytes >= prev.inBytes ? next.inBytes - prev.inBytes : next.inBytes;
  const dOut = next.outBytes >= prev.outBytes ? next.outBytes - prev.outBytes : next.outBytes;
  const reset = next.inBytes < prev.inBytes || next.outBytes < prev.outBytes;
  return { at: next.at, inBps: dIn / dt, outBps: dOut / dt, reset };
}

/** Fixed-capacity FIFO: the sparkline keeps the newest N samples without unbounded memory in a long-running TUI. */
export class RingBuffer<T> {
  private readonly items: T[] = [];

  constructor(readonly capacity: number) {
    if (!(capacity > 0)) throw new Error('RingBuffer capacity must be positive');
  }

  /** Appends, dropping the oldest item once full. */
  push(item: T): void {
    this.items.push(item);
    if (this.items.length > this.capacity) this.items.shift();
  }

  /** Oldest-first copy. */
  toArray(): T[] {
    return this.items.slice();
  }

  /** Most recent item. */
  last(): T | undefined {
    return this.items[this.items.length - 1];
  }

  get size(): number {
    return this.items.length;
  }
}

/** Sums primary and secondary counters of a circuit/peering stats body into one in/out pair. */
export function statsToCounters(stats: Record<string, unknown>, at: number): CounterSample {
  const n = (k: string) => (typeof stats[k] === 'number' ? (stats[k] as number) : 0);
  return { at, inBytes: n('primarybytesIn') + n('secondarybytesIn'), outBytes: n('primarybytesOut') + n('secondarybytesOut') };
}
