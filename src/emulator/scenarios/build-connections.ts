import { ARM_TYPE, etagFor, netId, ref, stableGuid } from './arm-ids.js';
import type { ScenarioResource } from './scenario-types.js';

type Props = Record<string, unknown>;

/** Live fields every connection carries: status and byte counters. */
export interface LiveFields {
  connectionStatus: 'Connected' | 'NotConnected' | 'Connecting' | 'Unknown';
  ingressBytesTransferred: number;
  egressBytesTransferred: number;
}

/** Inputs for an ExpressRoute gateway connection (gateway → circuit). */
export interface ErConnectionSpec {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  gatewayId: string;
  circuitId: string;
  routingWeight: number;
  live: LiveFields;
  authorizationKey?: string;
  fastPath?: boolean;
  tags?: Record<string, string>;
  props?: Props;
}

/** A `Microsoft.Network/connections` body of type ExpressRoute. */
export function erConnection(s: ErConnectionSpec): ScenarioResource {
  const id = netId(s.subscriptionId, s.resourceGroup, 'connections', s.name);
  const properties: Props = {
    provisioningState: 'Succeeded',
    resourceGuid: stableGuid(`guid:${id}`),
    connectionType: 'ExpressRoute',
    virtualNetworkGateway1: ref(s.gatewayId),
    peer: ref(s.circuitId),
    routingWeight: s.routingWeight,
    enableBgp: false,
    usePolicyBasedTrafficSelectors: false,
    ipsecPolicies: [],
    trafficSelectorPolicies: [],
    expressRouteGatewayBypass: s.fastPath ?? false,
    enablePrivateLinkFastPath: false,
    useLocalAzureIpAddress: false,
    ...s.live,
  };
  if (s.authorizationKey !== undefined) properties.authorizationKey = s.authorizationKey;
  const body: ScenarioResource = { name: s.name, type: ARM_TYPE.connection, etag: etagFor(id), id, location: s.location, properties: { ...properties, ...s.props } };
  if (s.tags) body.tags = s.tags;
  return body;
}

/** One custom IPsec/IKE policy entry, field names as the spec spells them. */
export interface IpsecPolicy {
  saLifeTimeSeconds: number;
  saDataSizeKilobytes: number;
  ipsecEncryption: string;
  ipsecIntegrity: string;
  ikeEncryption: string;
  ikeIntegrity: string;
  dhGroup: string;
  pfsGroup: string;
}

/** Inputs for a site-to-site IPsec connection (VPN gateway → local network gateway). */
export interface IpsecConnectionSpec {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  gatewayId: string;
  localGatewayId: string;
  sharedKey: string;
  live: LiveFields;
  enableBgp?: boolean;
  dpdTimeoutSeconds?: number;
  ipsecPolicies?: IpsecPolicy[];
  /** Azure-side APIPA addresses per gateway ip configuration (BGP over APIPA). */
  customBgpIpAddresses?: Array<{ ipConfigurationId: string; customBgpIpAddress: string }>;
  props?: Props;
}

/** A `Microsoft.Network/connections` body of type IPsec. */
export function ipsecConnection(s: IpsecConnectionSpec): ScenarioResource {
  const id = netId(s.subscriptionId, s.resourceGroup, 'connections', s.name);
  const up = s.live.connectionStatus === 'Connected';
  return {
    name: s.name,
    type: ARM_TYPE.connection,
    etag: etagFor(id),
    id,
    location: s.location,
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: stableGuid(`guid:${id}`),
      connectionType: 'IPsec',
      connectionProtocol: 'IKEv2',
      connectionMode: 'Default',
      authenticationType: 'PSK',
      virtualNetworkGateway1: ref(s.gatewayId),
      localNetworkGateway2: ref(s.localGatewayId),
      sharedKey: s.sharedKey,
      routingWeight: 0,
      dpdTimeoutSeconds: s.dpdTimeoutSeconds ?? 45,
      enableBgp: s.enableBgp ?? false,
      useLocalAzureIpAddress: false,
      usePolicyBasedTrafficSelectors: false,
      ipsecPolicies: s.ipsecPolicies ?? [],
      trafficSelectorPolicies: [],
      gatewayCustomBgpIpAddresses: s.customBgpIpAddresses ?? [],
      tunnelConnectionStatus: [
        {
          tunnel: `${s.name}_${up ? '20.61.4.10' : 'unknown'}`,
          connectionStatus: s.live.connectionStatus,
          ingressBytesTransferred: s.live.ingressBytesTransferred,
          egressBytesTransferred: s.live.egressBytesTransferred,
          lastConnectionEstablishedUtcTime: up ? '2026-11-20T07:14:09Z' : '',
        },
      ],
      ...s.live,
      ...s.props,
    },
  };
}

/** A local network gateway (on-premises VPN device); `bgp` omitted means the device runs static routing. */
export function localGateway(
  subscriptionId: string,
  resourceGroup: string,
  name: string,
  location: string,
  gatewayIpAddress: string,
  addressPrefixes: string[],
  bgp?: { asn: number; bgpPeeringAddress: string },
): ScenarioResource {
  const id = netId(subscriptionId, resourceGroup, 'localNetworkGateways', name);
  const properties: Props = {
    provisioningState: 'Succeeded',
    resourceGuid: stableGuid(`guid:${id}`),
    gatewayIpAddress,
    localNetworkAddressSpace: { addressPrefixes },
  };
  if (bgp) properties.bgpSettings = { asn: bgp.asn, bgpPeeringAddress: bgp.bgpPeeringAddress, peerWeight: 0 };
  return { name, id, etag: etagFor(id), type: ARM_TYPE.localGateway, location, properties };
}
