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
  /** Process CPU time per keypress (user + system): steadier than wall time on a shared, loaded machine. */
  cpuMedianMs: number;
  cpuP95Ms: number;
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

/** Quantile reader over a sample (nearest rank), rounded to 0.01. */
function quantiles(xs: number[]): (p: number) => number {
  const sorted = [...xs].sort((a, b) => a - b);
  return (p) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 100) / 100;
}

const yieldLoop = () => new Promise<void>((r) => setImmediate(r));

/** Keypresses (j, then ↑) on the connections view of a `nodes`-node estate at 120×40, each timed until the frame changes. */
export async function measure(nodes: number, presses: number): Promise<RenderBenchRow> {
  const backend = synthBackend(nodes);
  const r = render(<></>);
  Object.defineProperty(r.stdout, 'columns', { value: 120, configurable: true });
  Object.defineProperty(r.stdout, 'rows', { value: 40, configurable: true });
  r.rerender(<App backend={backend} autoLoad={false} initialView="connections" now={() => 0} theme={makeTheme({ NO_COLOR: '1' })} />);
  for (let i = 0; i < 200 && r.stdin.listenerCount('readable') === 0; i++) await yieldLoop();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < presses + 5; i++) {
    const before = r.lastFrame();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    r.stdin.write(i % 40 < 20 ? 'j' : '\u001b[A');
    for (let n = 0; r.lastFrame() === before && n < 100_000; n++) await yieldLoop();
    if (i < 5) continue; // first presses warm the JIT
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const rows = backend.initial!.graph.filterNodes((_k, a) => a.type === 'microsoft.network/connections').length;
  r.unmount();
  const q = quantiles(times);
  const qc = quantiles(cpu);
  return { nodes: backend.initial!.graph.order, rows, medianMs: q(0.5), p95Ms: q(0.95), cpuMedianMs: qc(0.5), cpuP95Ms: qc(0.95), presses };
}

// Run as a script (the bench runs it from a bundle built like the CLI's): `render-measure NODES PRESSES` prints one
// RenderBenchRow as JSON.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [nodes, presses] = process.argv.slice(2).map(Number);
  process.stdout.write(JSON.stringify(await measure(nodes ?? 100, presses ?? 60)) + '\n');
  process.exit(0);
}
