import { readFileSync } from 'node:fs';
import { flattenAll } from '../../src/inventory/flatten.js';
import type { ArmResource, Inventory } from '../../src/inventory/types.js';

const DIR = new URL('../fixtures/spec-examples/', import.meta.url);

/** The 200 body of one spec example, deep-copied so tests can edit it. */
export function example(name: string): ArmResource {
  const doc = JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8'));
  return structuredClone(doc.responses['200'].body) as ArmResource;
}

export const S0 = '00000000-0000-0000-0000-000000000000';
export const SUB = 'subid';
export const S_FORBIDDEN = '22222222-2222-2222-2222-222222222222';
export const P = (sub: string, rg: string) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network`;

export const CIRCUIT = `${P(SUB, 'rg1')}/expressRouteCircuits/circuitName`;
export const CIRCUIT2 = `${P(SUB, 'rg1')}/expressRouteCircuits/circuitTwo`;
export const ER_CONN = `${P(S0, 'rg1')}/connections/connER`;
export const ER_CONN2 = `${P(S0, 'rg1')}/connections/connER2`;
export const GW = `${P(S0, 'rg1')}/virtualNetworkGateways/vpngw`;
export const VNET = `${P(S0, 'rg1')}/virtualNetworks/vnet1`;

/** A circuit with an embedded private peering, in the given location, as ARM returns it. */
export function circuit(id: string, location: string, extra: Record<string, unknown> = {}): ArmResource {
  const c = example('ExpressRouteCircuitGet');
  c.id = id;
  c.name = id.split('/').pop()!;
  const props = c.properties as Record<string, any>;
  props.serviceProviderProperties.peeringLocation = location;
  props.serviceProviderProvisioningState = 'Provisioned';
  props.peerings = [
    {
      id: `${id}/peerings/AzurePrivatePeering`,
      name: 'AzurePrivatePeering',
      properties: { peeringType: 'AzurePrivatePeering', state: 'Enabled', provisioningState: 'Succeeded', connections: [] },
    },
  ];
  Object.assign(props, extra);
  return c;
}

/**
 * A small estate built from the spec-example bodies, deliberately covering every edge-table row, mixed-case ids,
 * dangling references (missing) and references into a forbidden and an out-of-scope subscription (no-access).
 */
export function fixtureInventory(): Inventory {
  const c1 = circuit(CIRCUIT, 'Amsterdam', { expressRoutePort: { id: `${P(SUB, 'rg1')}/expressRoutePorts/port1` } });
  const c1Props = c1.properties as Record<string, any>;
  c1Props.authorizations = [example('ExpressRouteCircuitAuthorizationGet')];
  c1Props.authorizations[0].properties.connectionResourceUri = ER_CONN;
  const ms = example('ExpressRouteCircuitPeeringGet');
  (ms.properties as any).ipv6PeeringConfig.routeFilter = { id: `${P(SUB, 'rg1')}/routeFilters/filterName` };
  (ms.properties as any).expressRouteConnection = {
    id: `${P(SUB, 'resourceGroupName')}/expressRouteGateways/expressRouteGatewayName/expressRouteConnections/connectionName`,
  };
  c1Props.peerings.push(ms);
  const gr = example('ExpressRouteCircuitConnectionGet');
  gr.id = `${CIRCUIT}/peerings/AzurePrivatePeering/connections/gr1`;
  (gr.properties as any).expressRouteCircuitPeering.id = `${CIRCUIT}/peerings/AzurePrivatePeering`;
  const peer = structuredClone(gr);
  peer.id = `${CIRCUIT}/peerings/AzurePrivatePeering/peerConnections/pc1`;
  peer.type = 'Microsoft.Network/expressRouteCircuits/peerings/peerConnections';
  (peer.properties as any).peerExpressRouteCircuitPeering.id = `/subscriptions/${S_FORBIDDEN}/resourceGroups/rgx/providers/Microsoft.Network/expressRouteCircuits/cx/peerings/AzurePrivatePeering`;
  c1Props.peerings[0].properties.connections = [gr];
  c1Props.peerings[0].properties.peeredConnections = [peer];
  const c2 = circuit(CIRCUIT2, 'London');

  const gw = example('VirtualNetworkGatewayGet');
  const vpnConn = example('VirtualNetworkGatewayConnectionGet');
  const erConn = structuredClone(vpnConn);
  erConn.id = ER_CONN;
  erConn.name = 'connER';
  const erProps = erConn.properties as Record<string, any>;
  delete erProps.localNetworkGateway2;
  Object.assign(erProps, { connectionType: 'ExpressRoute', connectionStatus: 'Connected', routingWeight: 10, peer: { id: CIRCUIT.toUpperCase() } });
  const erConn2 = structuredClone(erConn);
  erConn2.id = ER_CONN2;
  erConn2.name = 'connER2';
  Object.assign(erConn2.properties as object, { routingWeight: 5, peer: { id: CIRCUIT2 } });
  const v2v = structuredClone(vpnConn);
  v2v.id = `${P(S0, 'rg1')}/connections/connV2V`;
  v2v.name = 'connV2V';
  delete (v2v.properties as any).localNetworkGateway2;
  Object.assign(v2v.properties as object, {
    connectionType: 'Vnet2Vnet',
    virtualNetworkGateway2: { id: `${P(S0, 'rg2')}/virtualNetworkGateways/othergw` },
    // RoutingConfiguration is one shape for every connection kind (the published example carries only its route maps)
    routingConfiguration: {
      associatedRouteTable: { id: `${P(S0, 'rg1')}/virtualHubs/virtualHub1/hubRouteTables/hubRouteTable1` },
      propagatedRouteTables: { ids: [{ id: `${P(S0, 'rg1')}/virtualHubs/virtualHub1/hubRouteTables/hubRouteTable1` }], labels: [] },
    },
  });
  const vnet: ArmResource = {
    id: VNET,
    name: 'vnet1',
    type: 'Microsoft.Network/virtualNetworks',
    location: 'centralus',
    properties: { provisioningState: 'Succeeded', subnets: [{ id: `${VNET}/subnets/GatewaySubnet`, name: 'GatewaySubnet', properties: { addressPrefix: '10.0.255.0/27' } }] },
  };

  const hub = example('VirtualHubGet');
  Object.assign(hub.properties as object, {
    virtualWan: { id: `/SUBSCRIPTIONS/${S0}/resourcegroups/RG1/providers/microsoft.network/VIRTUALWANS/WAN1` },
    expressRouteGateway: { id: `${P(S0, 'resourceGroupName')}/expressRouteGateways/expressRouteGatewayName` },
    vpnGateway: { id: `${P(S0, 'rg1')}/vpnGateways/gateway1` },
  });
  const erGw = example('ExpressRouteGatewayGet');
  (erGw.properties as any).virtualHub.id = hub.id;
  const vwanErConn = example('ExpressRouteConnectionGet');
  vwanErConn.id = `${erGw.id}/expressRouteConnections/connectionName`;
  (vwanErConn.properties as any).expressRouteCircuitPeering.id = `${CIRCUIT}/peerings/AzurePrivatePeering`;
  (erGw.properties as any).expressRouteConnections = [vwanErConn];
  const vpnGw = example('VpnGatewayGet');
  (vpnGw.properties as any).virtualHub.id = hub.id;
  const routeTable: ArmResource = {
    id: `${hub.id}/hubRouteTables/hubRouteTable1`,
    name: 'hubRouteTable1',
    type: 'Microsoft.Network/virtualHubs/hubRouteTables',
    properties: { provisioningState: 'Succeeded', labels: ['default'] },
  };

  const parents: ArmResource[] = [
    c1, c2, example('RouteFilterGet'), gw, vpnConn, erConn, erConn2, v2v, vnet,
    example('VirtualWANGet'), hub, erGw, vpnGw, example('VpnSiteGet'), example('VpnConnectionPut'), routeTable,
  ];
  return {
    source: { kind: 'emulator', label: 'fixture' },
    subscriptions: [
      { subscriptionId: S0, displayName: 'Zero' },
      { subscriptionId: SUB, displayName: 'Spec' },
      { subscriptionId: S_FORBIDDEN, displayName: 'Locked' },
    ],
    resources: flattenAll(parents),
    issues: [{ scope: `/subscriptions/${S_FORBIDDEN}`, kind: 'forbidden', code: 'AuthorizationFailed', message: 'no access' }],
    permissions: [{ scope: `/subscriptions/${S0}/resourceGroups/rg1`, actions: ['*'], notActions: [] }],
    forbiddenScopes: [`/subscriptions/${S_FORBIDDEN}`],
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
  };
}
