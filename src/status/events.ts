import type { Severity } from '../checks/types.js';

/** One observed state change of a watched resource (a degradation or a recovery). */
export interface StatusEvent {
  /** Sequence number; increases by one per event, so the UI can key rows and track acknowledgement. */
  seq: number;
  at: Date;
  resourceId: string;
  name: string;
  /** Watched resource kind (connection, erConnection, circuit, peering). */
  kind: string;
  /** Which property changed: connectionStatus, state, provisioningState, serviceProviderProvisioningState, circuitProvisioningState. */
  field: string;
  from: string;
  to: string;
  severity: Severity;
  /** True when the change is back to a healthy value. */
  recovery: boolean;
}

/** Values that mean "working" per field; moving away from them is a degradation, moving to them a recovery. */
const HEALTHY: Record<string, string[]> = {
  connectionStatus: ['connected'],
  state: ['enabled'],
  provisioningState: ['succeeded'],
  serviceProviderProvisioningState: ['provisioned'],
  circuitProvisioningState: ['enabled'],
};

/** Values that are outright broken (high severity) rather than in-between (Connecting, Updating, Provisioning). */
const BROKEN = new Set(['notconnected', 'disabled', 'failed', 'notprovisioned', 'deprovisioning']);

/** Classifies a change: broken targets are high, in-between targets low, healthy targets an info-level recovery. */
export function classifyChange(field: string, from: string, to: string): { severity: Severity; recovery: boolean } {
  const healthy = HEALTHY[field] ?? [];
  const t = to.toLowerCase();
  if (healthy.includes(t)) return { severity: 'info', recovery: !healthy.includes(from.toLowerCase()) };
  if (BROKEN.has(t)) return { severity: 'high', recovery: false };
  return { severity: 'low', recovery: false };
}

/** Listener for new events. */
export type EventListener = (event: StatusEvent) => void;

/** Bounded, append-only log of status changes with acknowledgement (the header shows the unacknowledged count). */
export class EventLog {
  private readonly items: StatusEvent[] = [];
  private readonly listeners = new Set<EventListener>();
  private nextSeq = 1;
  private ackedThrough = 0;

  constructor(private readonly capacity = 500) {}

  /** Records a change and notifies subscribers; returns the stored event. */
  add(e: Omit<StatusEvent, 'seq' | 'severity' | 'recovery'> & Partial<Pick<StatusEvent, 'severity' | 'recovery'>>): StatusEvent {
    const cls = classifyChange(e.field, e.from, e.to);
    const event: StatusEvent = { ...e, severity: e.severity ?? cls.severity, recovery: e.recovery ?? cls.recovery, seq: this.nextSeq++ };
    this.items.push(event);
    if (this.items.length > this.capacity) this.items.shift();
    for (const l of this.listeners) l(event);
    return event;
  }

  /** Oldest-first copy of the retained events. */
  list(): StatusEvent[] {
    return this.items.slice();
  }

  /** Events newer than the last acknowledgement. */
  unacknowledged(): StatusEvent[] {
    return this.items.filter((e) => e.seq > this.ackedThrough);
  }

  /** Marks every event up to `seq` (default: all) as seen. */
  acknowledge(seq = this.nextSeq - 1): void {
    this.ackedThrough = Math.max(this.ackedThrough, seq);
  }

  /** Calls `listener` for each new event; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
