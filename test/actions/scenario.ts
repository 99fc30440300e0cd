import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArmConnection, type ArmConnection } from '../../src/arm/clients.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import type { FaultConfig } from '../../src/emulator/faults.js';
import { parseScenario } from '../../src/emulator/scenario.js';
import { flattenAll } from '../../src/inventory/flatten.js';
import { collectInventory } from '../../src/inventory/inventory.js';
import type { ArmResource } from '../../src/inventory/types.js';
import { buildGraph } from '../../src/topology/graph.js';
import type { TopologyGraph } from '../../src/topology/types.js';

export const S1 = '11111111-1111-1111-1111-111111111111';
export const S2 = '22222222-2222-2222-2222-222222222222';
const N = 'providers/Microsoft.Network';
export const APP = `/subscriptions/${S1}/resourceGroups/rg-app/${N}`;
export const HUBRG = `/subscriptions/${S1}/resourceGroups/rg-hub/${N}`;
export const ER1 = `/subscriptions/${S1}/resourceGroups/rg-er/${N}`;
export const ER2 = `/subscriptions/${S2}/resourceGroups/rg-er2/${N}`;
export const AMS = `${ER1}/expressRouteCircuits/er-ams`;
export const LON = `${ER2}/expressRouteCircuits/er-lon`;
export const NEW = `${ER1}/expressRouteCircuits/er-new`;
export const PENDING = `${ER1}/expressRouteCircuits/er-pending`;
export const DIS = `${ER1}/expressRouteCircuits/er-dis`;
export const GW_ER = `${APP}/virtualNetworkGateways/gw-er`;
export const GW_VPN = `${APP}/virtualNetworkGateways/gw-vpn`;
export const CONN_LON = `${APP}/connections/conn-lon`;
export const HUB = `${HUBRG}/virtualHubs/hub1`;
export const ERGW = `${HUBRG}/expressRouteGateways/ergw1`;
export const VPNGW = `${HUBRG}/vpnGateways/vpngw1`;
export const SITE = `${HUBRG}/vpnSites/site1`;
export const KEY_FREE = '0b8e2f0c-1111-4a5e-9c3d-5f6a7b8c9d01';
export const KEY_USED = '0b8e2f0c-2222-4a5e-9c3d-5f6a7b8c9d02';

const provider = (loc: string) => ({ serviceProviderName: 'Equinix', peeringLocation: loc, bandwidthInMbps: 1000 });

function circuit(id: string, tier: string, loc: string, state: string, extra: Record<string, unknown> = {}): ArmResource {
  return { id, name: id.split('/').pop()!, type: 'Microsoft.Network/expressRouteCircuits', location: 'westeurope', etag: 'W/"c0"',
    sku: { name: `${tier}_MeteredData`, tier, family: 'MeteredData' },
    properties: { provisioningState: 'Succeeded', circuitProvisioningState: 'Enabled', serviceProviderProvisioningState: state, serviceProviderProperties: provider(loc), ...extra } };
}

function privatePeering(circuitId: string, vlan: number, net: string, state = 'Enabled'): ArmResource {
  return { id: `${circuitId}/peerings/AzurePrivatePeering`, name: 'AzurePrivatePeering', type: 'Microsoft.Network/expressRouteCircuits/peerings', etag: 'W/"p0"',
    properties: { provisioningState: 'Succeeded', peeringType: 'AzurePrivatePeering', state, azureASN: 12076, peerASN: 65010, vlanId: vlan,
      primaryPeerAddressPrefix: `${net}.0/30`, secondaryPeerAddressPrefix: `${net}.4/30` } };
}

/** A small estate built for the action tests: same- and cross-subscription circuits, ER + VPN gateways, a vWAN hub. */
export function actionsScenario() {
  const resources: ArmResource[] = [
    circuit(AMS, 'Premium', 'Amsterdam', 'Provisioned', { peerings: [privatePeering(AMS, 100, '10.255.0')] }),
    circuit(LON, 'Premium', 'London', 'Provisioned', {
      peerings: [privatePeering(LON, 200, '10.255.1')],
      authorizations: [
        { id: `${LON}/authorizations/auth-free`, name: 'auth-free', type: 'Microsoft.Network/expressRouteCircuits/authorizations', etag: 'W/"a1"', properties: { provisioningState: 'Succeeded', authorizationKey: KEY_FREE, authorizationUseStatus: 'Available' } },
        { id: `${LON}/authorizations/auth-used`, name: 'auth-used', type: 'Microsoft.Network/expressRouteCircuits/authorizations', etag: 'W/"a2"', properties: { provisioningState: 'Succeeded', authorizationKey: KEY_USED, authorizationUseStatus: 'InUse', connectionResourceUri: CONN_LON } },
      ],
    }),
    circuit(NEW, 'Standard', 'Dublin', 'Provisioned', { peerings: [] }),
    circuit(PENDING, 'Standard', 'Paris', 'NotProvisioned'),
    circuit(DIS, 'Standard', 'Frankfurt', 'Provisioned', { peerings: [privatePeering(DIS, 300, '10.255.3', 'Disabled')] }),
    { id: GW_ER, name: 'gw-er', type: 'Microsoft.Network/virtualNetworkGateways', location: 'westeurope', etag: 'W/"g1"',
      properties: { provisioningState: 'Succeeded', gatewayType: 'ExpressRoute', sku: { name: 'ErGw1AZ', tier: 'ErGw1AZ' } } },
    { id: GW_VPN, name: 'gw-vpn', type: 'Microsoft.Network/virtualNetworkGateways', location: 'westeurope', etag: 'W/"g2"',
      properties: { provisioningState: 'Succeeded', gatewayType: 'Vpn', vpnType: 'RouteBased', sku: { name: 'VpnGw2AZ', tier: 'VpnGw2AZ' } } },
    { id: CONN_LON, name: 'conn-lon', type: 'Microsoft.Network/connections', location: 'westeurope', etag: 'W/"n1"',
      properties: { provisioningState: 'Succeeded', connectionType: 'ExpressRoute', virtualNetworkGateway1: { id: GW_ER }, peer: { id: LON },
        routingWeight: 40000, authorizationKey: KEY_USED, connectionStatus: 'Connected' } },
    { id: `${HUBRG}/virtualWans/wan1`, name: 'wan1', type: 'Microsoft.Network/virtualWans', location: 'westeurope', properties: { provisioningState: 'Succeeded' } },
    { id: HUB, name: 'hub1', type: 'Microsoft.Network/virtualHubs', location: 'westeurope', etag: 'W/"h1"',
      properties: { provisioningState: 'Succeeded', addressPrefix: '10.100.0.0/23', virtualWan: { id: `${HUBRG}/virtualWans/wan1` }, expressRouteGateway: { id: ERGW }, vpnGateway: { id: VPNGW } } },
    { id: `${HUB}/hubRouteTables/defaultRouteTable`, name: 'defaultRouteTable', type: 'Microsoft.Network/virtualHubs/hubRouteTables', properties: { provisioningState: 'Succeeded', labels: ['default'] } },
    { id: `${HUB}/hubRouteTables/rt-blue`, name: 'rt-blue', type: 'Microsoft.Network/virtualHubs/hubRouteTables', properties: { provisioningState: 'Succeeded', labels: ['blue'] } },
    { id: ERGW, name: 'ergw1', type: 'Microsoft.Network/expressRouteGateways', location: 'westeurope', etag: 'W/"e1"',
      properties: { provisioningState: 'Succeeded', virtualHub: { id: HUB }, autoScaleConfiguration: { bounds: { min: 1 } } } },
    { id: VPNGW, name: 'vpngw1', type: 'Microsoft.Network/vpnGateways', location: 'westeurope', etag: 'W/"v1"',
      properties: { provisioningState: 'Succeeded', virtualHub: { id: HUB }, bgpSettings: { asn: 65515 } } },
    { id: SITE, name: 'site1', type: 'Microsoft.Network/vpnSites', location: 'westeurope', etag: 'W/"s1"',
      properties: { provisioningState: 'Succeeded', virtualWan: { id: `${HUBRG}/virtualWans/wan1` }, addressSpace: { addressPrefixes: ['172.16.0.0/16'] },
        vpnSiteLinks: [
          { id: `${SITE}/vpnSiteLinks/link1`, name: 'link1', properties: { ipAddress: '203.0.113.10', bgpProperties: { asn: 65050, bgpPeeringAddress: '172.16.0.1' }, linkProperties: { linkSpeedInMbps: 100 } } },
          { id: `${SITE}/vpnSiteLinks/link2`, name: 'link2', properties: { ipAddress: '203.0.113.20', bgpProperties: { asn: 65050, bgpPeeringAddress: '172.16.0.2' }, linkProperties: { linkSpeedInMbps: 100 } } },
        ] } },
  ];
  return parseScenario({
    name: 'actions',
    subscriptions: [{ subscriptionId: S1, displayName: 'app' }, { subscriptionId: S2, displayName: 'circuits' }],
    resources,
    permissions: [
      { scope: `/subscriptions/${S1}`, actions: ['*'], notActions: [] },
      { scope: `/subscriptions/${S2}`, actions: ['*/read', 'Microsoft.Network/expressRouteCircuits/authorizations/*'], notActions: [] },
    ],
  }, 'actions');
}

/** The scenario's graph without an emulator (for pure plan tests). */
export function scenarioGraph(): TopologyGraph {
  const sc = actionsScenario();
  return buildGraph({
    source: { kind: 'emulator', label: 'test' }, subscriptions: sc.subscriptions as never, resources: flattenAll(sc.resources as ArmResource[]), issues: [],
    permissions: [], forbiddenScopes: [], startedAt: '', finishedAt: '',
  });
}

/** Emulator + fast connection + fresh inventory graph, plus a temp state dir for the audit log. */
export async function startActions(faults?: FaultConfig): Promise<{ emu: RunningEmulator; conn: ArmConnection; graph: (reader?: 'graph' | 'arm') => Promise<TopologyGraph>; env: NodeJS.ProcessEnv }> {
  const emu = await startEmulator({ scenario: actionsScenario(), timeScale: 0, ...(faults ? { faults } : {}) });
  const conn = createArmConnection({ endpoint: emu.endpoint, caPem: emu.caPem, pollIntervalMs: 5, retry: { maxRetries: 1, retryDelayInMs: 5, maxRetryDelayInMs: 20 } });
  // Default: the Resource Graph reader, as the product reads; 'arm' gives bodies with etags (the If-Match path).
  const graph = async (reader: 'graph' | 'arm' = 'graph') => buildGraph(await collectInventory(conn, { source: { kind: 'emulator', label: 'test', endpoint: emu.endpoint }, reader }));
  const env = { ERSCOPE_STATE_DIR: mkdtempSync(join(tmpdir(), 'erscope-audit-')) };
  return { emu, conn, graph, env };
}
