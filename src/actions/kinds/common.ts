import { normalizeId, parseArmId } from '../../arm/arm-id.js';
import { RT } from '../../arm/resource-types.js';
import type { ArmResource } from '../../inventory/types.js';
import type { TopologyGraph } from '../../topology/types.js';
import type { Choice, FieldSpec } from '../fields.js';
import { bodyOf, childrenOf, nodeOf, nodesOfType, peeringOf, props, refId, subscriptionOf } from '../graph-query.js';
import type { ActionPlan } from '../plan.js';
import { validateAuthKey, validateName } from '../validate.js';
import { buildAuthorizationPlan } from './authorization.js';

/** Why a circuit cannot carry a new private-peering link, or undefined when it can (domain §5.9). */
export function circuitUnusableReason(graph: TopologyGraph, circuitId: string): string | undefined {
  const c = bodyOf(graph, circuitId);
  if (!c) return undefined;
  const p = props(c);
  const provider = String(p.serviceProviderProvisioningState ?? '');
  if (provider && provider !== 'Provisioned') return `provider state ${provider}: the provider must provision the circuit first`;
  const peering = peeringOf(graph, circuitId, 'AzurePrivatePeering');
  if (!peering) return 'no private peering: create AzurePrivatePeering first';
  const state = String(props(peering).state ?? '');
  if (state && state !== 'Enabled') return `private peering is ${state}: enable it first`;
  return undefined;
}

/** Circuits as choices for a private-peering link, unreadable (cross-subscription) circuits included with a caution. */
export function circuitChoices(graph: TopologyGraph, fromSubscription?: string): Choice[] {
  const out: Choice[] = [];
  graph.forEachNode((_k, n) => {
    if (n.type !== RT.circuit) return;
    const cross = fromSubscription !== undefined && n.subscriptionId.toLowerCase() !== fromSubscription.toLowerCase();
    if (n.stub) {
      out.push({ value: n.id, label: n.name, enabled: n.stub === 'no-access', reason: n.stub === 'no-access' ? 'not readable: needs an authorization key from its owner' : n.stub === 'unread' ? 'circuit not read' : 'circuit does not exist', detail: n.subscriptionId });
      return;
    }
    const why = circuitUnusableReason(graph, n.id);
    const p = props(n.body);
    const sp = (p.serviceProviderProperties ?? {}) as Record<string, unknown>;
    const detail = [sp.serviceProviderName ?? p.serviceProviderName, peeringLocation(n.body), (n.body.sku as { tier?: string } | undefined)?.tier].filter(Boolean).join(', ');
    out.push({ value: n.id, label: n.name, enabled: !why, ...(why ? { reason: why } : cross ? { reason: 'another subscription: needs an authorization key' } : {}), detail });
  });
  return out.sort((a, b) => Number(b.enabled) - Number(a.enabled) || a.label.localeCompare(b.label));
}

/** True when the target subscription differs from the circuit's, so ARM wants an authorization key (domain §2.3). */
export function needsKey(circuitId: string | undefined, targetSubscription: string | undefined): boolean {
  if (!circuitId || !targetSubscription) return false;
  return subscriptionOf(circuitId) !== targetSubscription.toLowerCase();
}

/** The authorization choices for a circuit: its Available keys, "new" when the circuit is readable, and "manual". */
export function authorizationChoices(graph: TopologyGraph, circuitId: string): Choice[] {
  const out: Choice[] = [];
  const readable = !!bodyOf(graph, circuitId);
  for (const a of childrenOf(graph, circuitId, RT.authorization)) {
    const p = props(a);
    const status = String(p.authorizationUseStatus ?? 'unknown');
    const hasKey = typeof p.authorizationKey === 'string' && p.authorizationKey !== '';
    const enabled = status === 'Available' && hasKey;
    const reason = status !== 'Available' ? `${status}: a key works for one connection only` : hasKey ? undefined : 'key not readable here: ask the owner or choose manual';
    out.push({ value: a.id, label: a.name, enabled, ...(reason ? { reason } : {}), detail: status });
  }
  const count = out.length;
  out.push({ value: 'new', label: 'new', enabled: readable && count < 10, detail: 'create a new authorization on the circuit first',
    ...(readable ? (count >= 10 ? { reason: 'the circuit already has 10 authorizations (documented limit)' } : {}) : { reason: 'circuit not readable: ask its owner for a key' }) });
  out.push({ value: 'manual', label: 'manual', enabled: true, detail: 'type a key the circuit owner gave you' });
  return out;
}

/** The authorization fields shared by every link kind (shown only when the circuit is in another subscription). */
export function authFields(circuitKey: string, targetSub: (g: TopologyGraph, v: Record<string, string>) => string | undefined): FieldSpec[] {
  const cross = (g: TopologyGraph, v: Record<string, string>) => needsKey(v[circuitKey], targetSub(g, v));
  return [
    { key: 'authorization', label: 'Authorization', input: 'select', required: true, help: 'an Available authorization of the circuit, "new" to create one, or "manual" to type a key', when: cross,
      default: (g, v) => authorizationChoices(g, v[circuitKey] ?? '').find((c) => c.enabled && c.value !== 'manual')?.value ?? 'manual' },
    { key: 'authorizationKey', label: 'Authorization key', input: 'secret', required: true, help: 'the GUID the circuit owner created', validate: validateAuthKey,
      when: (g, v) => cross(g, v) && v.authorization === 'manual' },
    { key: 'authorizationName', label: 'New authorization name', input: 'text', required: true, help: 'name of the authorization to create on the circuit', validate: validateName,
      when: (g, v) => cross(g, v) && v.authorization === 'new', default: (_g, v) => `erscope-${v.name ?? 'link'}`.slice(0, 80) },
  ];
}

/** Resolves the key decision: the key to embed, or a prerequisite plan that creates the authorization first. */
export function resolveKey(graph: TopologyGraph, circuitId: string, values: Record<string, string>): { key?: string; prerequisite?: ActionPlan; keyFrom?: string } {
  const choice = values.authorization;
  if (!choice) return {};
  if (choice === 'manual') return { key: values.authorizationKey?.trim() ?? '' };
  if (choice === 'new') {
    const prerequisite = buildAuthorizationPlan(graph, { circuit: circuitId, name: values.authorizationName ?? 'erscope' });
    return { prerequisite, keyFrom: prerequisite.targetId };
  }
  const auth = childrenOf(graph, circuitId, RT.authorization).find((a) => normalizeId(a.id) === normalizeId(choice));
  return { key: String(props(auth).authorizationKey ?? '') };
}

/** Hub route tables as choices (value = id, label = name). */
export function routeTableChoices(graph: TopologyGraph, hubId: string | undefined): Choice[] {
  if (!hubId) return [];
  return childrenOf(graph, hubId, RT.hubRouteTable)
    .map((t) => ({ value: t.id, label: t.name, enabled: true, detail: (props(t).labels as string[] | undefined)?.join(', ') ?? '' }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** The hub route table named defaultRouteTable, the usual association. */
export function defaultRouteTable(graph: TopologyGraph, hubId: string | undefined): string | undefined {
  return routeTableChoices(graph, hubId).find((c) => c.label.toLowerCase() === 'defaultroutetable')?.value;
}

/** routingConfiguration as ARM spells it, from chosen table ids and labels. */
export function routingConfiguration(associated: string | undefined, propagated: string[], labels: string[]): Record<string, unknown> | undefined {
  if (!associated && !propagated.length && !labels.length) return undefined;
  return {
    ...(associated ? { associatedRouteTable: { id: associated } } : {}),
    propagatedRouteTables: { ids: propagated.map((id) => ({ id })), labels },
  };
}

/** Splits a comma list, trimming blanks. */
export function commaList(v: string | undefined): string[] {
  return (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** The hub a vWAN gateway sits in. */
export function hubOfGateway(graph: TopologyGraph, gatewayId: string | undefined): string | undefined {
  return refId(props(bodyOf(graph, gatewayId)).virtualHub) || undefined;
}

/** Names of direct children that already exist, for "name already used" checks. */
export function existingNames(children: ArmResource[]): Set<string> {
  return new Set(children.map((c) => (c.name ?? parseArmId(c.id).name ?? '').toLowerCase()));
}

/** Nodes of a type as plain choices (label = name, detail = resource group). */
export function simpleChoices(graph: TopologyGraph, type: string): Choice[] {
  return nodesOfType(graph, type).map((n) => ({ value: n.id, label: n.name, enabled: true, detail: n.resourceGroup }));
}

/** Location of a resource (or undefined), for defaults. */
export function locationOf(graph: TopologyGraph, id: string | undefined): string | undefined {
  return nodeOf(graph, id)?.location ?? bodyOf(graph, id)?.location;
}

/** A circuit's peering location (provider circuits keep it under serviceProviderProperties, Direct circuits at the top). */
export function peeringLocation(circuit: ArmResource | undefined): string {
  const p = props(circuit);
  return String((p.serviceProviderProperties as { peeringLocation?: string } | undefined)?.peeringLocation ?? p.peeringLocation ?? '');
}
