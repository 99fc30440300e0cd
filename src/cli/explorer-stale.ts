import type { Inventory, InventoryIssue } from '../inventory/types.js';

/** Issue kinds that say nothing about whether the resources still exist (a refusal or a 404 does). */
const TRANSIENT: ReadonlySet<InventoryIssue['kind']> = new Set(['failed', 'throttled']);

/**
 * After a refresh in which some scopes timed out or failed, keeps the previous load's copy of those scopes' resources
 * (instead of letting them vanish from the explorer) and names the scopes as stale; everything read fresh stays as read.
 */
export function carryOverStale(previous: Inventory | undefined, next: Inventory): { inventory: Inventory; staleScopes: string[] } {
  const failed = next.issues.filter((i) => TRANSIENT.has(i.kind) && i.scope.startsWith('/subscriptions/'));
  if (!previous || failed.length === 0) return { inventory: next, staleScopes: [] };
  const have = new Set(next.resources.map((r) => r.id.toLowerCase()));
  const kept = new Map<string, Inventory['resources'][number]>();
  const staleScopes = new Set<string>();
  for (const issue of failed) {
    const scope = issue.scope.toLowerCase().replace(/\/+$/, '');
    const family = issue.family?.toLowerCase();
    const ofFamily = (type: string) => family !== undefined && type.toLowerCase().split('/').includes(family);
    const under = previous.resources.filter((r) => r.id.toLowerCase().startsWith(`${scope}/`) && !have.has(r.id.toLowerCase()));
    // A failed list of one family keeps that family; a failure with no recognisable family keeps the whole scope.
    const pick = under.some((r) => ofFamily(String(r.type ?? ''))) ? under.filter((r) => ofFamily(String(r.type ?? ''))) : under;
    for (const r of pick) kept.set(r.id.toLowerCase(), r);
    staleScopes.add(issue.scope);
  }
  return { inventory: { ...next, resources: [...next.resources, ...kept.values()] }, staleScopes: [...staleScopes].sort() };
}
