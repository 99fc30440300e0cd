import { normalizeId, parseArmId } from '../../arm/arm-id.js';
import { RT } from '../../arm/resource-types.js';
import type { TopologyGraph } from '../../topology/types.js';
import { azErConnection } from '../az.js';
import { validateAll, type Choice, type KindSpec } from '../fields.js';
import { childrenOf, nodeOf, nodesOfType, peeringIdFor, props, refId, resourceGroupScope } from '../graph-query.js';
import { assemblePlan, type ActionPlan } from '../plan.js';
import { validateBool, validateIdOfType, validateNewName, validateRoutingWeight } from '../validate.js';
import {
  authFields, authorizationChoices, circuitChoices, commaList, defaultRouteTable, hubOfGateway, needsKey, resolveKey, routeTableChoices, routingConfiguration,
} from './common.js';

function gatewayChoices(graph: TopologyGraph): Choice[] {
  return nodesOfType(graph, RT.erGateway).map((n) => {
    const hub = nodeOf(graph, hubOfGateway(graph, n.id));
    const links = childrenOf(graph, n.id, RT.erConnection).length;
    const failed = String(props(n.body).provisioningState) === 'Failed';
    return { value: n.id, label: n.name, enabled: !failed, ...(failed ? { reason: 'provisioning Failed: repair the gateway first' } : {}), detail: `hub ${hub?.name ?? '?'}, ${links} connection(s)` };
  });
}

/** Circuits a hub already links (through any ER connection of the gateway), to flag duplicates. */
function linkedCircuits(graph: TopologyGraph, gatewayId: string): Set<string> {
  return new Set(
    childrenOf(graph, gatewayId, RT.erConnection).map((c) => normalizeId(refId(props(c).expressRouteCircuitPeering).replace(/\/peerings\/[^/]+$/i, ''))),
  );
}

const gwSub = (g: TopologyGraph, v: Record<string, string>) => nodeOf(g, v.gateway)?.subscriptionId;
const hubOf = (g: TopologyGraph, v: Record<string, string>) => hubOfGateway(g, v.gateway);

/** vWAN hub ExpressRoute gateway ↔ circuit private peering (expressRouteGateways/expressRouteConnections). */
export const erConnectionKind: KindSpec = {
  kind: 'er-connection',
  title: 'Connect a Virtual WAN hub ExpressRoute gateway to a circuit',
  fields: [
    { key: 'gateway', label: 'Hub ExpressRoute gateway', input: 'select', required: true, help: 'a vWAN ExpressRoute gateway', validate: validateIdOfType([RT.erGateway], 'gateway') },
    { key: 'circuit', label: 'Circuit', input: 'select', required: true, help: 'a provider-Provisioned circuit with private peering Enabled', validate: validateIdOfType([RT.circuit], 'circuit') },
    { key: 'name', label: 'Connection name', input: 'text', required: true, help: 'new connection name, unique on the gateway',
      validate: validateNewName((c) => (c.graph && c.values.gateway ? childrenOf(c.graph, c.values.gateway, RT.erConnection).map((x) => x.name) : [])),
      default: (g, v) => (v.circuit ? `${nodeOf(g, v.circuit)?.name ?? parseArmId(v.circuit).name}-conn`.slice(0, 80) : undefined) },
    { key: 'routingWeight', label: 'Routing weight', input: 'number', required: true, help: '0–32000; higher is preferred', validate: validateRoutingWeight, default: () => '0' },
    { key: 'enableInternetSecurity', label: 'Internet security', input: 'bool', required: true, help: 'true to send internet traffic through the hub (secured hub)', validate: validateBool, default: () => 'false' },
    { key: 'associatedRouteTable', label: 'Associated route table', input: 'select', required: false, help: "one of the hub's route tables", default: (g, v) => defaultRouteTable(g, hubOf(g, v)) },
    { key: 'propagatedRouteTables', label: 'Propagate to', input: 'multi', required: false, help: "comma list of the hub's route tables", default: (g, v) => defaultRouteTable(g, hubOf(g, v)) },
    { key: 'labels', label: 'Propagate to labels', input: 'text', required: false, help: 'comma list of route table labels', default: () => 'default' },
    ...authFields('circuit', gwSub),
  ],
  options(graph, values, field) {
    if (field === 'gateway') return gatewayChoices(graph);
    if (field === 'circuit') {
      const linked = values.gateway ? linkedCircuits(graph, values.gateway) : new Set<string>();
      return circuitChoices(graph, gwSub(graph, values)).map((c) =>
        linked.has(normalizeId(c.value)) ? { ...c, enabled: false, reason: 'already connected to this gateway' } : c,
      );
    }
    if (field === 'associatedRouteTable' || field === 'propagatedRouteTables') return routeTableChoices(graph, hubOf(graph, values));
    if (field === 'authorization') return authorizationChoices(graph, values.circuit ?? '');
    return [];
  },
  hints(graph, values, field) {
    if (field !== 'routingWeight' || !values.gateway) return [];
    return childrenOf(graph, values.gateway, RT.erConnection).map((c) => `${c.name}: weight ${String(props(c).routingWeight ?? 0)}`);
  },
  context: () => ({}),
  build(graph, values) {
    return buildErConnectionPlan(graph, validateAll(erConnectionKind, graph, values));
  },
};

/** Pure plan from validated values. */
export function buildErConnectionPlan(graph: TopologyGraph, v: Record<string, string>): ActionPlan {
  const gatewayId = nodeOf(graph, v.gateway)?.id ?? v.gateway!;
  const circuitId = nodeOf(graph, v.circuit)?.id ?? v.circuit!;
  const peeringId = peeringIdFor(circuitId, 'AzurePrivatePeering');
  const id = `${gatewayId}/expressRouteConnections/${v.name}`;
  const hubId = hubOfGateway(graph, gatewayId);
  const cross = needsKey(circuitId, gwSub(graph, v));
  const key = cross ? resolveKey(graph, circuitId, v) : {};
  const weight = Number(v.routingWeight);
  const propagated = commaList(v.propagatedRouteTables);
  const labels = commaList(v.labels);
  const rc = routingConfiguration(v.associatedRouteTable || undefined, propagated, labels);
  const warnings = rc ? [] : ['no route tables chosen: the hub uses its defaults'];
  return assemblePlan({
    kind: 'er-connection',
    title: `Create hub ExpressRoute connection ${v.name}: ${nodeOf(graph, gatewayId)?.name} → circuit ${nodeOf(graph, circuitId)?.name ?? parseArmId(circuitId).name} (weight ${weight})`,
    targetId: id,
    confirmName: v.name!,
    patch: {
      name: v.name,
      properties: {
        expressRouteCircuitPeering: { id: peeringId },
        routingWeight: weight,
        enableInternetSecurity: v.enableInternetSecurity === 'true',
        ...(cross ? { authorizationKey: key.key ?? '(key of the new authorization)' } : {}),
        ...(rc ? { routingConfiguration: rc } : {}),
      },
    },
    required: [
      { scope: resourceGroupScope(gatewayId), action: 'Microsoft.Network/expressRouteGateways/expressRouteConnections/write' },
      ...(hubId ? [{ scope: resourceGroupScope(hubId), action: 'Microsoft.Network/virtualHubs/hubRouteTables/read' }] : []),
      ...(cross ? [] : [{ scope: resourceGroupScope(circuitId), action: 'Microsoft.Network/expressRouteCircuits/join/action' }]),
    ],
    az: azErConnection({ id, peeringId, weight, withKey: cross, internetSecurity: v.enableInternetSecurity === 'true', associated: v.associatedRouteTable || undefined, propagated, labels }),
    neighbours: [gatewayId, circuitId, ...(hubId ? [hubId] : [])],
    warnings,
    ...(key.prerequisite ? { prerequisites: [key.prerequisite], keyFrom: key.keyFrom! } : {}),
    values: v,
  });
}
