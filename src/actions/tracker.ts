import type { ApplyResult } from './apply.js';
import type { ActionPlan } from './plan.js';

/** Progress of one apply, as the UI shows it: which request, ARM's state word, elapsed time. */
export interface ApplyProgress {
  operationId: string;
  planId: string;
  /** 1-based index of the request being sent, and how many the plan has (prerequisites first). */
  step: number;
  steps: number;
  targetId: string;
  state: string;
  elapsedMs: number;
}

/** One running or finished apply; `done` lets a UI that left and came back re-attach to the outcome. */
export interface TrackedOperation {
  id: string;
  plan: ActionPlan;
  startedAt: number;
  status: 'running' | ApplyResult['status'];
  last?: ApplyProgress;
  result?: ApplyResult;
  done: Promise<ApplyResult>;
}

type Listener = (op: TrackedOperation) => void;

/** Keeps every apply of the session, so an operation outlives the screen that started it (list/get/subscribe). */
export class OperationTracker {
  private readonly ops = new Map<string, TrackedOperation>();
  private readonly listeners = new Set<Listener>();

  /** Every operation, newest first. */
  list(): TrackedOperation[] {
    return [...this.ops.values()].sort((a, b) => b.startedAt - a.startedAt);
  }

  /** One operation by id. */
  get(id: string): TrackedOperation | undefined {
    return this.ops.get(id);
  }

  /** Called on every change (progress or completion); returns the unsubscribe function. */
  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  }

  /** Registers an operation whose work is `run`; progress/completion are fed back through the returned handles. */
  start(id: string, plan: ActionPlan, run: (progress: (p: ApplyProgress) => void) => Promise<ApplyResult>): TrackedOperation {
    const op: TrackedOperation = { id, plan, startedAt: Date.now(), status: 'running', done: Promise.resolve(undefined as never) };
    this.ops.set(id, op);
    op.done = run((p) => {
      op.last = p;
      this.emit(op);
    }).then(
      (result) => {
        op.result = result;
        op.status = result.status;
        this.emit(op);
        return result;
      },
      (err: unknown) => {
        const result: ApplyResult = { status: 'failed', plan, code: 'ClientError', message: err instanceof Error ? err.message : String(err) };
        op.result = result;
        op.status = 'failed';
        this.emit(op);
        return result;
      },
    );
    this.emit(op);
    return op;
  }

  private emit(op: TrackedOperation): void {
    for (const fn of this.listeners) {
      try {
        fn(op);
      } catch {
        // A broken listener must not stop the write or other listeners.
      }
    }
  }
}

/** The session's tracker (one per process), used when the caller passes none. */
export const operations = new OperationTracker();
