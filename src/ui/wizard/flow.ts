import type { Dispatch } from 'react';
import { PlanInputError } from '../../actions/fields.js';
import { planFix } from '../../actions/fix.js';
import { buildPlan, wizardOptions } from '../../actions/kinds/index.js';
import type { ActionPlan } from '../../actions/plan.js';
import type { TrackedOperation } from '../../actions/tracker.js';
import type { Finding } from '../../checks/types.js';
import { redactText } from '../../redact.js';
import type { TopologyGraph } from '../../topology/types.js';
import type { Action, UiState } from '../store.js';
import { patchScreen, show, type WriteStore } from './session.js';
import type { WriteBackend, WriteScreen } from './types.js';
import { editFor } from './wizard-model.js';

/** What the write flow needs from the explorer around it. */
export interface WriteEnv {
  store: WriteStore;
  writes?: WriteBackend;
  graph?: TopologyGraph;
  state: UiState;
  dispatch: Dispatch<Action>;
  quit(): void;
  copy(text: string, what: string): void;
  refresh(): void;
  /** Lines the write panel's scrolling part can show. */
  pageSize: number;
}

/** One line, secrets masked, for any error shown on screen. */
export function errorText(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return redactText(msg.split('\n')[0] ?? msg);
}

/** Shows the review of a plan and fills its RBAC rows in the background (a stale answer for another plan is dropped). */
export function openReview(env: WriteEnv, plan: ActionPlan, back?: WriteScreen): void {
  const writes = env.writes;
  show(env.store, { kind: 'review', plan, ...(back ? { back } : {}), confirm: '', offset: 0, checking: !!writes });
  if (!writes) return;
  writes.preflight(plan).then(
    (p) => patchScreen(env.store, 'review', (s) => (s.plan.id === plan.id ? { ...s, plan: p, checking: false } : s)),
    (e: unknown) => patchScreen(env.store, 'review', (s) => (s.plan.id === plan.id ? { ...s, checking: false, error: `RBAC pre-flight could not run: ${errorText(e)}` } : s)),
  );
}

/** Builds the wizard's plan; a bad field sends the user back to that field with its message. */
export function buildFromWizard(env: WriteEnv, w: Extract<WriteScreen, { kind: 'wizard' }>): void {
  if (!env.graph) return;
  try {
    openReview(env, buildPlan(env.graph, w.action, w.values), w);
  } catch (e) {
    if (e instanceof PlanInputError) {
      const fields = wizardOptions(env.graph, w.action, w.values);
      const [key, message] = Object.entries(e.errors)[0] ?? ['', e.message];
      const step = Math.max(0, fields.findIndex((f) => f.field.key === key));
      show(env.store, { ...w, ...editFor(fields, step), error: message });
      return;
    }
    show(env.store, { ...w, error: errorText(e) });
  }
}

/** Plans a fix (with the user's choice when the fix needs one) and opens its review. */
export function startFix(env: WriteEnv, finding: Finding, choice?: unknown, back?: WriteScreen): void {
  if (!env.graph) return;
  try {
    openReview(env, planFix(finding, env.graph, choice), back);
  } catch (e) {
    if (back?.kind === 'fix') show(env.store, { ...back, error: errorText(e) });
    else {
      show(env.store, undefined);
      env.dispatch({ type: 'message', text: `✖ ${errorText(e)}`, tone: 'error' });
    }
  }
}

/** Confirms with the typed name and starts the apply; a wrong name (or dry run) is a message and nothing is sent. */
export function confirmApply(env: WriteEnv, r: Extract<WriteScreen, { kind: 'review' }>): void {
  const writes = env.writes;
  if (!writes || writes.dryRun) {
    patchScreen(env.store, 'review', (s) => ({ ...s, error: 'dry run: nothing will be sent (restart without --dry-run to apply)' }));
    return;
  }
  let op: TrackedOperation;
  try {
    op = writes.start(r.plan, r.confirm);
  } catch (e) {
    patchScreen(env.store, 'review', (s) => ({ ...s, confirm: '', error: errorText(e) }));
    return;
  }
  show(env.store, { kind: 'op', opId: op.id, offset: 0 });
}

/** Re-reads the target after a conflict/failure and reviews the rebuilt plan. */
export function replanOp(env: WriteEnv, op: TrackedOperation): void {
  const writes = env.writes;
  if (!writes) return;
  patchScreen(env.store, 'op', (s) => ({ ...s, busy: true, error: undefined }));
  writes.replan(op.plan, op.result).then(
    (plan) => {
      const s = env.store.getState().screen;
      if (s?.kind === 'op' && s.opId === op.id) openReview(env, plan);
    },
    (e: unknown) => patchScreen(env.store, 'op', (s) => ({ ...s, busy: false, error: `re-plan failed: ${errorText(e)}` })),
  );
}

/** Verifies a succeeded operation once (whatever screen is open), then refreshes the explorer's data. */
export function verifyOnce(env: WriteEnv, op: TrackedOperation): void {
  const writes = env.writes;
  if (!writes || op.status !== 'succeeded' || !op.result || env.store.getState().verify[op.id] || !env.graph) return;
  const id = op.id;
  env.store.set((s) => ({ ...s, verify: { ...s.verify, [id]: { status: 'running' } } }));
  writes.verify(op.result, env.graph).then(
    (result) => {
      env.store.set((s) => ({ ...s, verify: { ...s.verify, [id]: { status: 'done', result } } }));
      env.refresh();
    },
    (e: unknown) => env.store.set((s) => ({ ...s, verify: { ...s.verify, [id]: { status: 'error', message: errorText(e) } } })),
  );
}

/** Leaves an operation page; a secret that was on screen is now spent and never shown again. */
export function leaveOp(env: WriteEnv, op: TrackedOperation | undefined): void {
  const spent = op?.status === 'succeeded' && op.result?.status === 'succeeded' && op.result.reveal;
  env.store.set((s) => ({ ...s, screen: undefined, revealed: spent && op ? [...s.revealed, op.id] : s.revealed }));
}
