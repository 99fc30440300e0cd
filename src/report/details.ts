import { RT } from '../arm/resource-types.js';
import type { ArmResource } from '../inventory/types.js';

/** One type-specific table column: a header and a dotted path into the raw ARM body. */
export interface DetailColumn {
  header: string;
  path: string;
}

/** The few properties an engineer scans first for each type; everything else stays in the JSON export. */
const COLUMNS: Record<string, DetailColumn[]> = {
  [RT.circuit]: [
    { header: 'Provider', path: 'properties.serviceProviderProperties.serviceProviderName' },
    { header: 'Peering location', path: 'properties.serviceProviderProperties.peeringLocation' },
    { header: 'Mbps', path: 'properties.serviceProviderProperties.bandwidthInMbps' },
    { header: 'SKU', path: 'sku.name' },
    { header: 'Provider state', path: 'properties.serviceProviderProvisioningState' },
    { header: 'Circuit state', path: 'properties.circuitProvisioningState' },
  ],
  [RT.peering]: [
    { header: 'Peering type', path: 'properties.peeringType' },
    { header: 'State', path: 'properties.state' },
    { header: 'VLAN', path: 'properties.vlanId' },
    { header: 'Peer ASN', path: 'properties.peerASN' },
    { header: 'Primary prefix', path: 'properties.primaryPeerAddressPrefix' },
    { header: 'Secondary prefix', path: 'properties.secondaryPeerAddressPrefix' },
  ],
  [RT.authorization]: [{ header: 'Use status', path: 'properties.authorizationUseStatus' }],
  [RT.circuitConnection]: [
    { header: 'Address prefix', path: 'properties.addressPrefix' },
    { header: 'Connection status', path: 'properties.circuitConnectionStatus' },
  ],
  [RT.vnetGateway]: [
    { header: 'Gateway type', path: 'properties.gatewayType' },
    { header: 'SKU', path: 'properties.sku.name' },
    { header: 'Active-active', path: 'properties.activeActive' },
    { header: 'BGP ASN', path: 'properties.bgpSettings.asn' },
  ],
  [RT.connection]: [
    { header: 'Connection type', path: 'properties.connectionType' },
    { header: 'Routing weight', path: 'properties.routingWeight' },
    { header: 'Connection status', path: 'properties.connectionStatus' },
    { header: 'FastPath', path: 'properties.expressRouteGatewayBypass' },
    { header: 'BGP', path: 'properties.enableBgp' },
  ],
  [RT.localGateway]: [
    { header: 'Gateway IP', path: 'properties.gatewayIpAddress' },
    { header: 'BGP ASN', path: 'properties.bgpSettings.asn' },
  ],
  [RT.hub]: [
    { header: 'Address prefix', path: 'properties.addressPrefix' },
    { header: 'Router ASN', path: 'properties.virtualRouterAsn' },
    { header: 'SKU', path: 'properties.sku' },
  ],
  [RT.erGateway]: [
    { header: 'Min scale units', path: 'properties.autoScaleConfiguration.bounds.min' },
    { header: 'Max scale units', path: 'properties.autoScaleConfiguration.bounds.max' },
  ],
  [RT.erConnection]: [
    { header: 'Routing weight', path: 'properties.routingWeight' },
    { header: 'Internet security', path: 'properties.enableInternetSecurity' },
  ],
  [RT.vpnConnection]: [
    { header: 'Routing weight', path: 'properties.routingWeight' },
    { header: 'Connection status', path: 'properties.connectionStatus' },
    { header: 'BGP', path: 'properties.enableBgp' },
  ],
  [RT.vpnSite]: [
    { header: 'IP address', path: 'properties.ipAddress' },
    { header: 'BGP ASN', path: 'properties.bgpProperties.asn' },
  ],
  [RT.routeFilter]: [{ header: 'Rules', path: 'properties.rules.length' }],
};

/** Type-specific columns for a table of `type` (empty for types without a curated list). */
export function detailColumns(type: string): DetailColumn[] {
  return COLUMNS[type] ?? [];
}

/** Reads a dotted path from a body; objects and arrays other than `.length` come back empty because tables hold scalars. */
export function readPath(body: ArmResource, path: string): string {
  let cur: unknown = body;
  for (const seg of path.split('.')) {
    if (cur === null || cur === undefined) return '';
    cur = (cur as Record<string, unknown>)[seg];
  }
  if (cur === null || cur === undefined) return '';
  if (typeof cur === 'object') return '';
  return String(cur);
}
