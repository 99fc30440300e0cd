import { randomUUID } from 'node:crypto';

/** One long-running operation the emulator is tracking. */
export interface Operation {
  id: string;
  subscriptionId: string;
  /** Status polls left before the operation completes. */
  pollsLeft: number;
  status: 'InProgress' | 'Succeeded' | 'Failed';
  error?: { code: string; message: string };
  /** Body of a finished POST action (ARP table, BGP peers...), returned by the Location poll. */
  result?: unknown;
  /** Runs once when the operation completes (success or failure). */
  onDone?: (status: 'Succeeded' | 'Failed') => void;
  startedAt: number;
}

/** Polls a write or action needs before it finishes; small so SDK tests stay fast, above 1 so pollers really poll. */
export const DEFAULT_POLLS = 2;

/** Tracks async operations; status advances per poll (never by wall time) so tests are deterministic. */
export class OperationTracker {
  private readonly ops = new Map<string, Operation>();

  constructor(private readonly polls = DEFAULT_POLLS) {}

  /** Starts an operation; `fail` makes it end Failed with that error. */
  start(
    subscriptionId: string,
    opts: { fail?: { code: string; message: string }; result?: unknown; onDone?: Operation['onDone'] } = {},
  ): Operation {
    const op: Operation = {
      id: randomUUID(),
      subscriptionId,
      pollsLeft: this.polls,
      status: 'InProgress',
      error: opts.fail,
      result: opts.result,
      onDone: opts.onDone,
      startedAt: Date.now(),
    };
    this.ops.set(op.id, op);
    return op;
  }

  /** Advances an operation by one poll and returns it (undefined when unknown). */
  poll(id: string): Operation | undefined {
    const op = this.ops.get(id.toLowerCase());
    if (!op || op.status !== 'InProgress') return op;
    op.pollsLeft -= 1;
    if (op.pollsLeft <= 0) {
      op.status = op.error ? 'Failed' : 'Succeeded';
      op.onDone?.(op.status);
    }
    return op;
  }

  /** Absolute URL of the Azure-AsyncOperation status resource. */
  static statusUrl(endpoint: string, op: Operation, location: string, apiVersion: string): string {
    return `${endpoint}/subscriptions/${op.subscriptionId}/providers/Microsoft.Network/locations/${encodeURIComponent(location)}/operations/${op.id}?api-version=${apiVersion}`;
  }

  /** Absolute URL of the Location (operation result) resource. */
  static resultUrl(endpoint: string, op: Operation, location: string, apiVersion: string): string {
    return `${endpoint}/subscriptions/${op.subscriptionId}/providers/Microsoft.Network/locations/${encodeURIComponent(location)}/operationResults/${op.id}?api-version=${apiVersion}`;
  }
}
