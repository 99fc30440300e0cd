import { ARM_TYPE, childId, etagFor, netId, ref } from './arm-ids.js';
import type { ScenarioResource } from './scenario-types.js';

type Props = Record<string, unknown>;

/** A Virtual WAN body listing its hubs and VPN sites by reference. */
export function virtualWan(
  subscriptionId: string,
  resourceGroup: string,
  name: string,
  location: string,
  hubIds: string[],
  vpnSiteIds: string[],
): ScenarioResource {
  const id = netId(subscriptionId, resourceGroup, 'virtualWans', name);
  return {
    name,
    type: ARM_TYPE.vwan,
    etag: etagFor(id),
    id,
    location,
    properties: {
      provisioningState: 'Succeeded',
      type: 'Standard',
      disableVpnEncryption: false,
      allowBranchToBranchTraffic: true,
      office365LocalBreakoutCategory: 'None',
      virtualHubs: hubIds.map(ref),
      vpnSites: vpnSiteIds.map(ref),
    },
  };
}

/** Inputs for a virtual hub; gateway ids are the hub's back-references. */
export interface HubSpec {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  vwanId: string;
  addressPrefix: string;
  expressRouteGatewayId?: string;
  vpnGatewayId?: string;
}

/** A virtual hub body (hub route tables are separate child resources, as ARM lists them). */
export function virtualHub(s: HubSpec): ScenarioResource {
  const id = netId(s.subscriptionId, s.resourceGroup, 'virtualHubs', s.name);
  const [base] = s.addressPrefix.split('/');
  const stem = base!.split('.').slice(0, 3).join('.');
  const properties: Props = {
    provisioningState: 'Succeeded',
    virtualWan: ref(s.vwanId),
    virtualHubRouteTableV2s: [],
    addressPrefix: s.addressPrefix,
    sku: 'Standard',
    routingState: 'Provisioned',
    virtualRouterAsn: 65515,
    virtualRouterIps: [`${stem}.68`, `${stem}.69`],
    allowBranchToBranchTraffic: true,
    preferredRoutingGateway: 'ExpressRoute',
    hubRoutingPreference: 'ExpressRoute',
    virtualRouterAutoScaleConfiguration: { minCapacity: 2 },
  };
  if (s.expressRouteGatewayId) properties.expressRouteGateway = ref(s.expressRouteGatewayId);
  if (s.vpnGatewayId) properties.vpnGateway = ref(s.vpnGatewayId);
  return { id, etag: etagFor(id), location: s.location, name: s.name, type: ARM_TYPE.hub, properties };
}

/** A hub route table (`defaultRouteTable` / `noneRouteTable` exist on every hub). */
export function hubRouteTable(hubId: string, name: string, labels: string[], associatedConnections: string[], propagatingConnections: string[]): ScenarioResource {
  const id = childId(hubId, 'hubRouteTables', name);
  return {
    name,
    id,
    etag: etagFor(id),
    type: ARM_TYPE.hubRouteTable,
    properties: { provisioningState: 'Succeeded', routes: [], labels, associatedConnections, propagatingConnections },
  };
}

/** Routing configuration of a hub connection: associated table plus propagated tables. */
export function routingConfiguration(associatedRouteTableId: string, propagatedIds: string[], labels: string[]): Props {
  return {
    associatedRouteTable: ref(associatedRouteTableId),
    propagatedRouteTables: { labels, ids: propagatedIds.map(ref) },
    vnetRoutes: { staticRoutes: [] },
  };
}

/** A vWAN ExpressRoute gateway with its expressRouteConnections embedded. */
export function expressRouteGateway(
  subscriptionId: string,
  resourceGroup: string,
  name: string,
  location: string,
  hubId: string,
  scaleUnits: number,
  connections: ScenarioResource[],
): ScenarioResource {
  const id = netId(subscriptionId, resourceGroup, 'expressRouteGateways', name);
  return {
    name,
    type: ARM_TYPE.erGateway,
    etag: etagFor(id),
    id,
    location,
    properties: {
      provisioningState: 'Succeeded',
      allowNonVirtualWanTraffic: false,
      autoScaleConfiguration: { bounds: { min: scaleUnits } },
      virtualHub: ref(hubId),
      expressRouteConnections: connections,
    },
  };
}

/** Id of a vWAN ExpressRoute gateway, needed before its connections are built. */
export function expressRouteGatewayId(subscriptionId: string, resourceGroup: string, name: string): string {
  return netId(subscriptionId, resourceGroup, 'expressRouteGateways', name);
}

/** An expressRouteConnection (hub ER gateway → circuit private peering). */
export function expressRouteConnection(
  gatewayId: string,
  name: string,
  peeringId: string,
  routing: Props,
  opts: { routingWeight?: number; authorizationKey?: string; props?: Props } = {},
): ScenarioResource {
  const id = childId(gatewayId, 'expressRouteConnections', name);
  const properties: Props = {
    provisioningState: 'Succeeded',
    expressRouteCircuitPeering: ref(peeringId),
    routingWeight: opts.routingWeight ?? 0,
    enableInternetSecurity: false,
    expressRouteGatewayBypass: false,
    enablePrivateLinkFastPath: false,
    routingConfiguration: routing,
  };
  if (opts.authorizationKey) properties.authorizationKey = opts.authorizationKey;
  return { name, id, etag: etagFor(id), type: ARM_TYPE.erConnection, properties: { ...properties, ...opts.props } };
}
