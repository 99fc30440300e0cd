import { normalizeId, parseArmId } from '../arm/arm-id.js';
import { RT } from '../arm/resource-types.js';
import type { ArmResource } from './types.js';

/**
 * Child arrays ARM embeds in a parent body, per canonical parent type. Listing these children separately would cost a
 * request per parent, so the inventory reads them from the parent instead.
 */
export const EMBEDDED_CHILDREN: Record<string, readonly string[]> = {
  [RT.circuit]: ['peerings', 'authorizations'],
  // ARM spells the read-only peer list `peeredConnections`; accept `peerConnections` too.
  [RT.peering]: ['connections', 'peeredConnections', 'peerConnections'],
  [RT.erGateway]: ['expressRouteConnections'],
  [RT.vpnGateway]: ['connections', 'natRules'],
  [RT.vnetGateway]: ['natRules'],
  [RT.vpnConnection]: ['vpnLinkConnections'],
  [RT.vpnSite]: ['vpnSiteLinks'],
  [RT.vnet]: ['subnets'],
  [RT.routeFilter]: ['rules'],
};

const LINK_ALIAS = 'microsoft.network/vpngateways/vpnconnections/vpnsitelinkconnections';

/** Canonical lower-cased type, folding ARM's alternative spelling of the vWAN link connection onto RT. */
export function canonicalResourceType(type: string): string {
  const t = type.toLowerCase();
  return t === LINK_ALIAS ? RT.vpnLinkConnection : t;
}

/** ARM-cased type spelled by an id ("Microsoft.Network/expressRouteCircuits/peerings"), for children ARM sent without `type`. */
export function typeFromId(id: string): string | undefined {
  const parts = id.replace(/\/+$/, '').split('/');
  const p = parts.findIndex((s) => s.toLowerCase() === 'providers');
  if (p < 0 || p + 3 > parts.length) return undefined;
  const segs = [parts[p + 1]!];
  for (let i = p + 2; i < parts.length; i += 2) segs.push(parts[i]!);
  return segs.join('/');
}

/** Canonical lower-cased type of a raw body (from `type`, else from its id). */
export function bodyType(body: ArmResource): string {
  return canonicalResourceType(body.type || parseArmId(body.id).type || '');
}

/**
 * The parent followed by every embedded child (recursively) as its own resource. The parent body is left intact;
 * each child is a shallow copy with `type` and `name` filled in from its id when ARM left them out.
 */
export function flattenResource(body: ArmResource, out: ArmResource[] = []): ArmResource[] {
  out.push(body);
  const props = body.properties as Record<string, unknown> | undefined;
  for (const prop of EMBEDDED_CHILDREN[bodyType(body)] ?? []) {
    const list = props?.[prop];
    if (!Array.isArray(list)) continue;
    for (const child of list) {
      if (!child || typeof child !== 'object' || typeof (child as ArmResource).id !== 'string') continue;
      const c = child as ArmResource;
      const filled: ArmResource = {
        ...c,
        name: c.name ?? parseArmId(c.id).name ?? c.id,
        type: c.type ?? typeFromId(c.id) ?? '',
      };
      flattenResource(filled, out);
    }
  }
  return out;
}

/** Flattens a list of parent bodies (see flattenResource). */
export function flattenAll(bodies: readonly ArmResource[]): ArmResource[] {
  const out: ArmResource[] = [];
  for (const b of bodies) flattenResource(b, out);
  return out;
}

/** Sorted by id (parents before their children), first copy wins on duplicate ids. */
export function dedupeSorted(resources: ArmResource[]): ArmResource[] {
  const byKey = new Map<string, ArmResource>();
  for (const r of resources) {
    const k = normalizeId(r.id);
    if (!byKey.has(k)) byKey.set(k, r);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}
