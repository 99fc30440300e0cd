import { ARM_TYPE, childId, etagFor, netId, ref, stableGuid } from './arm-ids.js';
import type { ScenarioResource } from './scenario-types.js';

type Props = Record<string, unknown>;

/** Inputs for an ExpressRoute circuit body; `props` is merged last so a scenario can plant any fault. */
export interface CircuitSpec {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  provider: string;
  peeringLocation: string;
  bandwidthInMbps: number;
  tier: 'Standard' | 'Premium' | 'Local' | 'Basic';
  family?: 'UnlimitedData' | 'MeteredData';
  serviceProviderProvisioningState?: string;
  circuitProvisioningState?: string;
  peerings?: ScenarioResource[];
  authorizations?: ScenarioResource[];
  tags?: Record<string, string>;
  props?: Props;
}

/** Id of a circuit, so peerings and authorizations can be built before the circuit body. */
export function circuitId(subscriptionId: string, resourceGroup: string, name: string): string {
  return netId(subscriptionId, resourceGroup, 'expressRouteCircuits', name);
}

/** A circuit GET body with peerings and authorizations embedded, as ARM returns it. */
export function circuit(s: CircuitSpec): ScenarioResource {
  const id = circuitId(s.subscriptionId, s.resourceGroup, s.name);
  const family = s.family ?? 'UnlimitedData';
  const body: ScenarioResource = {
    name: s.name,
    id,
    etag: etagFor(id),
    type: ARM_TYPE.circuit,
    location: s.location,
    properties: {
      provisioningState: 'Succeeded',
      peerings: s.peerings ?? [],
      authorizations: s.authorizations ?? [],
      serviceProviderProperties: {
        serviceProviderName: s.provider,
        peeringLocation: s.peeringLocation,
        bandwidthInMbps: s.bandwidthInMbps,
      },
      circuitProvisioningState: s.circuitProvisioningState ?? 'Enabled',
      allowClassicOperations: false,
      globalReachEnabled: false,
      gatewayManagerEtag: '',
      serviceKey: stableGuid(`servicekey:${id}`),
      serviceProviderProvisioningState: s.serviceProviderProvisioningState ?? 'Provisioned',
      ...s.props,
    },
    sku: { name: `${s.tier}_${family}`, tier: s.tier, family },
  };
  if (s.tags) body.tags = s.tags;
  return body;
}

/** Inputs for one circuit peering (private or Microsoft). */
export interface PeeringSpec {
  peeringType: 'AzurePrivatePeering' | 'MicrosoftPeering';
  peerASN: number;
  vlanId: number;
  primaryPeerAddressPrefix: string;
  secondaryPeerAddressPrefix: string;
  state?: 'Enabled' | 'Disabled';
  sharedKey?: string;
  /** Short device code used to build realistic Azure port names, e.g. "AMS". */
  portSite: string;
  connections?: ScenarioResource[];
  peerConnections?: ScenarioResource[];
  routeFilterId?: string;
  /** Microsoft peering only: advertised public prefixes and their validation state. */
  advertisedPublicPrefixes?: string[];
  advertisedPublicPrefixesState?: string;
  /** vWAN expressRouteConnection that uses this peering (read-only back-reference). */
  expressRouteConnectionId?: string;
  props?: Props;
}

/** A peering body (embedded in the circuit's `properties.peerings`). */
export function peering(circuit: string, s: PeeringSpec): ScenarioResource {
  const id = childId(circuit, 'peerings', s.peeringType);
  const properties: Props = {
    provisioningState: 'Succeeded',
    peeringType: s.peeringType,
    azureASN: 12076,
    peerASN: s.peerASN,
    primaryPeerAddressPrefix: s.primaryPeerAddressPrefix,
    secondaryPeerAddressPrefix: s.secondaryPeerAddressPrefix,
    primaryAzurePort: `${s.portSite}-06GMR-CIS-1-PRI-A`,
    secondaryAzurePort: `${s.portSite}-06GMR-CIS-2-SEC-A`,
    state: s.state ?? 'Enabled',
    vlanId: s.vlanId,
    gatewayManagerEtag: '',
    lastModifiedBy: 'Customer',
  };
  if (s.sharedKey !== undefined) properties.sharedKey = s.sharedKey;
  if (s.peeringType === 'MicrosoftPeering') {
    properties.microsoftPeeringConfig = {
      advertisedPublicPrefixes: s.advertisedPublicPrefixes ?? [],
      advertisedCommunities: [],
      advertisedPublicPrefixesState: s.advertisedPublicPrefixesState ?? 'Configured',
      customerASN: 0,
      legacyMode: 0,
      routingRegistryName: 'RIPENCC',
    };
    if (s.routeFilterId) properties.routeFilter = ref(s.routeFilterId);
  } else {
    properties.connections = s.connections ?? [];
    properties.peeredConnections = s.peerConnections ?? [];
  }
  if (s.expressRouteConnectionId) properties.expressRouteConnection = ref(s.expressRouteConnectionId);
  return { name: s.peeringType, id, etag: etagFor(id), properties: { ...properties, ...s.props }, type: ARM_TYPE.peering };
}

/** An authorization body (embedded in the circuit's `properties.authorizations`). */
export function authorization(
  circuit: string,
  name: string,
  key: string,
  useStatus: 'Available' | 'InUse',
  connectionResourceUri?: string,
  props?: Props,
): ScenarioResource {
  const id = childId(circuit, 'authorizations', name);
  const properties: Props = { provisioningState: 'Succeeded', authorizationKey: key, authorizationUseStatus: useStatus };
  if (connectionResourceUri) properties.connectionResourceUri = connectionResourceUri;
  return { name, id, etag: etagFor(id), properties: { ...properties, ...props }, type: ARM_TYPE.authorization };
}

/** A Global Reach circuit connection on `peeringId` towards `peerPeeringId` (embedded in `peering.properties.connections`). */
export function circuitConnection(
  peeringId: string,
  name: string,
  peerPeeringId: string,
  addressPrefix: string,
  opts: { authorizationKey?: string; status?: string; props?: Props } = {},
): ScenarioResource {
  const id = childId(peeringId, 'connections', name);
  const properties: Props = {
    provisioningState: 'Succeeded',
    addressPrefix,
    circuitConnectionStatus: opts.status ?? 'Connected',
    expressRouteCircuitPeering: ref(peeringId),
    peerExpressRouteCircuitPeering: ref(peerPeeringId),
  };
  if (opts.authorizationKey) properties.authorizationKey = opts.authorizationKey;
  return { name, type: ARM_TYPE.circuitConnection, etag: etagFor(id), id, properties: { ...properties, ...opts.props } };
}

/** The read-only mirror of a Global Reach connection on the peer circuit (embedded in `peering.properties.peeredConnections`). */
export function peerConnection(
  peeringId: string,
  connectionName: string,
  sourcePeeringId: string,
  addressPrefix: string,
  status = 'Connected',
): ScenarioResource {
  const id = childId(peeringId, 'peerConnections', connectionName);
  return {
    name: connectionName,
    type: ARM_TYPE.peerConnection,
    etag: etagFor(id),
    id,
    properties: {
      provisioningState: 'Succeeded',
      addressPrefix,
      circuitConnectionStatus: status,
      connectionName,
      authResourceGuid: stableGuid(`authres:${id}`),
      expressRouteCircuitPeering: ref(peeringId),
      peerExpressRouteCircuitPeering: ref(sourcePeeringId),
    },
  };
}

/** A route filter with its rules embedded; `peeringIds` are the Microsoft peerings it is attached to. */
export function routeFilter(
  subscriptionId: string,
  resourceGroup: string,
  name: string,
  location: string,
  rules: Array<{ name: string; communities: string[] }>,
  peeringIds: string[],
): ScenarioResource {
  const id = netId(subscriptionId, resourceGroup, 'routeFilters', name);
  return {
    id,
    etag: etagFor(id),
    location,
    name,
    type: ARM_TYPE.routeFilter,
    properties: {
      provisioningState: 'Succeeded',
      rules: rules.map((r) => {
        const rid = childId(id, 'routeFilterRules', r.name);
        return {
          id: rid,
          etag: etagFor(rid),
          name: r.name,
          properties: { provisioningState: 'Succeeded', access: 'Allow', routeFilterRuleType: 'Community', communities: r.communities },
        };
      }),
      peerings: peeringIds.map(ref),
    },
  };
}
