import type { ArmConnection } from '../arm/clients.js';
import { normalizeId, parseArmId } from '../arm/arm-id.js';
import { getById } from '../arm/raw.js';
import { dedupeSorted, flattenAll } from './flatten.js';
import { compareIssues, forbiddenScopeOf, isAbort, issueFromError } from './issues.js';
import type { ArmResource, Inventory, InventoryIssue } from './types.js';

/** Ids probed per run at most: dangling references are rare, and a broken estate must not become a request storm. */
export const PROBE_LIMIT = 200;

type Outcome = { kind: 'found'; body: ArmResource } | { kind: 'missing' } | { kind: 'issue'; issue: InventoryIssue };

async function probe(conn: ArmConnection, id: string, signal?: AbortSignal): Promise<Outcome> {
  try {
    const res = await getById(conn, id, signal);
    if (res.status === 404) return { kind: 'missing' };
    if (res.status >= 200 && res.status < 300 && res.body && typeof res.body === 'object') return { kind: 'found', body: res.body as ArmResource };
    const e = (res.body as { error?: { code?: string; message?: string } } | undefined)?.error;
    const p = parseArmId(id);
    const scope = res.status === 403 ? `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroup}` : id;
    return { kind: 'issue', issue: issueFromError({ statusCode: res.status, code: e?.code, message: e?.message ?? `HTTP ${res.status}` }, scope, 'reference') };
  } catch (err) {
    if (isAbort(err, signal)) throw err;
    return { kind: 'issue', issue: issueFromError(err, id, 'reference') };
  }
}

/**
 * Resource Graph leaves out what the caller cannot read, without a sign, and can lag behind ARM. So before an id that
 * a resource references is shown as "missing", one ARM GET asks: 404 keeps it missing, 403 records its resource group
 * as forbidden (the stub becomes "no access"), 200 adds the resource ARG had not indexed yet. Returns the same
 * inventory object when nothing changed.
 */
export async function probeUnresolved(conn: ArmConnection, inv: Inventory, ids: readonly string[], signal?: AbortSignal): Promise<Inventory> {
  const forbidden = new Set(inv.forbiddenScopes);
  const wanted = [...new Map(ids.map((id) => [normalizeId(id), id])).values()]
    .filter((id) => /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\//i.test(id))
    .slice(0, PROBE_LIMIT);
  if (wanted.length === 0) return inv;
  const outcomes = await Promise.all(wanted.map((id) => probe(conn, id, signal)));
  const added: ArmResource[] = [];
  const issues: InventoryIssue[] = [];
  const folded = new Set<string>();
  for (const o of outcomes) {
    if (o.kind === 'found') added.push(...flattenAll([o.body]));
    if (o.kind !== 'issue') continue;
    const scope = normalizeId(o.issue.scope);
    if (folded.has(scope)) continue;
    folded.add(scope);
    issues.push(o.issue);
    if (o.issue.kind === 'forbidden') forbidden.add(forbiddenScopeOf(o.issue.scope));
  }
  if (added.length === 0 && issues.length === 0) return inv;
  return {
    ...inv,
    resources: dedupeSorted([...inv.resources, ...added]),
    issues: [...inv.issues, ...issues].sort(compareIssues),
    forbiddenScopes: [...forbidden].sort(),
  };
}
