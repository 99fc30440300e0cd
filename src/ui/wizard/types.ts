import type { ApplyResult } from '../../actions/apply.js';
import type { ActionKind, ActionPlan } from '../../actions/plan.js';
import type { OperationTracker, TrackedOperation } from '../../actions/tracker.js';
import type { VerifyResult } from '../../actions/verify.js';
import type { Finding } from '../../checks/types.js';
import type { TopologyGraph } from '../../topology/types.js';

/**
 * The connection-bound half of writing, injected by the CLI (src/cli/explorer-write.ts): the UI plans with pure
 * functions from src/actions and calls these for everything that talks to ARM.
 */
export interface WriteBackend {
  /** --dry-run: plans are reviewed but never sent; no writer is ever built. */
  readonly dryRun: boolean;
  /** Every apply of the session; operations outlive the screen that started them. */
  readonly tracker: OperationTracker;
  /** Switches the session to write mode (builds the writer); throws a user error when writing is impossible here. */
  enable(): void;
  /** True once a writer exists (never in read-only sessions). */
  writerReady(): boolean;
  /** Decides the plan's RBAC pre-flight rows from fresh permissions. */
  preflight(plan: ActionPlan): Promise<ActionPlan>;
  /** Checks the typed name and starts the apply as a tracked operation; a wrong name throws and nothing is sent. */
  start(plan: ActionPlan, typedName: string): TrackedOperation;
  /** Re-reads the target after a conflict or failure and rebuilds the plan over the fresh body. */
  replan(plan: ActionPlan, previous?: ApplyResult): Promise<ActionPlan>;
  /** Re-reads the written resource and its neighbours and re-runs the checks. */
  verify(result: ApplyResult, graph: TopologyGraph): Promise<VerifyResult>;
}

/** How the verify step of one finished operation is going. */
export type VerifyView = { status: 'running' } | { status: 'done'; result: VerifyResult } | { status: 'error'; message: string };

/** A field answer being edited: text draft, list cursor, secret visibility. */
export interface StepEdit {
  step: number;
  cursor: number;
  draft: string;
  show: boolean;
}

/** Where the write flow is; absent = the normal explorer is in charge of the screen and keys. */
export type WriteScreen =
  | { kind: 'enable'; draft: string; error?: string }
  | { kind: 'pick'; cursor: number; selection?: string }
  | ({ kind: 'wizard'; action: ActionKind; values: Record<string, string>; error?: string; selection?: string } & StepEdit)
  | { kind: 'fix'; finding: Finding; cursor: number; error?: string }
  | { kind: 'review'; plan: ActionPlan; back?: WriteScreen; confirm: string; offset: number; checking: boolean; error?: string }
  | { kind: 'op'; opId: string; offset: number; error?: string; busy?: boolean }
  | { kind: 'ops'; cursor: number };

/** The write session: the live mode, the open screen, verify results and which one-time secrets were already shown. */
export interface WriteState {
  mode: 'read-only' | 'write';
  screen?: WriteScreen;
  verify: Record<string, VerifyView>;
  /** Operation ids whose secret was shown and then left: it is never shown again. */
  revealed: string[];
  /** Bumped on every tracker event so screens re-render progress. */
  opsVersion: number;
}
