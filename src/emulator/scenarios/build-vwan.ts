import { ARM_TYPE, childId, etagFor, netId, ref } from './arm-ids.js';
import type { LiveFields } from './build-vnet.js';
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

/** A vWAN VPN gateway with its vpnConnections embedded. */
export function vpnGateway(
  subscriptionId: string,
  resourceGroup: string,
  name: string,
  location: string,
  hubId: string,
  hubPrefix: string,
  connections: ScenarioResource[],
): ScenarioResource {
  const id = netId(subscriptionId, resourceGroup, 'vpnGateways', name);
  const stem = hubPrefix.split('/')[0]!.split('.').slice(0, 3).join('.');
  const instance = (i: number, apipa: string) => ({
    ipconfigurationId: `Instance${i}`,
    defaultBgpIpAddresses: [`${stem}.${12 + i}`],
    customBgpIpAddresses: [apipa],
    tunnelIpAddresses: [`20.126.${40 + i}.${17 + (name.length % 50)}`],
  });
  return {
    name,
    type: ARM_TYPE.vpnGateway,
    etag: etagFor(id),
    id,
    location,
    properties: {
      provisioningState: 'Succeeded',
      virtualHub: ref(hubId),
      vpnGatewayScaleUnit: 1,
      bgpSettings: { asn: 65515, bgpPeeringAddress: `${stem}.12,${stem}.13`, bgpPeeringAddresses: [instance(0, '169.254.21.1'), instance(1, '169.254.22.1')], peerWeight: 0 },
      connections,
      natRules: [],
      enableBgpRouteTranslationForNat: false,
      isRoutingPreferenceInternet: false,
    },
  };
}

/** Id of a vWAN VPN gateway, needed before its connections are built. */
export function vpnGatewayId(subscriptionId: string, resourceGroup: string, name: string): string {
  return netId(subscriptionId, resourceGroup, 'vpnGateways', name);
}

/** Inputs for one vpnLinkConnection (one tunnel pair to one VPN site link). */
export interface VpnLinkSpec {
  name: string;
  siteLinkId: string;
  sharedKey: string;
  enableBgp: boolean;
  live: LiveFields;
  ipsecPolicies?: unknown[];
  props?: Props;
}

/** A vpnConnection with its vpnLinkConnections embedded; `props` may carry the legacy connection-level ipsecPolicies. */
export function vpnConnection(
  gatewayId: string,
  name: string,
  siteId: string,
  routing: Props,
  links: VpnLinkSpec[],
  live: LiveFields,
  props: Props = {},
): ScenarioResource {
  const id = childId(gatewayId, 'vpnConnections', name);
  return {
    name,
    id,
    etag: etagFor(id),
    type: ARM_TYPE.vpnConnection,
    properties: {
      provisioningState: 'Succeeded',
      remoteVpnSite: ref(siteId),
      enableInternetSecurity: false,
      enableBgp: links.some((l) => l.enableBgp),
      routingWeight: 0,
      dpdTimeoutSeconds: 45,
      connectionBandwidth: 0,
      ipsecPolicies: [],
      vpnConnectionProtocolType: 'IKEv2',
      ...live,
      vpnLinkConnections: links.map((l) => vpnLinkConnection(id, l)),
      routingConfiguration: routing,
      trafficSelectorPolicies: [],
      ...props,
    },
  };
}

function vpnLinkConnection(connectionId: string, l: VpnLinkSpec): ScenarioResource {
  const id = childId(connectionId, 'vpnLinkConnections', l.name);
  return {
    name: l.name,
    type: ARM_TYPE.vpnLinkConnection,
    etag: etagFor(id),
    id,
    properties: {
      provisioningState: 'Succeeded',
      vpnSiteLink: ref(l.siteLinkId),
      connectionBandwidth: 200,
      ipsecPolicies: l.ipsecPolicies ?? [],
      vpnConnectionProtocolType: 'IKEv2',
      sharedKey: l.sharedKey,
      enableBgp: l.enableBgp,
      enableRateLimiting: false,
      useLocalAzureIpAddress: false,
      usePolicyBasedTrafficSelectors: false,
      routingWeight: 0,
      dpdTimeoutSeconds: 45,
      vpnLinkConnectionMode: 'Default',
      vpnGatewayCustomBgpAddresses: [],
      ...l.live,
      ...l.props,
    },
  };
}

/** Inputs for one VPN site link (one ISP circuit at a branch). */
export interface SiteLinkSpec {
  name: string;
  ipAddress: string;
  provider: string;
  speedMbps: number;
  bgp?: { asn: number; bgpPeeringAddress: string };
}

/** A VPN site with its links embedded. */
export function vpnSite(
  subscriptionId: string,
  resourceGroup: string,
  name: string,
  location: string,
  vwanId: string,
  addressPrefixes: string[],
  device: { vendor: string; model: string },
  links: SiteLinkSpec[],
): ScenarioResource {
  const id = netId(subscriptionId, resourceGroup, 'vpnSites', name);
  return {
    name,
    type: ARM_TYPE.vpnSite,
    etag: etagFor(id),
    id,
    location,
    properties: {
      provisioningState: 'Succeeded',
      virtualWan: ref(vwanId),
      addressSpace: { addressPrefixes },
      deviceProperties: { deviceVendor: device.vendor, deviceModel: device.model, linkSpeedInMbps: 0 },
      isSecuritySite: false,
      vpnSiteLinks: links.map((l) => {
        const lid = childId(id, 'vpnSiteLinks', l.name);
        const p: Props = {
          provisioningState: 'Succeeded',
          ipAddress: l.ipAddress,
          linkProperties: { linkProviderName: l.provider, linkSpeedInMbps: l.speedMbps },
        };
        if (l.bgp) p.bgpProperties = l.bgp;
        return { name: l.name, type: ARM_TYPE.vpnSiteLink, etag: etagFor(lid), id: lid, properties: p };
      }),
    },
  };
}
