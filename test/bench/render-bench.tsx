import { pathToFileURL } from 'node:url';
import { render } from 'ink-testing-library';
import { App } from '../../src/ui/App.js';
import { flattenAll } from '../../src/inventory/flatten.js';
import { buildGraph } from '../../src/topology/graph.js';
import type { ArmResource, SubscriptionInfo } from '../../src/inventory/types.js';
import type { ExplorerBackend } from '../../src/ui/backend.js';
import { makeTheme } from '../../src/ui/theme.js';

/** One estate's keypress → frame timings. */
export interface RenderBenchRow {
  nodes: number;
  rows: number;
  medianMs: number;
  p95Ms: number;
  presses: number;
}

const SUB: SubscriptionInfo = { subscriptionId: '00000000-0000-0000-0000-0000000000aa', displayName: 'bench' };

/** A synthetic estate of about `nodes` graph nodes: units of circuit + peering + VNet + subnet + gateway + 5 connections. */
export function synthBackend(nodes: number): ExplorerBackend {
  const base = `/subscriptions/${SUB.subscriptionId}/resourceGroups/rg/providers/Microsoft.Network`;
  const res: ArmResource[] = [];
  for (let u = 0; u < Math.max(1, Math.round(nodes / 10)); u++) {
    const c = `${base}/expressRouteCircuits/er-${u}`;
    res.push({ id: c, name: `er-${u}`, type: 'Microsoft.Network/expressRouteCircuits', location: 'westeurope', properties: { serviceProviderProvisioningState: 'Provisioned', serviceProviderProperties: { serviceProviderName: 'P', peeringLocation: 'Amsterdam', bandwidthInMbps: 1000 }, peerings: [{ id: `${c}/peerings/AzurePrivatePeering`, name: 'AzurePrivatePeering', properties: { peeringType: 'AzurePrivatePeering', state: 'Enabled', peerASN: 65000 + u, vlanId: u } }] } });
    const v = `${base}/virtualNetworks/vnet-${u}`;
    res.push({ id: v, name: `vnet-${u}`, type: 'Microsoft.Network/virtualNetworks', location: 'westeurope', properties: { subnets: [{ id: `${v}/subnets/GatewaySubnet`, name: 'GatewaySubnet', properties: {} }] } });
    const g = `${base}/virtualNetworkGateways/gw-${u}`;
    res.push({ id: g, name: `gw-${u}`, type: 'Microsoft.Network/virtualNetworkGateways', location: 'westeurope', sku: { name: 'ErGw1AZ' }, properties: { gatewayType: 'ExpressRoute', ipConfigurations: [{ properties: { subnet: { id: `${v}/subnets/GatewaySubnet` } } }] } });
    for (let k = 0; k < 5; k++) {
      res.push({ id: `${base}/connections/conn-${u}-${k}`, name: `conn-${u}-${k}`, type: 'Microsoft.Network/connections', location: 'westeurope', properties: { connectionType: 'ExpressRoute', connectionStatus: 'Connected', routingWeight: k, virtualNetworkGateway1: { id: g }, peer: { id: c } } });
    }
  }
  const graph = buildGraph({ source: { kind: 'snapshot', label: 'bench' }, subscriptions: [SUB], resources: flattenAll(res), issues: [], permissions: [], forbiddenScopes: [], startedAt: '', finishedAt: '' });
  const data = { graph, findings: [], inventoryIssues: [], loadedAt: 0 };
  return { source: { kind: 'snapshot', label: 'bench' }, subscriptions: [SUB], mode: 'read-only', initial: data, load: async () => data };
}

const yieldLoop = () => new Promise<void>((r) => setImmediate(r));

async function measure(nodes: number, presses: number): Promise<RenderBenchRow> {
  const backend = synthBackend(nodes);
  const r = render(<></>);
  Object.defineProperty(r.stdout, 'columns', { value: 120, configurable: true });
  Object.defineProperty(r.stdout, 'rows', { value: 40, configurable: true });
  r.rerender(<App backend={backend} autoLoad={false} initialView="connections" now={() => 0} theme={makeTheme({ NO_COLOR: '1' })} />);
  for (let i = 0; i < 200 && r.stdin.listenerCount('readable') === 0; i++) await yieldLoop();
  const times: number[] = [];
  for (let i = 0; i < presses + 5; i++) {
    const before = r.lastFrame();
    const t0 = performance.now();
    r.stdin.write(i % 40 < 20 ? 'j' : '\u001b[A');
    for (let n = 0; r.lastFrame() === before && n < 100_000; n++) await yieldLoop();
    if (i >= 5) times.push(performance.now() - t0); // first presses warm the JIT
  }
  const rows = backend.initial!.graph.filterNodes((_k, a) => a.type === 'microsoft.network/connections').length;
  r.unmount();
  const sorted = [...times].sort((a, b) => a - b);
  const q = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 100) / 100;
  return { nodes: backend.initial!.graph.order, rows, medianMs: q(0.5), p95Ms: q(0.95), presses };
}

/** Keypress (j/↑) → next frame on a 10,000-node estate vs a 100-node baseline, measured in the same run. */
export async function benchRender(presses = 60): Promise<{ baseline: RenderBenchRow; large: RenderBenchRow; medianRatio: number; p95Ratio: number }> {
  const baseline = await measure(100, presses);
  const large = await measure(10_000, presses);
  const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 0.001)) * 100) / 100;
  const result = { baseline, large, medianRatio: ratio(large.medianMs, baseline.medianMs), p95Ratio: ratio(large.p95Ms, baseline.p95Ms) };
  console.log('render bench: keypress → frame, connections view, 120×40');
  console.log(`  ${'estate'.padEnd(12)}${'nodes'.padStart(8)}${'rows'.padStart(8)}${'median ms'.padStart(12)}${'p95 ms'.padStart(10)}`);
  for (const [label, r] of [['baseline', baseline], ['large', large]] as const) {
    console.log(`  ${label.padEnd(12)}${String(r.nodes).padStart(8)}${String(r.rows).padStart(8)}${String(r.medianMs).padStart(12)}${String(r.p95Ms).padStart(10)}`);
  }
  console.log(`  ratio large/baseline: median ×${result.medianRatio}, p95 ×${result.p95Ratio}`);
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchRender();
}
