import type { ResourceStore } from './store.js';

/** One scheduled change from the scenario: deep-merged into the resource's properties when due. */
export interface TimelineEvent {
  atSeconds: number;
  patch: { id: string; properties: Record<string, unknown> };
}

/** Emulator time in seconds: real elapsed time scaled by `timeScale`, plus whatever `advance()` added. */
export class EmulatorClock {
  private readonly startedAt = Date.now();
  private advanced = 0;

  constructor(private readonly timeScale = 1) {}

  /** Seconds since start on the emulator's scaled clock. */
  now(): number {
    return ((Date.now() - this.startedAt) / 1000) * this.timeScale + this.advanced;
  }

  /** Moves the clock forward deterministically (tests). */
  advance(seconds: number): void {
    this.advanced += seconds;
  }
}

/** Applies due timeline events to the store; called before every request and after `advance()`. */
export class Timeline {
  private readonly pending: TimelineEvent[];
  /** Events already applied, in order (tests and the request log read this). */
  readonly applied: TimelineEvent[] = [];

  constructor(
    events: TimelineEvent[],
    private readonly store: ResourceStore,
    private readonly clock: EmulatorClock,
  ) {
    this.pending = [...events].sort((a, b) => a.atSeconds - b.atSeconds);
  }

  /** Applies every event whose time has come; returns how many were applied. */
  tick(): number {
    const now = this.clock.now();
    let n = 0;
    while (this.pending.length > 0 && this.pending[0]!.atSeconds <= now) {
      const ev = this.pending.shift()!;
      this.store.patch(ev.patch.id, ev.patch.properties);
      this.applied.push(ev);
      n += 1;
    }
    return n;
  }
}
