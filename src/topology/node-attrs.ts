import { parseArmId } from '../arm/arm-id.js';
import type { ArmResource } from '../inventory/types.js';
import { canonicalType } from './edges.js';
import type { NodeAttrs, StubKind } from './types.js';

/** Provisioning states that outrank any service status because they mean the resource itself is not healthy. */
const BAD_PROVISIONING = new Set(['failed', 'updating', 'deleting', 'canceled']);

/** Status labels of stub nodes, as shown in tables. */
export const STUB_STATUS: Record<StubKind, string> = { missing: 'missing', 'no-access': 'no access', unread: 'not read' };

/** One sentence per stub kind saying why only a reference is shown. */
export const STUB_WHY: Record<StubKind, string> = {
  missing: 'referenced but not found (404): the reference is dangling',
  'no-access': 'referenced but not readable: out of scope or access denied',
  unread: 'referenced; erscope does not read this type (or this one is not attached to a gateway), so nothing is claimed about it',
};

/** Canonical type of a body: its `type` field, or the type spelled by its id when ARM omitted it. */
export function typeOfBody(body: ArmResource): string {
  const t = typeof body.type === 'string' && body.type ? body.type : (parseArmId(body.id).type ?? 'unknown');
  return canonicalType(t);
}

/**
 * The one most telling status word: a failed/in-flight provisioning state first, then the state an engineer asks about
 * (connection status, Global Reach status, peering state, provider state), else provisioningState.
 */
export function shortStatus(body: ArmResource): string {
  const p = (body.properties ?? {}) as Record<string, unknown>;
  const prov = typeof p.provisioningState === 'string' ? p.provisioningState : undefined;
  if (prov && BAD_PROVISIONING.has(prov.toLowerCase())) return prov;
  for (const key of ['connectionStatus', 'circuitConnectionStatus', 'serviceProviderProvisioningState', 'state', 'authorizationUseStatus']) {
    const v = p[key];
    if (typeof v === 'string' && v) return v;
  }
  return prov ?? 'unknown';
}

/** Node attributes for a resource that was read. */
export function nodeFromBody(body: ArmResource): NodeAttrs {
  const parsed = parseArmId(body.id);
  return {
    id: body.id,
    type: typeOfBody(body),
    name: body.name ?? parsed.name ?? body.id,
    subscriptionId: parsed.subscriptionId ?? '',
    resourceGroup: parsed.resourceGroup ?? '',
    ...(body.location !== undefined ? { location: body.location } : {}),
    status: shortStatus(body),
    body,
  };
}

/** Node attributes for a referenced resource that was not read: typed from its id, or from the edge rule's target. */
export function stubNode(id: string, kind: StubKind, fallbackType: string): NodeAttrs {
  const parsed = parseArmId(id);
  const type = parsed.type && parsed.names.length > 0 ? canonicalType(parsed.type) : fallbackType;
  const name = parsed.name ?? id;
  return {
    id,
    type,
    name,
    subscriptionId: parsed.subscriptionId ?? '',
    resourceGroup: parsed.resourceGroup ?? '',
    status: STUB_STATUS[kind],
    stub: kind,
    body: { id, name, type },
  };
}
