import { createArmConnection, type ArmConnection } from '../../src/arm/clients.js';
import type { FaultConfig } from '../../src/emulator/faults.js';
import { ScenarioBuilder, type Scenario } from '../../src/emulator/scenario.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { collectInventory } from '../../src/inventory/inventory.js';
import { buildGraph } from '../../src/topology/graph.js';
import type { TopologyGraph } from '../../src/topology/types.js';

export const SUB = '44444444-4444-4444-4444-444444444444';
const NET = `/subscriptions/${SUB}/resourceGroups/rg-er/providers/Microsoft.Network`;
export const CIRCUIT = `${NET}/expressRouteCircuits/er-test`;
export const PEERING = `${CIRCUIT}/peerings/AzurePrivatePeering`;
export const GATEWAY = `${NET}/virtualNetworkGateways/vgw-er`;
export const CONNECTION = `${NET}/connections/cn-er`;
export const VNET = `${NET}/virtualNetworks/vnet-app`;
export const ER_GATEWAY = `${NET}/expressRouteGateways/ergw-hub`;
export const ER_CONNECTION = `${ER_GATEWAY}/expressRouteConnections/ercn-test`;

/** The failure classes of the official flow, each planted on an otherwise healthy path. */
export type Variant = 'healthy' | 'provider-not-provisioned' | 'peering-disabled' | 'arp-secondary-empty' | 'bgp-not-established' | 'zero-traffic' | 'gateway-vpn';

const arp = (base: string) => [
  { age: 7, interface: 'On-Prem', ipAddress: `${base}1`, macAddress: '9e37.79b1.0001' },
  { age: 0, interface: 'Microsoft', ipAddress: `${base}2`, macAddress: 'f1bb.cd88.0008' },
];
const summary = (neighbor: string, state: string | number) => [{ neighbor, v: 4, as: 65010, upDown: '3d01h', statePfxRcd: state }];

/** A one-circuit, one-gateway, one-connection estate with diagnostics, and the variant's fault planted. */
export function diagnoseScenario(variant: Variant): Scenario {
  const v = (name: Variant) => variant === name;
  const b = new ScenarioBuilder(`diagnose-${variant}`).subscription(SUB, 'diag');
  b.resource({
    id: CIRCUIT, name: 'er-test', type: 'Microsoft.Network/expressRouteCircuits', location: 'westeurope',
    sku: { name: 'Standard_MeteredData', tier: 'Standard', family: 'MeteredData' },
    properties: {
      provisioningState: 'Succeeded', circuitProvisioningState: 'Enabled', serviceKey: 'b1c2d3e4-0000-4000-8000-00000000c1c1',
      serviceProviderProvisioningState: v('provider-not-provisioned') ? 'NotProvisioned' : 'Provisioned',
      serviceProviderProperties: { serviceProviderName: 'Equinix', peeringLocation: 'Amsterdam', bandwidthInMbps: 1000 },
      peerings: [{
        id: PEERING, name: 'AzurePrivatePeering',
        properties: {
          peeringType: 'AzurePrivatePeering', state: v('peering-disabled') ? 'Disabled' : 'Enabled', provisioningState: 'Succeeded',
          azureASN: 12076, peerASN: 65010, vlanId: 100, primaryPeerAddressPrefix: '10.10.0.0/30', secondaryPeerAddressPrefix: '10.10.0.4/30',
        },
      }],
    },
  });
  b.resource({
    id: VNET, name: 'vnet-app', type: 'Microsoft.Network/virtualNetworks', location: 'westeurope',
    properties: { addressSpace: { addressPrefixes: ['10.1.0.0/16'] }, subnets: [{ id: `${VNET}/subnets/GatewaySubnet`, name: 'GatewaySubnet', properties: { addressPrefix: '10.1.255.0/27' } }] },
  });
  b.resource({
    id: GATEWAY, name: 'vgw-er', type: 'Microsoft.Network/virtualNetworkGateways', location: 'westeurope',
    properties: {
      provisioningState: 'Succeeded', gatewayType: v('gateway-vpn') ? 'Vpn' : 'ExpressRoute', vpnType: 'RouteBased',
      sku: { name: 'ErGw1AZ', tier: 'ErGw1AZ' }, activeActive: false,
      ipConfigurations: [{ id: `${GATEWAY}/ipConfigurations/default`, name: 'default', properties: { subnet: { id: `${VNET}/subnets/GatewaySubnet` } } }],
    },
  });
  b.resource({
    id: CONNECTION, name: 'cn-er', type: 'Microsoft.Network/connections', location: 'westeurope',
    properties: {
      provisioningState: 'Succeeded', connectionType: 'ExpressRoute', routingWeight: 10, connectionStatus: 'Connected',
      virtualNetworkGateway1: { id: GATEWAY }, peer: { id: CIRCUIT }, ingressBytesTransferred: 1000, egressBytesTransferred: 2000,
    },
  });
  b.resource({
    id: ER_GATEWAY, name: 'ergw-hub', type: 'Microsoft.Network/expressRouteGateways', location: 'westeurope',
    properties: {
      provisioningState: 'Succeeded', autoScaleConfiguration: { bounds: { min: 1 } },
      expressRouteConnections: [{ id: ER_CONNECTION, name: 'ercn-test', properties: { provisioningState: 'Succeeded', routingWeight: 0, expressRouteCircuitPeering: { id: PEERING } } }],
    },
  });
  const stats = v('zero-traffic')
    ? { primarybytesIn: 0, primarybytesOut: 0, secondarybytesIn: 0, secondarybytesOut: 0 }
    : { primarybytesIn: 5000, primarybytesOut: 9000, secondarybytesIn: 4000, secondarybytesOut: 8000, ratePerSecond: 1_000_000 };
  b.diagnostics(PEERING, {
    arpTable: { primary: arp('10.10.0.'), secondary: v('arp-secondary-empty') ? [] : arp('10.10.0.').map((e) => ({ ...e, ipAddress: e.ipAddress.replace(/\.(\d)$/, (_m, d) => `.${Number(d) + 4}`) })) },
    routesTable: { primary: [{ network: '10.20.0.0/16', nextHop: '10.10.0.1', locPrf: '', weight: 0, path: '65010' }], secondary: [{ network: '10.20.0.0/16', nextHop: '10.10.0.5', locPrf: '', weight: 0, path: '65010' }] },
    routesTableSummary: v('bgp-not-established')
      ? { primary: summary('10.10.0.1', 'Active'), secondary: summary('10.10.0.5', 'Idle') }
      : { primary: summary('10.10.0.1', 2), secondary: summary('10.10.0.5', '2') },
    stats,
  });
  b.diagnostics(GATEWAY, {
    bgpPeers: [
      { localAddress: '10.1.255.4', neighbor: '10.1.255.1', asn: 12076, state: 'Connected', routesReceived: 2, messagesSent: 10, messagesReceived: 10 },
      { localAddress: '10.1.255.5', neighbor: '10.1.255.2', asn: 12076, state: 'Connected', routesReceived: 2, messagesSent: 10, messagesReceived: 10 },
    ],
    learnedRoutes: [{ localAddress: '10.1.255.4', network: '10.20.0.0/16', nextHop: '10.1.255.1', sourcePeer: '10.1.255.1', origin: 'EBgp', asPath: '12076-65010', weight: 32769 }],
  });
  return b.build();
}

/** A running emulator for a scenario, a fast connection to it and the graph read through the real inventory. */
export interface DiagnoseWorld {
  emu: RunningEmulator;
  conn: ArmConnection;
  graph: TopologyGraph;
  close(): Promise<void>;
}

/** Starts the emulator (real clock so counters move), reads the inventory and builds the graph. */
export async function startWorld(scenario: Scenario, faults?: FaultConfig): Promise<DiagnoseWorld> {
  const emu = await startEmulator({ scenario, timeScale: 1 });
  const conn = createArmConnection({ endpoint: emu.endpoint, caPem: emu.caPem, pollIntervalMs: 5, retry: { maxRetries: 0 } });
  const inv = await collectInventory(conn, { source: { kind: 'emulator', label: 'test', endpoint: emu.endpoint } });
  if (faults) emu.setFaults(faults);
  return { emu, conn, graph: buildGraph(inv), close: () => emu.close() };
}
