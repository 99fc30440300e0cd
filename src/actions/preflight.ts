import { parseArmId } from '../arm/arm-id.js';
import type { ArmConnection } from '../arm/clients.js';
import { isAllowed } from '../checks/permissions.js';
import type { PermissionEntry } from '../inventory/types.js';
import type { ActionPlan } from './plan.js';
import type { PreflightResult } from './types.js';

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Resource group scope (/subscriptions/s/resourceGroups/rg) a pre-flight row is checked at. */
function rgScope(scope: string): string | undefined {
  const p = parseArmId(scope);
  return p.subscriptionId && p.resourceGroup ? `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroup}` : undefined;
}

/**
 * Reads the caller's effective permissions fresh (Permissions_ListForResourceGroup) for every resource group the plan
 * touches. A group that cannot be read yields no entries, which isAllowed reports as 'unknown' rather than refused.
 */
export async function fetchPermissions(conn: ArmConnection, scopes: string[]): Promise<PermissionEntry[]> {
  const groups = [...new Map(scopes.map((s) => rgScope(s)).filter((s): s is string => !!s).map((s) => [s.toLowerCase(), s])).values()];
  const out: PermissionEntry[] = [];
  await Promise.all(
    groups.map(async (scope) => {
      const p = parseArmId(scope);
      try {
        const client = conn.authorization(p.subscriptionId!);
        for await (const perm of client.permissions.listForResourceGroup(p.resourceGroup!)) {
          out.push({ scope, actions: strings(perm.actions), notActions: strings(perm.notActions), dataActions: strings(perm.dataActions), notDataActions: strings(perm.notDataActions) });
        }
      } catch {
        // Unreadable permissions are not a refusal: the row stays 'unknown' and ARM decides on apply.
      }
    }),
  );
  return out;
}

/** Fills a plan's pre-flight rows from permission entries (pure; the entries decide, nothing is guessed). */
export function preflightWith(plan: ActionPlan, perms: readonly PermissionEntry[]): ActionPlan {
  const rows: PreflightResult[] = plan.preflight.map((r) => ({ ...r, allowed: isAllowed(perms, r.scope, r.action) }));
  return { ...plan, preflight: rows, prerequisites: plan.prerequisites.map((p) => preflightWith(p, perms)) };
}

/** RBAC pre-flight: fetches permissions fresh for the plan's scopes and returns the plan with each row decided. */
export async function preflightPlan(conn: ArmConnection, plan: ActionPlan): Promise<ActionPlan> {
  const perms = await fetchPermissions(conn, plan.preflight.map((r) => r.scope));
  return preflightWith(plan, perms);
}
