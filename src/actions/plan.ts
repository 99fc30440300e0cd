import { randomUUID } from 'node:crypto';
import type { ArmResource } from '../inventory/types.js';
import { diffBodies } from './diff.js';
import { mergePatch, putBodyFrom } from './merge.js';
import type { Plan, PreflightResult } from './types.js';

/** The creatable kinds, one builder file each under kinds/. */
export type ActionKind = 'connection' | 'er-connection' | 'global-reach' | 'peering' | 'vpn-connection' | 'authorization';

/** api-version @azure/arm-network 36 sends for every Microsoft.Network write erscope makes (measured, platform-notes §2). */
export const NETWORK_API_VERSION = '2025-05-01';

/** An RBAC action the plan needs, on the scope it is checked at (a resource group or resource id). */
export interface RequiredAction {
  scope: string;
  action: string;
}

/** A plan that also carries what apply, re-plan and verify need: the base body, the intended change and the neighbours. */
export interface ActionPlan extends Plan {
  id: string;
  kind: ActionKind | 'fix';
  operation: 'create' | 'update';
  /** The current body the plan was made from (update only); its etag is the If-Match value. */
  base?: ArmResource;
  /** Merge patch over `base` for updates; the whole new body for creates. Re-planning re-applies it to the fresh body. */
  patch: Record<string, unknown>;
  /** Ids to re-read after apply (circuit, peering, gateway, hub...). */
  neighbours: string[];
  /** Things the user should know before confirming (weak key, equal weights, ...). */
  warnings: string[];
  /** Helpful facts about the result (router IPs of a /30, generated key length...). */
  notes: string[];
  /** Plans applied first in the same confirmed run (e.g. the authorization whose key this connection redeems). */
  prerequisites: ActionPlan[];
  /** When set, the main body's authorizationKey comes from the prerequisite authorization with this id. */
  keyFrom?: string;
  /** The created resource returns a secret the user must see exactly once (new authorization key). */
  revealOnce?: boolean;
  /** Form values the plan was built from, so a wizard can re-open it. */
  values: Record<string, string>;
  /** Rule the plan fixes (fix-in-place only). */
  fixes?: { ruleId: string; resourceId: string };
}

/** Inputs for assembling a plan from a builder's decisions. */
export interface PlanParts {
  kind: ActionPlan['kind'];
  title: string;
  targetId: string;
  confirmName: string;
  base?: ArmResource;
  patch: Record<string, unknown>;
  required: RequiredAction[];
  az: string;
  neighbours: string[];
  warnings?: string[];
  notes?: string[];
  prerequisites?: ActionPlan[];
  keyFrom?: string;
  revealOnce?: boolean;
  values: Record<string, string>;
  fixes?: ActionPlan['fixes'];
}

/** The ARM URL (path + api-version) for a resource id. */
export function armUrl(id: string): string {
  return `${id}?api-version=${NETWORK_API_VERSION}`;
}

/** The body that will be sent: the base with the patch merged (update) or the patch itself (create). */
export function bodyToSend(base: ArmResource | undefined, patch: Record<string, unknown>): Record<string, unknown> {
  return base ? putBodyFrom(base as Record<string, unknown>, patch) : mergePatch({}, patch);
}

/** Assembles a plan: the PUT with If-Match, the diff against the base, and the RBAC actions still to check. */
export function assemblePlan(p: PlanParts): ActionPlan {
  const body = bodyToSend(p.base, p.patch);
  const prerequisites = p.prerequisites ?? [];
  const preflight: PreflightResult[] = dedupe([...prerequisites.flatMap((x) => x.preflight), ...p.required.map((r) => ({ ...r, allowed: 'unknown' as const }))]);
  return {
    id: randomUUID(),
    kind: p.kind,
    operation: p.base ? 'update' : 'create',
    title: p.title,
    confirmName: p.confirmName,
    targetId: p.targetId,
    requests: [
      ...prerequisites.flatMap((x) => x.requests),
      { method: 'PUT', url: armUrl(p.targetId), body, ...(p.base?.etag ? { ifMatch: p.base.etag } : {}) },
    ],
    diff: diffBodies(p.base ? stripServerFields(p.base) : undefined, body),
    preflight,
    az: [...prerequisites.map((x) => x.az), p.az].join('\n'),
    ...(p.base ? { base: p.base } : {}),
    patch: p.patch,
    neighbours: p.neighbours,
    warnings: [
      ...prerequisites.flatMap((x) => x.warnings),
      ...(p.warnings ?? []),
      ...(p.base && !p.base.etag ? ['read from Resource Graph (no etag): re-read from ARM before writing, sent with that etag, stopped if anything changed'] : []),
    ],
    notes: p.notes ?? [],
    prerequisites,
    ...(p.keyFrom ? { keyFrom: p.keyFrom } : {}),
    ...(p.revealOnce ? { revealOnce: true } : {}),
    values: p.values,
    ...(p.fixes ? { fixes: p.fixes } : {}),
  };
}

/** Rebuilds an update plan over a fresh body (after a 412), keeping the user's intended change and everything else. */
export function rebasePlan(plan: ActionPlan, current: ArmResource | undefined): ActionPlan {
  const body = bodyToSend(current, plan.patch);
  const main = { method: 'PUT' as const, url: armUrl(plan.targetId), body, ...(current?.etag ? { ifMatch: current.etag } : {}) };
  return {
    ...plan,
    id: randomUUID(),
    operation: current ? 'update' : 'create',
    ...(current ? { base: current } : { base: undefined }),
    requests: [...plan.prerequisites.flatMap((x) => x.requests), main],
    diff: diffBodies(current ? stripServerFields(current) : undefined, body),
  };
}

/** The body as the user would compare it: the same server-owned fields bodyToSend drops. */
function stripServerFields(b: ArmResource): ArmResource {
  const copy = { ...b };
  delete copy.etag;
  return copy;
}

function dedupe(rows: PreflightResult[]): PreflightResult[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = `${r.scope.toLowerCase()}|${r.action.toLowerCase()}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
