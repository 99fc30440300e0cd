import { runChecks } from '../../src/checks/engine.js';
import type { Finding } from '../../src/checks/types.js';
import type { ArmResource, PermissionEntry } from '../../src/inventory/types.js';
import { flattenAll } from '../../src/inventory/flatten.js';
import { buildGraph } from '../../src/topology/graph.js';
import type { TopologyGraph } from '../../src/topology/types.js';

/** Options for a test estate: scopes the caller could not read (their references become no-access stubs). */
export interface FixtureOptions {
  forbidden?: string[];
  /** Subscriptions in scope; defaults to every subscription a resource lives in. */
  subscriptions?: string[];
}

/** Builds a real topology graph (inventory flattening + buildGraph) from raw ARM bodies, as the product does. */
export function graphOf(resources: ArmResource[], opts: FixtureOptions = {}): TopologyGraph {
  const subs = opts.subscriptions ?? [...new Set(resources.map((r) => /\/subscriptions\/([^/]+)/i.exec(r.id)?.[1] ?? ''))];
  return buildGraph({
    source: { kind: 'snapshot', label: 'test' },
    subscriptions: subs.map((s) => ({ subscriptionId: s, displayName: s })),
    resources: flattenAll(resources),
    issues: [],
    permissions: [],
    forbiddenScopes: opts.forbidden ?? [],
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:00:00Z',
  });
}

/** Findings of one rule on a small estate. */
export function hits(ruleId: string, resources: ArmResource[], opts: FixtureOptions & { permissions?: PermissionEntry[] } = {}): Finding[] {
  return runChecks({ graph: graphOf(resources, opts), ...(opts.permissions ? { permissions: opts.permissions } : {}) }, { ruleIds: [ruleId] });
}
