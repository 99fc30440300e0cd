import { normalizeId, parseArmId } from '../arm/arm-id.js';
import { redactText } from '../redact.js';
import type { InventoryIssue } from './types.js';

interface RestLike {
  statusCode?: number;
  code?: string;
  message?: string;
  name?: string;
}

/** True for the error an aborted signal produces; aborts propagate instead of becoming issues. */
export function isAbort(err: unknown, signal?: AbortSignal): boolean {
  return Boolean(signal?.aborted) || (err as RestLike)?.name === 'AbortError';
}

/** Turns a failed read into an InventoryIssue: 403 forbidden, 404 not-found, 429 throttled (retries exhausted), else failed. */
export function issueFromError(err: unknown, scope: string, family: string): InventoryIssue {
  const e = (err ?? {}) as RestLike;
  const status = e.statusCode;
  const kind: InventoryIssue['kind'] = status === 403 ? 'forbidden' : status === 404 ? 'not-found' : status === 429 ? 'throttled' : 'failed';
  const first = redactText(String(e.message ?? err).split('\n')[0] ?? '');
  const code = e.code ?? (status ? String(status) : undefined);
  return { scope, kind, family, ...(code ? { code } : {}), message: first.length > 300 ? `${first.slice(0, 297)}...` : first };
}

/** Issue order in every output: by scope, then family. */
export function compareIssues(a: InventoryIssue, b: InventoryIssue): number {
  return a.scope.localeCompare(b.scope) || (a.family ?? '').localeCompare(b.family ?? '');
}

/** The subscription or resource-group scope (lower-cased) that a forbidden read at `scope` shuts out. */
export function forbiddenScopeOf(scope: string): string {
  const p = parseArmId(scope);
  if (!p.subscriptionId) return normalizeId(scope);
  return normalizeId(p.resourceGroup ? `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroup}` : `/subscriptions/${p.subscriptionId}`);
}

/** Collects issues and forbidden scopes from concurrent readers; one forbidden subscription yields one issue, not one per family. */
export class IssueSink {
  private readonly list: InventoryIssue[] = [];
  private readonly forbidden = new Set<string>();

  /** Records a failed read, and for 403s its forbidden scope (not for the permissions API: that refusal hides no resources). */
  add(issue: InventoryIssue): void {
    this.list.push(issue);
    if (issue.kind === 'forbidden' && issue.family !== 'permissions') this.forbidden.add(forbiddenScopeOf(issue.scope));
  }

  /** Forbidden scopes, lower-cased, sorted. */
  forbiddenScopes(): string[] {
    return [...this.forbidden].sort();
  }

  /** Issues, with forbidden ones folded into the widest forbidden scope that covers them (sorted by scope for stable output). */
  issues(): InventoryIssue[] {
    const out: InventoryIssue[] = [];
    const folded = new Set<string>();
    for (const i of this.list) {
      if (i.kind === 'forbidden' && i.family !== 'permissions') {
        const scope = forbiddenScopeOf(i.scope);
        const sub = scope.split('/resourcegroups/')[0]!;
        const widest = this.forbidden.has(sub) ? sub : scope;
        if (folded.has(widest)) continue;
        folded.add(widest);
        out.push({ ...i, scope: widest === scope && widest === normalizeId(i.scope) ? i.scope : widest });
      } else {
        out.push(i);
      }
    }
    return out.sort(compareIssues);
  }
}
