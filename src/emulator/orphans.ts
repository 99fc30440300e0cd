import { normalizeId, parentId, parseArmId } from '../arm/arm-id.js';
import { canonicalType, SERVED_TYPES } from './families.js';
import type { ArmBody, ResourceStore } from './store.js';

/** Short "expressRouteCircuits/c1/peerings/p1" form of an id for one-line messages. */
function short(id: string): string {
  return id.split(/\/providers\/[^/]+\//i)[1] ?? id;
}

/**
 * Settles what a scenario lists that ARM could not serve as written, with one warning line per case (never a silent
 * drop):
 * - a child listed on its own whose parent the file does not hold (a peering without its circuit, a link connection
 *   without its VPN connection): ARM only ever returns children under their parent, so a placeholder parent
 *   (id, name, type, location; provisioningState Succeeded) is created, and the child is listed, embedded and read as
 *   ARM would with the parent present;
 * - a resource of a type the emulator does not serve: it is kept, but every request for it answers 404.
 * `label` is the file name the warnings start with; paths are the scenario's JSON paths (`resources[3]`).
 */
export function settleOrphans(store: ResourceStore, resources: readonly ArmBody[], label: string): string[] {
  const warnings: string[] = [];
  resources.forEach((r, i) => {
    const type = parseArmId(r.id).type ?? '';
    const where = `${label}: resources[${i}] (${short(r.id)})`;
    if (!SERVED_TYPES.has(type)) {
      const spelled = typeof r.type === 'string' && r.type ? r.type : canonicalType(type);
      warnings.push(`${where}: type ${spelled} is not one the emulator serves; it is kept, but every request for it answers 404 and erscope shows it only where something references it`);
      return;
    }
    const missing: string[] = [];
    for (let cur = parentId(r.id); cur && !store.getRaw(cur); cur = parentId(cur)) missing.unshift(cur);
    if (missing.length === 0) return;
    for (const id of missing) {
      const p = parseArmId(id);
      const location = typeof r.location === 'string' ? r.location : store.resourceGroups.get(normalizeId(`/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroup}`))?.location;
      store.upsert({ id, name: p.name, type: canonicalType(p.type ?? ''), ...(location ? { location } : {}), properties: { provisioningState: 'Succeeded' } }, { seedEtags: true });
    }
    const what = missing.length === 1 ? `its parent ${short(missing[0]!)} is` : `its parents ${missing.map(short).join(', ')} are`;
    warnings.push(`${where}: ${what} not in the file; serving a placeholder (id, name, type, location only) so the child is listed and embedded as ARM would with the parent present — add the parent to the file to give it real properties`);
  });
  return warnings;
}
