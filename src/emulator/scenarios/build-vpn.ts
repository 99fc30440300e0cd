import { ARM_TYPE, childId, etagFor, netId, ref } from './arm-ids.js';
import type { LiveFields } from './build-connections.js';
import type { ScenarioResource } from './scenario-types.js';

type Props = Record<string, unknown>;

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
