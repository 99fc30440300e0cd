// The generated estate as a checks input, for tests that compare an estate with one twice its size.
import { generateEstate, type EstateOptions } from '../../src/emulator/scenarios/generate-estate.js';
import { flattenAll } from '../../src/inventory/flatten.js';
import type { Inventory, PermissionEntry } from '../../src/inventory/types.js';
import { buildGraph } from '../../src/topology/graph.js';
import type { TopologyGraph } from '../../src/topology/types.js';

/** The generated estate at `subscriptions` × ~200 resources, with one forbidden subscription and permissions per resource group. */
export function estateGraph(subscriptions: number): { graph: TopologyGraph; permissions: PermissionEntry[] } {
  const inventory = estateInventory({ subscriptions, resourcesTarget: subscriptions * 200, seed: 3, faultRate: 0.2, forbiddenSubscriptions: 1 });
  return { graph: buildGraph(inventory), permissions: inventory.permissions };
}

/**
 * A generated estate as the inventory a reader would return (embedded children flattened, forbidden subscriptions left
 * out and listed as forbidden scopes), with read-and-write-connections permissions on every resource group.
 */
export function estateInventory(options: EstateOptions): Inventory {
  const scenario = generateEstate(options);
  const forbidden = new Set(scenario.forbidden.map((s) => s.toLowerCase()));
  const sub = (id: string) => (/\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? '').toLowerCase();
  const resources = flattenAll(scenario.resources.filter((r) => !forbidden.has(sub(r.id))));
  const rgs = new Set(resources.map((r) => /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+/i.exec(r.id)?.[0]).filter((x): x is string => Boolean(x)));
  // Read everywhere, write connections only: the RBAC rule has missing actions to report in every resource group.
  const permissions: PermissionEntry[] = [...rgs].map((scope) => ({ scope, actions: ['Microsoft.Network/*/read', 'Microsoft.Network/connections/write'], notActions: [] }));
  const inventory: Inventory = {
    source: { kind: 'snapshot', label: 'linear-growth' },
    subscriptions: scenario.subscriptions.filter((s) => !forbidden.has(s.subscriptionId.toLowerCase())),
    resources,
    issues: [],
    permissions,
    forbiddenScopes: [...forbidden].map((s) => `/subscriptions/${s}`),
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:00:00Z',
  };
  return inventory;
}
