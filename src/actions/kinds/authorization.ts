import { RT } from '../../arm/resource-types.js';
import type { TopologyGraph } from '../../topology/types.js';
import { azAuthorization } from '../az.js';
import { validateAll, type Choice, type KindSpec } from '../fields.js';
import { bodyOf, childrenOf, nodesOfType, props, resourceGroupScope } from '../graph-query.js';
import { assemblePlan, type ActionPlan } from '../plan.js';
import { validateIdOfType, validateNewName } from '../validate.js';

/** Documented maximum authorizations per circuit (domain §2.2). */
export const AUTHORIZATION_LIMIT = 10;

function circuitOptions(graph: TopologyGraph): Choice[] {
  return nodesOfType(graph, RT.circuit).map((n) => {
    const count = childrenOf(graph, n.id, RT.authorization).length;
    const full = count >= AUTHORIZATION_LIMIT;
    return { value: n.id, label: n.name, enabled: !full, detail: `${count} authorization(s)`, ...(full ? { reason: `already has ${count} authorizations (documented limit ${AUTHORIZATION_LIMIT})` } : {}) };
  });
}

/** Pure plan for a new circuit authorization; also used as the prerequisite of a link that needs a fresh key. */
export function buildAuthorizationPlan(graph: TopologyGraph, values: Record<string, string>): ActionPlan {
  const circuitId = values.circuit!;
  const name = values.name!;
  const targetId = `${circuitId}/authorizations/${name}`;
  const circuit = bodyOf(graph, circuitId);
  return assemblePlan({
    kind: 'authorization',
    title: `Create authorization ${name} on circuit ${circuit?.name ?? circuitId.split('/').pop()}`,
    targetId,
    confirmName: name,
    patch: { name, properties: {} },
    required: [{ scope: resourceGroupScope(circuitId), action: 'Microsoft.Network/expressRouteCircuits/authorizations/write' }],
    az: azAuthorization(targetId),
    neighbours: [circuitId],
    revealOnce: true,
    values: { circuit: circuitId, name },
  });
}

/** Create a circuit authorization; the key is shown once after apply. */
export const authorizationKind: KindSpec = {
  kind: 'authorization',
  title: 'Create a circuit authorization (key for another subscription)',
  fields: [
    { key: 'circuit', label: 'Circuit', input: 'select', required: true, help: 'a circuit you own with fewer than 10 authorizations', validate: validateIdOfType([RT.circuit], 'circuit') },
    { key: 'name', label: 'Name', input: 'text', required: true, help: 'authorization name, unique on the circuit',
      validate: validateNewName((c) => (c.graph && c.values.circuit ? childrenOf(c.graph, c.values.circuit, RT.authorization).map((a) => a.name) : [])),
      default: (g, v) => (v.circuit ? `auth-${childrenOf(g, v.circuit, RT.authorization).length + 1}` : undefined) },
  ],
  options: (graph, _values, field) => (field === 'circuit' ? circuitOptions(graph) : []),
  context: () => ({}),
  build(graph, values) {
    return buildAuthorizationPlan(graph, validateAll(authorizationKind, graph, values));
  },
};

/** The key of a created authorization body, for the one-time reveal. */
export function authorizationKeyOf(body: unknown): string | undefined {
  const k = props(body as never).authorizationKey;
  return typeof k === 'string' && k ? k : undefined;
}
