import { parseArmId } from '../../arm/arm-id.js';
import { RT } from '../../arm/resource-types.js';
import type { TopologyGraph } from '../../topology/types.js';
import { azConnection } from '../az.js';
import { validateAll, type Choice, type KindSpec } from '../fields.js';
import { connectionsOfGateway, nodeOf, nodesOfType, props, refId, resourceGroupScope } from '../graph-query.js';
import { assemblePlan, type ActionPlan } from '../plan.js';
import { validateIdOfType, validateNewName, validateRoutingWeight } from '../validate.js';
import { authFields, authorizationChoices, circuitChoices, locationOf, needsKey, resolveKey } from './common.js';

/** Gateways as choices: only ExpressRoute-type gateways can link a circuit (domain §1.1). */
export function gatewayChoices(graph: TopologyGraph): Choice[] {
  return nodesOfType(graph, RT.vnetGateway).map((n) => {
    const p = props(n.body);
    const type = String(p.gatewayType ?? '');
    const sku = String((p.sku as { name?: string } | undefined)?.name ?? (n.body.sku as { name?: string } | undefined)?.name ?? '');
    const links = connectionsOfGateway(graph, n.id).length;
    const reason = type !== 'ExpressRoute' ? `${type || 'unknown'} gateway: not ExpressRoute-capable` : String(p.provisioningState) === 'Failed' ? 'provisioning Failed: repair the gateway first' : undefined;
    return { value: n.id, label: n.name, enabled: !reason, ...(reason ? { reason } : {}), detail: `${type} ${sku}, ${links} connection(s)` };
  }).sort((a, b) => Number(b.enabled) - Number(a.enabled) || a.label.localeCompare(b.label));
}

/** Current weights of the gateway's other connections, so the user sees what the new weight competes with (domain §4). */
export function gatewayWeights(graph: TopologyGraph, gatewayId: string): Array<{ name: string; circuit: string; weight: number }> {
  return connectionsOfGateway(graph, gatewayId).map((c) => ({
    name: c.name,
    circuit: parseArmId(refId(props(c).peer)).name ?? '',
    weight: Number(props(c).routingWeight ?? 0),
  }));
}

function targetId(graph: TopologyGraph, v: Record<string, string>): string {
  const gw = nodeOf(graph, v.gateway);
  const sub = gw?.subscriptionId ?? parseArmId(v.gateway ?? '').subscriptionId;
  return `/subscriptions/${sub}/resourceGroups/${v.resourceGroup}/providers/Microsoft.Network/connections/${v.name}`;
}

const gatewaySub = (g: TopologyGraph, v: Record<string, string>) => nodeOf(g, v.gateway)?.subscriptionId;

/** VNet gateway ↔ circuit connection (Microsoft.Network/connections, connectionType ExpressRoute). */
export const connectionKind: KindSpec = {
  kind: 'connection',
  title: 'Connect a VNet gateway to an ExpressRoute circuit',
  fields: [
    { key: 'gateway', label: 'VNet gateway', input: 'select', required: true, help: 'an ExpressRoute-type VNet gateway', validate: validateIdOfType([RT.vnetGateway], 'gateway') },
    { key: 'circuit', label: 'Circuit', input: 'select', required: true, help: 'a provider-Provisioned circuit with private peering Enabled', validate: validateIdOfType([RT.circuit], 'circuit') },
    { key: 'name', label: 'Connection name', input: 'text', required: true, help: 'new connection name',
      validate: validateNewName((c) => (c.graph ? nodesOfType(c.graph, RT.connection).filter((n) => n.resourceGroup.toLowerCase() === (c.values.resourceGroup ?? '').toLowerCase()).map((n) => n.name) : [])),
      default: (g, v) => (v.gateway && v.circuit ? `${nodeOf(g, v.gateway)?.name}-to-${nodeOf(g, v.circuit)?.name ?? parseArmId(v.circuit).name}`.slice(0, 80) : undefined) },
    { key: 'resourceGroup', label: 'Resource group', input: 'text', required: true, help: "the connection's resource group (default: the gateway's)", default: (g, v) => nodeOf(g, v.gateway)?.resourceGroup },
    { key: 'location', label: 'Location', input: 'text', required: true, help: "Azure region (default: the gateway's)", default: (g, v) => locationOf(g, v.gateway) },
    { key: 'routingWeight', label: 'Routing weight', input: 'number', required: true, help: '0–32000; higher is preferred', validate: validateRoutingWeight, default: () => '0' },
    ...authFields('circuit', gatewaySub),
  ],
  options(graph, values, field) {
    if (field === 'gateway') return gatewayChoices(graph);
    if (field === 'circuit') return circuitChoices(graph, gatewaySub(graph, values));
    if (field === 'authorization') return authorizationChoices(graph, values.circuit ?? '');
    return [];
  },
  hints(graph, values, field) {
    if (field !== 'routingWeight' || !values.gateway) return [];
    const w = gatewayWeights(graph, values.gateway);
    return w.length ? w.map((o) => `${o.name} → ${o.circuit}: weight ${o.weight}`) : ['no other connections on this gateway'];
  },
  context: () => ({}),
  build(graph, values) {
    return buildConnectionPlan(graph, validateAll(connectionKind, graph, values));
  },
};

/** Pure plan from validated values. */
export function buildConnectionPlan(graph: TopologyGraph, v: Record<string, string>): ActionPlan {
  const gatewayId = nodeOf(graph, v.gateway)?.id ?? v.gateway!;
  const circuitId = nodeOf(graph, v.circuit)?.id ?? v.circuit!;
  const id = targetId(graph, v);
  const weight = Number(v.routingWeight);
  const cross = needsKey(circuitId, gatewaySub(graph, v));
  const key = cross ? resolveKey(graph, circuitId, v) : {};
  const others = gatewayWeights(graph, gatewayId);
  const warnings: string[] = [];
  const equal = others.filter((o) => o.weight === weight);
  if (equal.length) warnings.push(`weight ${weight} equals ${equal.map((o) => o.name).join(', ')}: traffic is spread (ECMP) across those circuits`);
  const required = [
    { scope: resourceGroupScope(id), action: 'Microsoft.Network/connections/write' },
    { scope: resourceGroupScope(gatewayId), action: 'Microsoft.Network/virtualNetworkGateways/join/action' },
    ...(cross ? [] : [{ scope: resourceGroupScope(circuitId), action: 'Microsoft.Network/expressRouteCircuits/join/action' }]),
  ];
  return assemblePlan({
    kind: 'connection',
    title: `Create connection ${v.name}: gateway ${nodeOf(graph, gatewayId)?.name} → circuit ${nodeOf(graph, circuitId)?.name ?? parseArmId(circuitId).name} (weight ${weight})`,
    targetId: id,
    confirmName: v.name!,
    patch: {
      location: v.location,
      properties: {
        connectionType: 'ExpressRoute',
        virtualNetworkGateway1: { id: gatewayId },
        peer: { id: circuitId },
        routingWeight: weight,
        ...(cross ? { authorizationKey: key.key ?? '(key of the new authorization)' } : {}),
      },
    },
    required,
    az: azConnection({ id, location: v.location!, gatewayId, circuitId, weight, withKey: cross }),
    neighbours: [gatewayId, circuitId],
    warnings,
    ...(key.prerequisite ? { prerequisites: [key.prerequisite], keyFrom: key.keyFrom! } : {}),
    values: v,
  });
}
