/** ARM-cased resource types as GET bodies spell them (comparisons elsewhere are case-insensitive). */
export const ARM_TYPE = {
  circuit: 'Microsoft.Network/expressRouteCircuits',
  peering: 'Microsoft.Network/expressRouteCircuits/peerings',
  authorization: 'Microsoft.Network/expressRouteCircuits/authorizations',
  circuitConnection: 'Microsoft.Network/expressRouteCircuits/peerings/connections',
  peerConnection: 'Microsoft.Network/expressRouteCircuits/peerings/peerConnections',
  routeFilter: 'Microsoft.Network/routeFilters',
  routeFilterRule: 'Microsoft.Network/routeFilters/routeFilterRules',
  vnetGateway: 'Microsoft.Network/virtualNetworkGateways',
  connection: 'Microsoft.Network/connections',
  localGateway: 'Microsoft.Network/localNetworkGateways',
  vnet: 'Microsoft.Network/virtualNetworks',
  subnet: 'Microsoft.Network/virtualNetworks/subnets',
  publicIp: 'Microsoft.Network/publicIPAddresses',
  vwan: 'Microsoft.Network/virtualWans',
  hub: 'Microsoft.Network/virtualHubs',
  hubRouteTable: 'Microsoft.Network/virtualHubs/hubRouteTables',
  erGateway: 'Microsoft.Network/expressRouteGateways',
  erConnection: 'Microsoft.Network/expressRouteGateways/expressRouteConnections',
  vpnGateway: 'Microsoft.Network/vpnGateways',
  vpnConnection: 'Microsoft.Network/vpnGateways/vpnConnections',
  vpnLinkConnection: 'Microsoft.Network/vpnGateways/vpnConnections/vpnLinkConnections',
  vpnSite: 'Microsoft.Network/vpnSites',
  vpnSiteLink: 'Microsoft.Network/vpnSites/vpnSiteLinks',
} as const;

/** Id of a top-level Microsoft.Network resource; `kind` is the plural type segment, e.g. "expressRouteCircuits". */
export function netId(subscriptionId: string, resourceGroup: string, kind: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Network/${kind}/${name}`;
}

/** Id of a child resource under `parent`, e.g. childId(circuitId, 'peerings', 'AzurePrivatePeering'). */
export function childId(parent: string, kind: string, name: string): string {
  return `${parent}/${kind}/${name}`;
}

/** Last path segment of an id (the resource name). */
export function nameOf(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

/** 128-bit non-cryptographic hash (cyrb128) as 32 hex digits; fast enough for 10,000-resource estates. */
function hash128(text: string): string {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

/** Deterministic GUID (v4 layout) from any seed text, so scenario files and generated estates are stable across runs. */
export function stableGuid(seed: string): string {
  const h = hash128(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Weak etag in the shape the Network RP returns (`W/"<guid>"`), derived from the id and a revision. */
export function etagFor(id: string, revision = 0): string {
  return `W/"${stableGuid(`etag:${id.toLowerCase()}:${revision}`)}"`;
}

/** Embedded reference object exactly as ARM nests it: `{ "id": ... }`. */
export function ref(id: string): { id: string } {
  return { id };
}
