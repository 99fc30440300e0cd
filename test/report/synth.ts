import type { Finding } from '../../src/checks/types.js';
import type { ArmResource } from '../../src/inventory/types.js';
import type { ReportInput } from '../../src/report/model.js';
import { buildGraph } from '../../src/topology/graph.js';

const LOCATIONS = ['Amsterdam', 'London', 'Frankfurt', 'Paris', 'Dublin', 'Stockholm', 'Zurich', 'Madrid'];

/**
 * A synthetic estate of about `nodes` graph nodes (units of 10: circuit, peering, authorization, VNet gateway, two
 * connections, hub, ER gateway, ER connection, VPN site) spread over 5 subscriptions, built without the emulator.
 */
export function synthEstate(nodes: number): ReportInput {
  const units = Math.max(1, Math.round(nodes / 10));
  const resources: ArmResource[] = [];
  const findings: Finding[] = [];
  const subs = Array.from({ length: 5 }, (_, i) => `5ab0000${i}-0000-4000-8000-00000000000${i}`);
  for (let u = 0; u < units; u++) {
    const sub = subs[u % subs.length]!;
    const base = `/subscriptions/${sub}/resourceGroups/rg-${u}/providers/Microsoft.Network`;
    const circuit = `${base}/expressRouteCircuits/er-${u}`;
    const peering = `${circuit}/peerings/AzurePrivatePeering`;
    const gw = `${base}/virtualNetworkGateways/gw-${u}`;
    const hub = `${base}/virtualHubs/hub-${u}`;
    const ergw = `${base}/expressRouteGateways/ergw-${u}`;
    const props = (p: Record<string, unknown>) => ({ provisioningState: 'Succeeded', ...p });
    resources.push(
      { id: circuit, name: `er-${u}`, type: 'Microsoft.Network/expressRouteCircuits', location: 'westeurope',
        properties: props({ serviceProviderProperties: { serviceProviderName: 'Equinix', peeringLocation: LOCATIONS[u % LOCATIONS.length], bandwidthInMbps: 1000 }, serviceProviderProvisioningState: 'Provisioned' }) },
      { id: peering, name: 'AzurePrivatePeering', type: 'Microsoft.Network/expressRouteCircuits/peerings', properties: props({ peeringType: 'AzurePrivatePeering', state: 'Enabled', vlanId: 100 + u }) },
      { id: `${circuit}/authorizations/auth-${u}`, name: `auth-${u}`, type: 'Microsoft.Network/expressRouteCircuits/authorizations', properties: props({ authorizationKey: `key-${u}` }) },
      { id: gw, name: `gw-${u}`, type: 'Microsoft.Network/virtualNetworkGateways', location: 'westeurope', properties: props({ gatewayType: 'ExpressRoute' }) },
      ...[0, 1].map((k): ArmResource => ({ id: `${base}/connections/conn-${u}-${k}`, name: `conn-${u}-${k}`, type: 'Microsoft.Network/connections', location: 'westeurope',
        properties: props({ connectionType: 'ExpressRoute', routingWeight: k * 10, virtualNetworkGateway1: { id: gw }, peer: { id: circuit }, connectionStatus: 'Connected' }) })),
      { id: hub, name: `hub-${u}`, type: 'Microsoft.Network/virtualHubs', location: 'westeurope', properties: props({ expressRouteGateway: { id: ergw } }) },
      { id: ergw, name: `ergw-${u}`, type: 'Microsoft.Network/expressRouteGateways', location: 'westeurope', properties: props({ virtualHub: { id: hub } }) },
      { id: `${ergw}/expressRouteConnections/erc-${u}`, name: `erc-${u}`, type: 'Microsoft.Network/expressRouteGateways/expressRouteConnections', properties: props({ routingWeight: 5, expressRouteCircuitPeering: { id: peering } }) },
      { id: `${base}/vpnSites/site-${u}`, name: `site-${u}`, type: 'Microsoft.Network/vpnSites', location: 'westeurope', properties: props({ ipAddress: '203.0.113.1' }) },
    );
    if (u % 7 === 0) {
      findings.push({ ruleId: 'weight-backup-equal', severity: u % 2 ? 'medium' : 'high', resourceId: `${base}/connections/conn-${u}-0`, title: 'Weights equal',
        reason: 'Backup circuit gets traffic.', evidence: { routingWeight: 0 }, docs: 'https://learn.microsoft.com/azure/expressroute/' });
    }
  }
  return {
    graph: buildGraph({ source: { kind: 'snapshot', label: 'synthetic' }, subscriptions: subs.map((s, i) => ({ subscriptionId: s, displayName: `sub-${i}` })),
      resources, issues: [], permissions: [], forbiddenScopes: [], startedAt: '', finishedAt: '' }),
    findings, inventoryIssues: [], source: { kind: 'snapshot', label: `synthetic-${nodes}.json` },
    subscriptions: subs.map((s, i) => ({ subscriptionId: s, displayName: `sub-${i}` })), generatedAt: new Date('2026-01-02T03:04:05.000Z'),
  };
}
