import { parseArmId } from '../arm/arm-id.js';
import { settleOrphans } from './orphans.js';
import type { Scenario } from './scenario.js';
import { ResourceStore } from './store.js';

/**
 * Builds the store from a validated scenario: subscriptions, declared groups, then resources (children flattened),
 * then placeholders for parents the file left out. `warnings` (when given) receives one line per case settled.
 */
export function loadIntoStore(scenario: Scenario, clock: () => number, warnings?: string[]): ResourceStore {
  const store = new ResourceStore(clock);
  for (const s of scenario.subscriptions) store.addSubscription({ ...s, tenantId: scenario.tenantId });
  for (const g of scenario.resourceGroups) {
    const p = parseArmId(g.id);
    if (p.subscriptionId && p.resourceGroup) store.ensureResourceGroup(p.subscriptionId, p.resourceGroup, g.location);
  }
  for (const r of scenario.resources) {
    const p = parseArmId(r.id);
    if (p.subscriptionId && !store.subscriptions.has(p.subscriptionId.toLowerCase())) {
      store.addSubscription({ subscriptionId: p.subscriptionId, tenantId: scenario.tenantId });
    }
    store.upsert(r, { keepEtag: true, seedEtags: true });
  }
  const settled = settleOrphans(store, scenario.resources, scenario.loadedFrom ?? scenario.name);
  warnings?.push(...settled);
  for (const f of scenario.forbidden) {
    const p = parseArmId(f);
    if (p.subscriptionId) store.addSubscription({ subscriptionId: p.subscriptionId });
  }
  return store;
}
