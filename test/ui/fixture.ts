import type { ArmResource, Inventory, SubscriptionInfo } from '../../src/inventory/types.js';
import type { Finding } from '../../src/checks/types.js';
import { flattenAll } from '../../src/inventory/flatten.js';
import { buildGraph } from '../../src/topology/graph.js';
import type { ExplorerBackend, ExplorerData } from '../../src/ui/backend.js';

/** Subscriptions in scope; a third one (3333…) is referenced but out of scope, so references into it are no-access stubs. */
export const SUBS: SubscriptionInfo[] = [
  { subscriptionId: '11111111-0000-0000-0000-000000000001', displayName: 'prod-hub' },
  { subscriptionId: '22222222-0000-0000-0000-000000000002', displayName: 'prod-spokes' },
];
const HUB = `/subscriptions/${SUBS[0]!.subscriptionId}/resourceGroups/rg-net/providers/Microsoft.Network`;
const SPOKE = `/subscriptions/${SUBS[1]!.subscriptionId}/resourceGroups/rg-conn/providers/Microsoft.Network`;
const FOREIGN = '/subscriptions/33333333-0000-0000-0000-000000000003/resourceGroups/rg-x/providers/Microsoft.Network';

/** Fixed load time so "refreshed 12s ago" is stable in golden frames. */
export const LOADED_AT = 1_700_000_000_000;
/** Clock for tests: 12 seconds after the load. */
export const NOW = () => LOADED_AT + 12_000;

function circuit(name: string, loc: string, provider: string, where: string, mbps: number, tier: string, state: string, peerings: ArmResource[]): ArmResource {
  return {
    id: `${HUB}/expressRouteCircuits/${name}`, name, type: 'Microsoft.Network/expressRouteCircuits', location: loc,
    sku: { name: `${tier}_MeteredData`, tier, family: 'MeteredData' },
    properties: {
      provisioningState: 'Succeeded', circuitProvisioningState: 'Enabled', serviceProviderProvisioningState: state,
      serviceProviderProperties: { serviceProviderName: provider, peeringLocation: where, bandwidthInMbps: mbps },
      peerings, authorizations: [{ id: `${HUB}/expressRouteCircuits/${name}/authorizations/auth-1`, name: 'auth-1', properties: { authorizationKey: 'super-secret-key', authorizationUseStatus: 'Available' } }],
    },
  };
}

function privatePeering(circuitName: string, asn: number, vlan: number, p1: string, p2: string): ArmResource {
  return {
    id: `${HUB}/expressRouteCircuits/${circuitName}/peerings/AzurePrivatePeering`, name: 'AzurePrivatePeering', type: 'Microsoft.Network/expressRouteCircuits/peerings',
    properties: { peeringType: 'AzurePrivatePeering', state: 'Enabled', peerASN: asn, vlanId: vlan, primaryPeerAddressPrefix: p1, secondaryPeerAddressPrefix: p2, provisioningState: 'Succeeded' },
  };
}

function conn(name: string, type: string, gw: string, peer: Record<string, unknown>, weight: number, status: string): ArmResource {
  return {
    id: `${SPOKE}/connections/${name}`, name, type: 'Microsoft.Network/connections', location: 'westeurope',
    properties: { connectionType: type, virtualNetworkGateway1: { id: `${HUB}/virtualNetworkGateways/${gw}`, properties: {} }, ...peer, routingWeight: weight, connectionStatus: status, provisioningState: 'Succeeded', ...(type === 'IPsec' ? { sharedKey: 'psk-secret' } : {}) },
  };
}

function gateway(name: string, kind: 'ExpressRoute' | 'Vpn', sku: string): ArmResource {
  return {
    id: `${HUB}/virtualNetworkGateways/${name}`, name, type: 'Microsoft.Network/virtualNetworkGateways', location: 'westeurope',
    // As ARM returns it: a VNet gateway's SKU lives under properties (unlike a circuit's).
    properties: { sku: { name: sku, tier: sku }, gatewayType: kind, provisioningState: 'Succeeded', ipConfigurations: [{ name: 'ipconf', properties: { subnet: { id: `${HUB}/virtualNetworks/vnet-hub-weu/subnets/GatewaySubnet` } } }] },
  };
}

const RESOURCES: ArmResource[] = [
  circuit('er-ams-1', 'westeurope', 'Equinix', 'Amsterdam', 1000, 'Premium', 'Provisioned', [privatePeering('er-ams-1', 65010, 100, '192.168.10.0/30', '192.168.10.4/30')]),
  circuit('er-fra-1', 'germanywestcentral', 'Megaport', 'Frankfurt', 500, 'Standard', 'Provisioned', [privatePeering('er-fra-1', 65020, 200, '192.168.20.0/30', '192.168.20.4/30')]),
  circuit('er-sin-1', 'southeastasia', 'Singtel', 'Singapore', 200, 'Standard', 'NotProvisioned', []),
  {
    id: `${HUB}/virtualNetworks/vnet-hub-weu`, name: 'vnet-hub-weu', type: 'Microsoft.Network/virtualNetworks', location: 'westeurope',
    properties: { provisioningState: 'Succeeded', addressSpace: { addressPrefixes: ['10.0.0.0/16'] }, subnets: [{ id: `${HUB}/virtualNetworks/vnet-hub-weu/subnets/GatewaySubnet`, name: 'GatewaySubnet', properties: { addressPrefix: '10.0.255.0/27' } }] },
  },
  gateway('gw-er-weu', 'ExpressRoute', 'ErGw1AZ'),
  gateway('gw-vpn-weu', 'Vpn', 'VpnGw1'),
  { id: `${SPOKE}/localNetworkGateways/lng-branch`, name: 'lng-branch', type: 'Microsoft.Network/localNetworkGateways', location: 'westeurope', properties: { provisioningState: 'Succeeded', gatewayIpAddress: '203.0.113.10' } },
  conn('conn-er-ams', 'ExpressRoute', 'gw-er-weu', { peer: { id: `${HUB}/expressRouteCircuits/er-ams-1` } }, 100, 'Connected'),
  conn('conn-er-fra', 'ExpressRoute', 'gw-er-weu', { peer: { id: `${HUB}/expressRouteCircuits/er-fra-1` } }, 0, 'Connected'),
  conn('conn-er-ghost', 'ExpressRoute', 'gw-er-weu', { peer: { id: `${FOREIGN}/expressRouteCircuits/er-partner` } }, 10, 'NotConnected'),
  conn('conn-s2s-branch', 'IPsec', 'gw-vpn-weu', { localNetworkGateway2: { id: `${SPOKE}/localNetworkGateways/lng-branch`, properties: {} } }, 0, 'Connected'),
  conn('conn-s2s-lost', 'IPsec', 'gw-vpn-weu', { localNetworkGateway2: { id: `${SPOKE}/localNetworkGateways/lng-deleted`, properties: {} } }, 0, 'NotConnected'),
  { id: `${HUB}/virtualWans/vwan-core`, name: 'vwan-core', type: 'Microsoft.Network/virtualWans', location: 'westeurope', properties: { provisioningState: 'Succeeded' } },
  {
    id: `${HUB}/virtualHubs/hub-weu`, name: 'hub-weu', type: 'Microsoft.Network/virtualHubs', location: 'westeurope',
    properties: { addressPrefix: '10.100.0.0/23', provisioningState: 'Succeeded', virtualWan: { id: `${HUB}/virtualWans/vwan-core` }, expressRouteGateway: { id: `${HUB}/expressRouteGateways/ergw-hub-weu` }, vpnGateway: { id: `${HUB}/vpnGateways/vpngw-hub-weu` } },
  },
  { id: `${HUB}/virtualHubs/hub-sea`, name: 'hub-sea', type: 'Microsoft.Network/virtualHubs', location: 'southeastasia', properties: { addressPrefix: '10.101.0.0/23', provisioningState: 'Succeeded', virtualWan: { id: `${HUB}/virtualWans/vwan-core` } } },
  {
    id: `${HUB}/expressRouteGateways/ergw-hub-weu`, name: 'ergw-hub-weu', type: 'Microsoft.Network/expressRouteGateways', location: 'westeurope',
    properties: {
      provisioningState: 'Succeeded', virtualHub: { id: `${HUB}/virtualHubs/hub-weu` }, autoScaleConfiguration: { bounds: { min: 2 } },
      expressRouteConnections: [{ id: `${HUB}/expressRouteGateways/ergw-hub-weu/expressRouteConnections/erc-ams`, name: 'erc-ams', properties: { provisioningState: 'Succeeded', routingWeight: 0, expressRouteCircuitPeering: { id: `${HUB}/expressRouteCircuits/er-ams-1/peerings/AzurePrivatePeering` } } }],
    },
  },
  {
    id: `${HUB}/vpnGateways/vpngw-hub-weu`, name: 'vpngw-hub-weu', type: 'Microsoft.Network/vpnGateways', location: 'westeurope',
    properties: {
      provisioningState: 'Succeeded', virtualHub: { id: `${HUB}/virtualHubs/hub-weu` }, vpnGatewayScaleUnit: 1,
      connections: [{ id: `${HUB}/vpnGateways/vpngw-hub-weu/vpnConnections/vpnc-branch2`, name: 'vpnc-branch2', properties: { provisioningState: 'Succeeded', connectionStatus: 'Connected', remoteVpnSite: { id: `${HUB}/vpnSites/site-branch2` } } }],
    },
  },
  {
    id: `${HUB}/vpnSites/site-branch2`, name: 'site-branch2', type: 'Microsoft.Network/vpnSites', location: 'westeurope',
    properties: { provisioningState: 'Succeeded', virtualWan: { id: `${HUB}/virtualWans/vwan-core` }, vpnSiteLinks: [{ id: `${HUB}/vpnSites/site-branch2/vpnSiteLinks/link-a`, name: 'link-a', properties: {} }, { id: `${HUB}/vpnSites/site-branch2/vpnSiteLinks/link-b`, name: 'link-b', properties: {} }] },
  },
];

function finding(ruleId: string, severity: Finding['severity'], resourceId: string, title: string, reason: string, fix?: string): Finding {
  return { ruleId, severity, resourceId, title, reason, evidence: {}, docs: `https://learn.microsoft.com/azure/expressroute/#${ruleId}`, ...(fix ? { fix: { kind: 'set-property', description: fix, targetId: resourceId } } : {}) };
}

/** Findings planted against the fixture (authored here, not computed, so frames do not depend on the checks helper). */
export const FINDINGS: Finding[] = [
  finding('reference-no-access', 'high', `${SPOKE}/connections/conn-er-ghost`, 'Peer circuit is not readable', 'The connection points at a circuit in a subscription you cannot read, so its state cannot be verified.', 'Ask for Reader on the circuit subscription, or scope erscope to include it.'),
  finding('connection-not-connected', 'high', `${SPOKE}/connections/conn-s2s-lost`, 'Connection is not connected', 'Its local network gateway no longer exists; traffic to the branch has no path.', 'Recreate lng-deleted or point the connection at an existing local network gateway.'),
  finding('circuit-not-provisioned', 'medium', `${HUB}/expressRouteCircuits/er-sin-1`, 'Provider has not provisioned the circuit', 'serviceProviderProvisioningState is NotProvisioned; no BGP session can come up until the provider finishes.', 'Give the service key to Singtel and wait for Provisioned.'),
  finding('vwan-hub-no-er-gateway', 'medium', `${HUB}/virtualHubs/hub-sea`, 'Hub has no ExpressRoute gateway', 'Circuits cannot connect to this hub without an ExpressRoute gateway.'),
  finding('vpn-dpd-out-of-range', 'low', `${SPOKE}/connections/conn-s2s-branch`, 'DPD timeout outside 9-3600 s', 'Dead peer detection timeout is outside the supported range.', 'Set dpdTimeoutSeconds to 45.'),
  finding('gateway-not-zone-redundant', 'info', `${HUB}/virtualNetworkGateways/gw-vpn-weu`, 'Gateway SKU is not zone-redundant', 'A zonal outage takes the gateway down.', 'Move to VpnGw1AZ.'),
];

/** The fixture as explorer data. */
export function fixtureData(): ExplorerData {
  const inv: Inventory = {
    source: { kind: 'snapshot', label: 'fixture.json' }, subscriptions: SUBS, resources: flattenAll(RESOURCES), issues: [],
    permissions: [], forbiddenScopes: [], startedAt: new Date(LOADED_AT).toISOString(), finishedAt: new Date(LOADED_AT).toISOString(),
  };
  return { graph: buildGraph(inv), findings: FINDINGS, inventoryIssues: [], loadedAt: LOADED_AT };
}

/** A backend over the fixture; `fail` makes every load after the first reject (refresh failure → stale). */
export function fixtureBackend(opts: { fail?: boolean; mode?: 'read-only' | 'write'; initial?: boolean } = {}): ExplorerBackend & { loads: number } {
  const data = fixtureData();
  const b = {
    source: { kind: 'snapshot' as const, label: 'fixture.json' },
    subscriptions: SUBS,
    mode: opts.mode ?? 'read-only',
    loads: 0,
    initial: opts.initial === false ? undefined : data,
    async load(onProgress: (p: { done: number; total: number; label?: string }) => void) {
      b.loads += 1;
      onProgress({ done: 1, total: 2, label: 'prod-hub' });
      if (opts.fail && b.loads > 1) throw new Error('ARM returned 503 ServiceUnavailable for prod-hub (retry later)');
      return { ...data, loadedAt: LOADED_AT };
    },
  };
  return b;
}
