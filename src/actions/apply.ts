import { randomUUID } from 'node:crypto';
import { classifyArmError } from '../arm/errors.js';
import { ErscopeError } from '../errors.js';
import type { ArmResource } from '../inventory/types.js';
import { redactText } from '../redact.js';
import { appendAudit } from './audit.js';
import { diffBodies } from './diff.js';
import { props } from './graph-query.js';
import { authorizationKeyOf } from './kinds/authorization.js';
import { mergePatch } from './merge.js';
import { rebasePlan, type ActionPlan } from './plan.js';
import { operations, type ApplyProgress, type OperationTracker, type TrackedOperation } from './tracker.js';
import type { PlannedRequest } from './types.js';
import type { Writer } from './writer.js';
import { isLostAnswer, readBack } from './write-outcome.js';

/** Proof that the user typed the resource name for this exact plan. */
export interface Confirmation {
  planId: string;
  name: string;
}

/** A secret the user must see exactly once (new authorization key, generated VPN shared key); never logged or stored. */
export interface Reveal {
  label: string;
  value: string;
  revealOnce: true;
}

/** How an apply ended. A conflict or failure keeps the plan so the caller can re-plan or retry. */
export type ApplyResult =
  | { status: 'succeeded'; plan: ActionPlan; resource: ArmResource; reveal?: Reveal }
  | { status: 'conflict'; plan: ActionPlan; current?: ArmResource; changes: string[]; message: string; keyFromPrerequisite?: string }
  | { status: 'failed'; plan: ActionPlan; code: string; message: string; httpStatus?: number; keyFromPrerequisite?: string };

/** Hooks and context for one apply. */
export interface ApplyOptions {
  onProgress?: (p: ApplyProgress) => void;
  /** Stops waiting (ARM keeps running the operation); the result is then failed/Aborted. */
  signal?: AbortSignal;
  tracker?: OperationTracker;
  /** Label of the source for the audit log ("azure", "emulator https://127.0.0.1:PORT"). */
  source?: string;
  /** Environment for the audit path (tests point ERSCOPE_STATE_DIR at a temp dir). */
  env?: NodeJS.ProcessEnv;
}

/** Checks the typed name against the plan; a mismatch is a user error and nothing is written. */
export function confirmPlan(plan: ActionPlan, typedName: string): Confirmation {
  if (typedName !== plan.confirmName) {
    throw new ErscopeError(`confirmation "${typedName}" does not match: type the resource name "${plan.confirmName}" exactly to apply this plan`);
  }
  return { planId: plan.id, name: typedName };
}

/** "The long-running operation has failed. CODE. message" (the SDK's plain Error for a Failed LRO) → code and message. */
export function parseLroFailure(message: string): { code: string; message: string } | undefined {
  const m = /long-running operation has failed\.\s*([A-Za-z][\w.]*)\.\s*([\s\S]*)$/i.exec(message);
  if (!m) return undefined;
  return { code: m[1]!.replace(/\.$/, ''), message: m[2]!.trim() || m[1]! };
}

/** Starts the apply as a tracked operation and returns its handle (the UI may leave and re-attach via the tracker). */
export function startApply(writer: Writer, plan: ActionPlan, confirmation: Confirmation, opts: ApplyOptions = {}): TrackedOperation {
  if (confirmation.planId !== plan.id || confirmation.name !== plan.confirmName) {
    throw new ErscopeError(`this confirmation was given for another plan: confirm "${plan.confirmName}" again before applying`);
  }
  const tracker = opts.tracker ?? operations;
  const id = randomUUID();
  return tracker.start(id, plan, (progress) =>
    run(writer, plan, { ...opts, onProgress: (p) => { progress({ ...p, operationId: id }); opts.onProgress?.({ ...p, operationId: id }); } }),
  );
}

/** Applies a confirmed plan: PUT with If-Match, LRO progress, 412 → conflict, Failed LRO → code and message; every write audited. */
export function applyPlan(writer: Writer, plan: ActionPlan, confirmation: Confirmation, opts: ApplyOptions = {}): Promise<ApplyResult> {
  return startApply(writer, plan, confirmation, opts).done;
}

type Step = { ok: true; resource: ArmResource } | { ok: false; result: ApplyResult };

async function run(writer: Writer, plan: ActionPlan, opts: ApplyOptions): Promise<ApplyResult> {
  const steps = plan.prerequisites.length + 1;
  let key: string | undefined;
  for (const [i, pre] of plan.prerequisites.entries()) {
    const r = await send(writer, plan, pre, last(pre), i + 1, steps, opts);
    if (!r.ok) return r.result;
    if (plan.keyFrom && pre.targetId.toLowerCase() === plan.keyFrom.toLowerCase()) key = authorizationKeyOf(r.resource);
  }
  const main = last(plan);
  let body = main.body as Record<string, unknown>;
  if (plan.keyFrom) {
    if (!key) return { status: 'failed', plan, code: 'AuthorizationKeyUnavailable', message: `the new authorization ${plan.keyFrom} returned no key; read it from the circuit and re-plan with it` };
    body = mergePatch(body, { properties: { authorizationKey: key } });
  }
  const r = await send(writer, plan, plan, { ...main, body }, steps, steps, opts);
  if (!r.ok) return key ? { ...r.result, keyFromPrerequisite: key } as ApplyResult : r.result;
  return { status: 'succeeded', plan, resource: r.resource, ...revealFor(plan, r.resource, body) };
}

function last(plan: ActionPlan): PlannedRequest {
  return plan.requests[plan.requests.length - 1]!;
}

function revealFor(plan: ActionPlan, resource: ArmResource, body: Record<string, unknown>): { reveal?: Reveal } {
  if (!plan.revealOnce) return {};
  if (plan.kind === 'authorization') {
    const k = authorizationKeyOf(resource);
    return k ? { reveal: { label: `authorization key of ${resource.name ?? plan.confirmName}`, value: k, revealOnce: true } } : {};
  }
  const links = props(body as never).vpnLinkConnections as Array<{ properties?: { sharedKey?: string } }> | undefined;
  const k = links?.[0]?.properties?.sharedKey;
  return k ? { reveal: { label: `shared key of ${plan.confirmName} (configure it on your VPN device)`, value: k, revealOnce: true } } : {};
}

async function send(writer: Writer, owner: ActionPlan, plan: ActionPlan, req: PlannedRequest, step: number, steps: number, opts: ApplyOptions): Promise<Step> {
  const started = Date.now();
  // The If-Match actually sent (a create or an etag-less base takes it from a fresh read): the audit records that one.
  let ifMatch = req.ifMatch;
  const audit = (result: Parameters<typeof appendAudit>[0]['result']) =>
    appendAudit({
      time: new Date().toISOString(),
      principal: writer.principal(),
      source: opts.source ?? writer.conn.endpoint,
      planId: owner.id,
      title: plan.title,
      request: { method: req.method, url: req.url, ...(ifMatch ? { ifMatch } : {}), body: req.body },
      result,
    }, opts.env);
  try {
    if (!ifMatch && plan.operation === 'create') {
      // A create must not overwrite something created meanwhile; a Failed leftover of our own earlier try is retried in place.
      const current = await writer.read(plan.targetId);
      if (current && String(props(current).provisioningState) !== 'Failed') {
        audit({ status: 'conflict', code: 'AlreadyExists' });
        return { ok: false, result: { status: 'conflict', plan: owner, current, changes: diffBodies(undefined, current), message: `${plan.targetId} was created by someone else after the plan was made; re-plan to update it instead` } };
      }
      ifMatch = current?.etag;
    }
    if (!ifMatch && plan.operation === 'update' && plan.base && !plan.base.etag) {
      // The base came without an etag (a Resource Graph copy, which can also lag): compare it with ARM now and send
      // the fresh etag, so a concurrent or unseen change stops the write instead of being overwritten.
      const current = await writer.read(plan.targetId);
      const changes = current ? diffBodies(plan.base, current) : [];
      if (!current || changes.length > 0) {
        audit({ status: 'conflict', code: current ? 'ChangedSinceRead' : 'NotFound' });
        const message = current
          ? `${plan.confirmName} differs in ARM from the copy the plan was made from (Resource Graph copies can lag); nothing was written: re-plan from the current body and review the new diff`
          : `${plan.confirmName} no longer exists in ARM; nothing was written`;
        return { ok: false, result: { status: 'conflict', plan: owner, ...(current ? { current } : {}), changes: diffBodies(plan.base, current), message } };
      }
      ifMatch = current.etag;
    }
    opts.onProgress?.({ operationId: '', planId: owner.id, step, steps, targetId: plan.targetId, state: 'Sending', elapsedMs: 0 });
    const resource = await writer.put(plan.targetId, req.body as Record<string, unknown>, {
      ...(ifMatch ? { ifMatch } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      onProgress: (p) => opts.onProgress?.({ operationId: '', planId: owner.id, step, steps, targetId: plan.targetId, state: p.state, elapsedMs: Date.now() - started }),
    });
    audit({ status: 'succeeded', code: String(props(resource).provisioningState ?? 'Succeeded') });
    return { ok: true, resource };
  } catch (e) {
    if (isLostAnswer(e)) {
      // ARM's answer was lost, not refused: read the target back before saying anything was or was not written.
      const back = await readBack((id) => writer.read(id), plan.targetId, plan.operation === 'create', ifMatch);
      if ('landed' in back && back.landed) {
        audit({ status: 'succeeded', code: 'ConfirmedByReadBack' });
        return { ok: true, resource: back.resource };
      }
      if ('unknown' in back) {
        const code = (e as { code?: string }).code ?? 'AnswerLost';
        const message = `ARM's answer was lost (${redactText(String((e as Error)?.message ?? e).split('\n')[0] ?? '')}) and reading ${plan.confirmName} back failed too (${redactText(back.unknown)}): the write may or may not have been applied; check with \`erscope inventory\` before running it again`;
        audit({ status: 'failed', code: `${code}:OutcomeUnknown`, message });
        return { ok: false, result: { status: 'failed', plan: owner, code: 'OutcomeUnknown', message } };
      }
    }
    return { ok: false, result: await failure(writer, owner, plan, e, audit) };
  }
}

async function failure(writer: Writer, owner: ActionPlan, plan: ActionPlan, e: unknown, audit: (r: Parameters<typeof appendAudit>[0]['result']) => void): Promise<ApplyResult> {
  const c = classifyArmError(e);
  if (c.kind === 'precondition') {
    const current = await writer.read(plan.targetId).catch(() => undefined);
    audit({ status: 'conflict', httpStatus: 412, code: c.code ?? 'PreconditionFailed' });
    return { status: 'conflict', plan: owner, ...(current ? { current } : {}), changes: diffBodies(plan.base, current), message: `${plan.confirmName} changed after the plan was made (etag mismatch); nothing was written: re-plan and review the new diff` };
  }
  if ((e as { name?: string })?.name === 'AbortError') {
    audit({ status: 'failed', code: 'Aborted' });
    return { status: 'failed', plan: owner, code: 'Aborted', message: 'stopped waiting; the operation may still finish in Azure: refresh to see its state' };
  }
  const lro = parseLroFailure(String((e as Error)?.message ?? ''));
  const code = lro?.code ?? c.code ?? 'Failed';
  const message = redactText(lro?.message ?? c.message);
  audit({ status: 'failed', ...(c.status ? { httpStatus: c.status } : {}), code, message });
  return { status: 'failed', plan: owner, code, message, ...(c.status ? { httpStatus: c.status } : {}) };
}

/**
 * Re-plans after a conflict or failure: re-reads the target and re-applies the plan's intended change to the fresh body
 * (so a concurrent change to other fields is kept); a key already minted by a prerequisite is reused, not minted again.
 */
export async function replan(reader: Pick<Writer, 'read'>, plan: ActionPlan, previous?: ApplyResult): Promise<ActionPlan> {
  const current = await reader.read(plan.targetId);
  const minted = previous && previous.status !== 'succeeded' ? previous.keyFromPrerequisite : undefined;
  if (!minted) return rebasePlan(plan, current);
  const { keyFrom: _used, ...rest } = plan;
  return rebasePlan({ ...rest, prerequisites: [], patch: mergePatch(plan.patch, { properties: { authorizationKey: minted } }) }, current);
}
