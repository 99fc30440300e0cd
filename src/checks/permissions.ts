import type { PermissionEntry } from '../inventory/types.js';

// Semantics from domain.md §3.4 (https://learn.microsoft.com/azure/role-based-access-control/role-definitions):
// effective = actions minus notActions per block, blocks are additive, `*` wildcards, matched case-insensitively.

const patternCache = new Map<string, RegExp>();

function toRegExp(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    const body = pattern
      .trim()
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
      .join('.*');
    re = new RegExp(`^${body}$`, 'i');
    patternCache.set(pattern, re);
  }
  return re;
}

/** True when an action string matches a permission pattern (`*` anywhere, case-insensitive). */
export function actionMatches(pattern: string, action: string): boolean {
  return toRegExp(pattern).test(action.trim());
}

function normScope(scope: string): string {
  return scope.trim().replace(/\/+$/, '').toLowerCase();
}

/** True when `scope` is `entryScope` itself or lies under it (segment-bounded prefix). */
export function scopeCovers(entryScope: string, scope: string): boolean {
  const e = normScope(entryScope);
  const s = normScope(scope);
  return e === '' || s === e || s.startsWith(`${e}/`);
}

const byScopeCache = new WeakMap<readonly PermissionEntry[], Map<string, PermissionEntry[]>>();

/** Entries covering `scope`: its own and each ancestor's (segment-bounded prefixes), looked up rather than scanned. */
function coveringEntries(perms: readonly PermissionEntry[], scope: string): PermissionEntry[] {
  let byScope = byScopeCache.get(perms);
  if (!byScope) {
    byScope = new Map();
    for (const p of perms) {
      const k = normScope(p.scope);
      const list = byScope.get(k);
      if (list) list.push(p);
      else byScope.set(k, [p]);
    }
    byScopeCache.set(perms, byScope);
  }
  const s = normScope(scope);
  const out = [...(byScope.get('') ?? [])];
  for (let i = s.indexOf('/', 1); i > 0; i = s.indexOf('/', i + 1)) out.push(...(byScope.get(s.slice(0, i)) ?? []));
  if (s !== '') out.push(...(byScope.get(s) ?? []));
  return out;
}

/**
 * Whether the caller may perform `action` at `scope`: true/false when some entry covers the scope,
 * 'unknown' when none does (permissions were not read there, so nothing can be said).
 */
export function isAllowed(perms: readonly PermissionEntry[] | undefined, scope: string, action: string): boolean | 'unknown' {
  const covering = coveringEntries(perms ?? [], scope);
  if (covering.length === 0) return 'unknown';
  return covering.some(
    (p) => p.actions.some((a) => actionMatches(a, action)) && !p.notActions.some((n) => actionMatches(n, action)),
  );
}

/** The subset of `actions` not allowed at `scope`; `unknown` is true when no permission entry covers the scope. */
export function missingActions(
  perms: readonly PermissionEntry[] | undefined,
  scope: string,
  actions: readonly string[],
): { missing: string[]; unknown: boolean } {
  const missing: string[] = [];
  for (const action of actions) {
    const verdict = isAllowed(perms, scope, action);
    if (verdict === 'unknown') return { missing: [], unknown: true };
    if (!verdict) missing.push(action);
  }
  return { missing, unknown: false };
}
