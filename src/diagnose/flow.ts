import { classifyArmError } from '../arm/errors.js';
import type { Finding } from '../checks/types.js';
import type { ArmResource } from '../inventory/types.js';
import type { LiveReads } from '../status/live-reads.js';
import type { TopologyGraph } from '../topology/types.js';
import type { DiagnoseTarget } from './target.js';
import type { DiagnosisStep, StepId } from './types.js';

/** What a step function returns; the runner adds id and title. */
export type StepOutcome = Pick<DiagnosisStep, 'verdict' | 'evidence' | 'detail' | 'fault'>;

/** Shared state of one diagnosis run: inputs plus what earlier steps read (later steps reuse it, saving requests). */
export interface FlowState {
  reads: LiveReads;
  graph: TopologyGraph;
  target: DiagnoseTarget;
  findings: Finding[];
  sampleWindowMs: number;
  progress(stepId: StepId, message: string): void;
  /** Live circuit body (step 1), else the inventory body. */
  circuit?: ArmResource;
  /** Live peering body (step 2), else the inventory body. */
  peering?: ArmResource;
  /** Live gateway bodies by lower-cased id (step 6), reused by step 4's BGP check. */
  gateways: Map<string, ArmResource>;
}

/** A step body: reads live data through `state.reads`, honouring `signal`. */
export type StepFn = (state: FlowState, signal: AbortSignal) => Promise<StepOutcome>;

/** Result of a call that may fail without failing the step. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Awaits a call and captures its failure instead of throwing. */
export async function settle<T>(p: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await p };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Properties of a raw body. */
export function propsOf(body: ArmResource | undefined): Record<string, unknown> {
  return (body?.properties ?? {}) as Record<string, unknown>;
}

/** "could not run: …" text for a failed call, naming 403/429/timeout/abort the way the user acts on them. */
export function couldNotRun(e: unknown, signal?: AbortSignal): string {
  const reason = signal?.aborted ? (signal.reason as { name?: string } | undefined) : undefined;
  if (reason?.name === 'TimeoutError') return 'could not run: timed out';
  const name = (e as { name?: string } | undefined)?.name;
  if (signal?.aborted || name === 'AbortError') return 'could not run: aborted';
  const c = classifyArmError(e);
  const head = [c.status, c.code ?? c.kind].filter((x) => x !== undefined).join(' ');
  const msg = c.message.length > 160 ? `${c.message.slice(0, 157)}...` : c.message;
  return `could not run: ${head}: ${msg}`;
}

/** HTTP status of a failed call, when it has one. */
export function statusOf(e: unknown): number | undefined {
  const s = (e as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

/** The graph's (inventory) body for an id, when the graph has a real node. */
export function graphBody(state: FlowState, id: string | undefined): ArmResource | undefined {
  if (!id) return undefined;
  const key = id.toLowerCase().replace(/\/+$/, '');
  if (!state.graph.hasNode(key)) return undefined;
  const n = state.graph.getNodeAttributes(key);
  return n.stub ? undefined : n.body;
}

/** Sleeps `ms`, rejecting early when the signal aborts (shared with the inventory's quota waits). */
export { sleep } from '../sleep.js';
