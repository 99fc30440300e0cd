/** Resource families the emulator serves and how ARM embeds children in their parents. */

/** Canonical (ARM-cased) segment for each lower-cased type segment, used when the emulator has to invent a `type`. */
export const SEGMENT_CASE: Record<string, string> = {
  expressroutecircuits: 'expressRouteCircuits', peerings: 'peerings', authorizations: 'authorizations',
  connections: 'connections', peerconnections: 'peerConnections', expressrouteports: 'expressRoutePorts',
  routefilters: 'routeFilters', routefilterrules: 'routeFilterRules', virtualnetworkgateways: 'virtualNetworkGateways',
  localnetworkgateways: 'localNetworkGateways', virtualnetworks: 'virtualNetworks', subnets: 'subnets',
  publicipaddresses: 'publicIPAddresses', virtualwans: 'virtualWans', virtualhubs: 'virtualHubs',
  hubroutetables: 'hubRouteTables', expressroutegateways: 'expressRouteGateways',
  expressrouteconnections: 'expressRouteConnections', vpngateways: 'vpnGateways', vpnconnections: 'vpnConnections',
  vpnlinkconnections: 'vpnLinkConnections', vpnsites: 'vpnSites', vpnsitelinks: 'vpnSiteLinks',
  routemaps: 'routeMaps', natrules: 'natRules',
};

/** Lower-cased Microsoft.Network types (with child segments) that have routes. */
export const SERVED_TYPES = new Set([
  'microsoft.network/expressroutecircuits', 'microsoft.network/expressroutecircuits/peerings',
  'microsoft.network/expressroutecircuits/authorizations', 'microsoft.network/expressroutecircuits/peerings/connections',
  'microsoft.network/expressroutecircuits/peerings/peerconnections', 'microsoft.network/expressrouteports',
  'microsoft.network/routefilters', 'microsoft.network/routefilters/routefilterrules',
  'microsoft.network/virtualnetworkgateways', 'microsoft.network/connections', 'microsoft.network/localnetworkgateways',
  'microsoft.network/virtualnetworks', 'microsoft.network/virtualnetworks/subnets', 'microsoft.network/publicipaddresses',
  'microsoft.network/virtualwans', 'microsoft.network/virtualhubs', 'microsoft.network/virtualhubs/hubroutetables',
  'microsoft.network/expressroutegateways', 'microsoft.network/expressroutegateways/expressrouteconnections',
  'microsoft.network/vpngateways', 'microsoft.network/vpngateways/vpnconnections',
  'microsoft.network/vpngateways/vpnconnections/vpnlinkconnections', 'microsoft.network/vpnsites',
  'microsoft.network/vpnsites/vpnsitelinks', 'microsoft.network/virtualhubs/routemaps',
  'microsoft.network/vpngateways/natrules', 'microsoft.network/virtualnetworkgateways/natrules',
]);

/** One embedded child collection: the parent's property name and the child's type segment. */
export interface EmbeddedCollection {
  prop: string;
  segment: string;
}

/** Which child arrays ARM embeds in a parent body (hub route tables and route maps are deliberately absent: ARM does not embed them). */
export const EMBEDDED: Record<string, EmbeddedCollection[]> = {
  'microsoft.network/expressroutecircuits': [
    { prop: 'peerings', segment: 'peerings' },
    { prop: 'authorizations', segment: 'authorizations' },
  ],
  'microsoft.network/expressroutecircuits/peerings': [
    { prop: 'connections', segment: 'connections' },
    { prop: 'peeredConnections', segment: 'peerconnections' },
  ],
  'microsoft.network/expressroutegateways': [{ prop: 'expressRouteConnections', segment: 'expressrouteconnections' }],
  'microsoft.network/vpngateways': [
    { prop: 'connections', segment: 'vpnconnections' },
    { prop: 'natRules', segment: 'natrules' },
  ],
  'microsoft.network/virtualnetworkgateways': [{ prop: 'natRules', segment: 'natrules' }],
  'microsoft.network/vpngateways/vpnconnections': [{ prop: 'vpnLinkConnections', segment: 'vpnlinkconnections' }],
  'microsoft.network/vpnsites': [{ prop: 'vpnSiteLinks', segment: 'vpnsitelinks' }],
  'microsoft.network/virtualnetworks': [{ prop: 'subnets', segment: 'subnets' }],
  'microsoft.network/routefilters': [{ prop: 'rules', segment: 'routefilterrules' }],
};

/** ARM-cased type string for a lower-cased type, e.g. Microsoft.Network/expressRouteCircuits/peerings. */
export function canonicalType(lowerType: string): string {
  const [ns, ...segs] = lowerType.split('/');
  const nsCased = ns === 'microsoft.network' ? 'Microsoft.Network' : ns!;
  return [nsCased, ...segs.map((s) => SEGMENT_CASE[s] ?? s)].join('/');
}
