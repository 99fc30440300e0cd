import type { Finding } from '../../src/checks/types.js';
import type { ArmResource, Inventory } from '../../src/inventory/types.js';
import { buildGraph } from '../../src/topology/graph.js';
import type { ReportInput } from '../../src/report/model.js';

/** Secrets planted in bodies, evidence and text; no report may contain any of them. */
export const PLANTED = {
  authKey: 'a1b2c3d4-PLANTED-AUTH-KEY-9f8e7d6c5b4a',
  sharedKey: 'PlantedSharedKey-Zq9xW8vU7tS6',
  md5: 'PlantedMd5Secret-Kk2Jj3',
};

/** A name that tries HTML, DOT, Mermaid, Markdown and CSV injection at once. */
export const EVIL_NAME = `<script>alert(1)</script>"];x->y[label="pwn|*_\`#&amp;,=cmd`;

export const SUB_A = '11111111-1111-1111-1111-111111111111';
export const SUB_B = '22222222-2222-2222-2222-222222222222';
const net = (sub: string, rg: string, path: string): string => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/${path}`;

export const IDS = {
  circuitAms: net(SUB_A, 'rg-er', 'expressRouteCircuits/er-ams'),
  peeringAms: net(SUB_A, 'rg-er', 'expressRouteCircuits/er-ams/peerings/AzurePrivatePeering'),
  authAms: net(SUB_A, 'rg-er', 'expressRouteCircuits/er-ams/authorizations/auth-app'),
  circuitLon: net(SUB_A, 'rg-er', 'expressRouteCircuits/er-lon'),
  gateway: net(SUB_B, 'rg-app', 'virtualNetworkGateways/gw-app'),
  connAms: net(SUB_B, 'rg-app', 'connections/conn-ams'),
  connLon: net(SUB_B, 'rg-app', 'connections/conn-lon'),
  connEvil: net(SUB_B, 'rg-app', 'connections/conn-evil'),
  hub: net(SUB_A, 'rg-wan', 'virtualHubs/hub-weu'),
  erGateway: net(SUB_A, 'rg-wan', 'expressRouteGateways/ergw-weu'),
  erConn: net(SUB_A, 'rg-wan', 'expressRouteGateways/ergw-weu/expressRouteConnections/erc-ams'),
  vpnGateway: net(SUB_A, 'rg-wan', 'vpnGateways/vpngw-weu'),
  vpnConn: net(SUB_A, 'rg-wan', 'vpnGateways/vpngw-weu/vpnConnections/vpnc-branch'),
  vpnSite: net(SUB_A, 'rg-wan', 'vpnSites/branch-1'),
  missingCircuit: net('33333333-3333-3333-3333-333333333333', 'rg-x', 'expressRouteCircuits/er-partner'),
};

function res(id: string, type: string, properties: Record<string, unknown>, extra: Partial<ArmResource> = {}): ArmResource {
  return { id, name: id.split('/').pop()!, type, location: 'westeurope', properties: { provisioningState: 'Succeeded', ...properties }, ...extra };
}

/** A small two-subscription estate touching every diagram feature: clusters, weights, stubs, severities, secrets. */
export function fixtureInventory(): Inventory {
  const circuit = (id: string, loc: string) => res(id, 'Microsoft.Network/expressRouteCircuits', {
    serviceProviderProperties: { serviceProviderName: 'Equinix', peeringLocation: loc, bandwidthInMbps: 1000 },
    serviceProviderProvisioningState: 'Provisioned', circuitProvisioningState: 'Enabled',
  }, { sku: { name: 'Standard_MeteredData', tier: 'Standard', family: 'MeteredData' } });
  const resources: ArmResource[] = [
    circuit(IDS.circuitAms, 'Amsterdam'),
    circuit(IDS.circuitLon, 'London'),
    res(IDS.peeringAms, 'Microsoft.Network/expressRouteCircuits/peerings', {
      peeringType: 'AzurePrivatePeering', state: 'Enabled', vlanId: 100, peerASN: 65010, sharedKey: PLANTED.md5,
      primaryPeerAddressPrefix: '10.0.0.0/30', secondaryPeerAddressPrefix: '10.0.0.4/30',
    }),
    res(IDS.authAms, 'Microsoft.Network/expressRouteCircuits/authorizations', { authorizationKey: PLANTED.authKey, authorizationUseStatus: 'InUse' }),
    res(IDS.gateway, 'Microsoft.Network/virtualNetworkGateways', { gatewayType: 'ExpressRoute', sku: { name: 'Standard', tier: 'Standard' } }),
    res(IDS.connAms, 'Microsoft.Network/connections', {
      connectionType: 'ExpressRoute', routingWeight: 10, connectionStatus: 'Connected', authorizationKey: PLANTED.authKey,
      virtualNetworkGateway1: { id: IDS.gateway, properties: {} }, peer: { id: IDS.circuitAms },
    }),
    res(IDS.connLon, 'Microsoft.Network/connections', {
      connectionType: 'ExpressRoute', routingWeight: 0, connectionStatus: 'NotConnected',
      virtualNetworkGateway1: { id: IDS.gateway, properties: {} }, peer: { id: IDS.circuitLon },
    }),
    res(IDS.connEvil, 'Microsoft.Network/connections', {
      connectionType: 'ExpressRoute', routingWeight: 10, virtualNetworkGateway1: { id: IDS.gateway, properties: {} },
      peer: { id: IDS.missingCircuit },
    }, { name: EVIL_NAME }),
    res(IDS.hub, 'Microsoft.Network/virtualHubs', { addressPrefix: '10.100.0.0/23', expressRouteGateway: { id: IDS.erGateway }, vpnGateway: { id: IDS.vpnGateway } }),
    res(IDS.erGateway, 'Microsoft.Network/expressRouteGateways', { virtualHub: { id: IDS.hub }, autoScaleConfiguration: { bounds: { min: 1 } } }),
    res(IDS.erConn, 'Microsoft.Network/expressRouteGateways/expressRouteConnections', {
      routingWeight: 5, authorizationKey: PLANTED.authKey, expressRouteCircuitPeering: { id: IDS.peeringAms },
    }),
    res(IDS.vpnGateway, 'Microsoft.Network/vpnGateways', { virtualHub: { id: IDS.hub } }),
    res(IDS.vpnConn, 'Microsoft.Network/vpnGateways/vpnConnections', {
      remoteVpnSite: { id: IDS.vpnSite }, sharedKey: PLANTED.sharedKey, routingWeight: 0, connectionStatus: 'Connected',
    }),
    res(IDS.vpnSite, 'Microsoft.Network/vpnSites', { ipAddress: '203.0.113.10' }),
  ];
  return {
    source: { kind: 'emulator', label: 'https://127.0.0.1:9999 (fixture)', endpoint: 'https://127.0.0.1:9999', scenario: 'fixture' },
    subscriptions: [{ subscriptionId: SUB_A, displayName: 'Connectivity' }, { subscriptionId: SUB_B, displayName: 'App <Landing> Zone' }],
    resources,
    issues: [{ scope: `/subscriptions/${SUB_B}/resourceGroups/rg-locked`, kind: 'forbidden', family: 'connections', message: `403 for sharedKey=${PLANTED.sharedKey}` }],
    permissions: [],
    forbiddenScopes: [],
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
  };
}

/** Hand-written findings in the checks helper's shape (one per severity, plus secrets in evidence and text). */
export function fixtureFindings(): Finding[] {
  return [
    { ruleId: 'connection-not-connected', severity: 'high', resourceId: IDS.connLon, title: 'Connection conn-lon is not connected',
      reason: 'Traffic to on-premises cannot use this path.', evidence: { connectionStatus: 'NotConnected' }, docs: 'https://learn.microsoft.com/azure/expressroute/expressroute-troubleshooting-expressroute-overview' },
    { ruleId: 'reference-no-access', severity: 'medium', resourceId: IDS.connEvil.toUpperCase(), title: 'Peer circuit cannot be read',
      reason: `The key authorizationKey=${PLANTED.authKey} was used`, evidence: { authorizationKey: PLANTED.authKey, peer: IDS.missingCircuit },
      fix: { kind: 'set-property', description: `Grant Reader; old sharedKey: ${PLANTED.sharedKey}`, targetId: IDS.connEvil }, docs: 'https://learn.microsoft.com/azure/role-based-access-control/' },
    { ruleId: 'single-peering-location', severity: 'low', resourceId: IDS.gateway, title: 'Gateway has circuits in one location only',
      reason: 'A peering-location outage takes the site down.', evidence: { locations: ['Amsterdam'] }, docs: 'https://learn.microsoft.com/azure/expressroute/designing-for-high-availability-with-expressroute' },
    { ruleId: 'gateway-not-zone-redundant', severity: 'info', resourceId: IDS.gateway, title: 'Gateway SKU is not zone-redundant',
      reason: 'Zone failure affects the gateway.', evidence: { sku: 'Standard' }, docs: 'https://learn.microsoft.com/azure/expressroute/expressroute-about-virtual-network-gateways' },
  ];
}

/** Report input for the fixture estate with a fixed clock. */
export function fixtureInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const inv = fixtureInventory();
  return {
    graph: buildGraph(inv), findings: fixtureFindings(), inventoryIssues: inv.issues, source: inv.source,
    subscriptions: inv.subscriptions, generatedAt: new Date('2026-01-02T03:04:05.000Z'), ...overrides,
  };
}
