import { parseArmId } from '../arm/arm-id.js';
import type { ArmResource } from '../inventory/types.js';
import type { DevicePath, TrafficStats } from '../status/live-reads.js';
import { formatRate } from '../status/sparkline.js';
import { peerAddresses } from './addresses.js';
import { describeArp, evaluateArp, type ArpEntry } from './arp.js';
import { describeBgp, evaluateBgpSummary, summariseGatewayPeers, type GatewayBgpPeer, type RouteSummaryEntry } from './bgp.js';
import { couldNotRun, propsOf, settle, sleep, type FlowState, type StepOutcome } from './flow.js';

const PATHS: DevicePath[] = ['primary', 'secondary'];

function peeringBasics(state: FlowState) {
  const p = propsOf(state.peering);
  const c = propsOf(state.circuit);
  const spp = (c.serviceProviderProperties ?? {}) as Record<string, unknown>;
  return {
    p,
    prefixes: { primary: p.primaryPeerAddressPrefix as string | undefined, secondary: p.secondaryPeerAddressPrefix as string | undefined },
    params: {
      circuit: parseArmId(state.target.circuitId ?? '').name ?? '?',
      peering: parseArmId(state.target.peeringId ?? '').name ?? '?',
      provider: String(spp.serviceProviderName ?? 'your provider'),
      vlan: String(p.vlanId ?? '?'),
      peerAsn: String(p.peerASN ?? '?'),
    },
  };
}

/** Step 3: ARP on both MSEE devices (long-running POSTs); the on-premises first IP of each /30 must have a MAC. */
export async function checkArp(state: FlowState, signal: AbortSignal): Promise<StepOutcome> {
  const peeringId = state.target.peeringId!;
  const { prefixes, params } = peeringBasics(state);
  const calls = await Promise.all(
    PATHS.map((path) => {
      state.progress('arp', `ARP table on ${path}`);
      return settle(state.reads.listArpTable(peeringId, path, { abortSignal: signal }));
    }),
  );
  const evidence: Record<string, unknown> = {};
  const results = PATHS.flatMap((path, i) => {
    const call = calls[i]!;
    if (!call.ok) {
      evidence[path] = couldNotRun(call.error, signal);
      return [];
    }
    const r = evaluateArp(path, prefixes[path], call.value as ArpEntry[]);
    evidence[path] = { ...r, table: call.value };
    return [r];
  });
  const bad = results.filter((r) => !r.ok);
  const errors = calls.filter((c) => !c.ok);
  if (bad.length === 2) {
    return {
      verdict: 'fail', evidence, detail: bad.map(describeArp).join('; '),
      fault: { code: 'arp-down-both', params: { ...params, onPremPrimary: bad[0]!.onPremisesIp ?? '?', onPremSecondary: bad[1]!.onPremisesIp ?? '?' } },
    };
  }
  if (bad.length === 1) {
    const r = bad[0]!;
    return { verdict: 'fail', evidence, detail: describeArp(r), fault: { code: 'arp-down', params: { ...params, path: r.path, problem: describeArp(r).replace(/^\w+: /, ''), onPrem: r.onPremisesIp ?? '?' } } };
  }
  if (errors.length > 0) {
    const first = errors[0] as { ok: false; error: unknown };
    return { verdict: 'skipped', evidence, detail: couldNotRun(first.error, signal) };
  }
  return { verdict: 'pass', evidence, detail: results.map(describeArp).join('; ') };
}

async function gatewayBody(state: FlowState, id: string, signal: AbortSignal): Promise<ArmResource> {
  const key = id.toLowerCase();
  const cached = state.gateways.get(key);
  if (cached) return cached;
  const body = await state.reads.getResource(id, { abortSignal: signal });
  state.gateways.set(key, body);
  return body;
}

/** Step 4: BGP neighbour per device (route table summary), route counts, and BGP/learned routes on connected VNet gateways. */
export async function checkBgp(state: FlowState, signal: AbortSignal): Promise<StepOutcome> {
  const peeringId = state.target.peeringId!;
  const { p, prefixes, params } = peeringBasics(state);
  const peerAsn = typeof p.peerASN === 'number' ? p.peerASN : undefined;
  state.progress('bgp-routes', 'route table summaries');
  const summaries = await Promise.all(PATHS.map((path) => settle(state.reads.listRoutesTableSummary(peeringId, path, { abortSignal: signal }))));
  const tables = await Promise.all(PATHS.map((path) => settle(state.reads.listRoutesTable(peeringId, path, { abortSignal: signal }))));
  const evidence: Record<string, unknown> = {};
  const errors: unknown[] = [];
  const results = PATHS.flatMap((path, i) => {
    const s = summaries[i]!;
    const t = tables[i]!;
    if (!t.ok) errors.push(t.error);
    const routes = t.ok ? t.value.length : couldNotRun(t.error, signal);
    if (!s.ok) {
      errors.push(s.error);
      evidence[path] = { summary: couldNotRun(s.error, signal), routes };
      return [];
    }
    const r = evaluateBgpSummary(path, prefixes[path], s.value as RouteSummaryEntry[], peerAsn);
    evidence[path] = { ...r, routes };
    return [r];
  });
  const gwFaults: Array<{ gateway: string; connection: string; down: string }> = [];
  for (const conn of state.target.connections.filter((c) => c.kind === 'connection' && c.gatewayId)) {
    const gw = await settle(gatewayBody(state, conn.gatewayId!, signal));
    if (!gw.ok) {
      errors.push(gw.error);
      continue;
    }
    if (propsOf(gw.value).gatewayType !== 'ExpressRoute') continue;
    state.progress('bgp-routes', `BGP peers of gateway ${gw.value.name}`);
    const [peers, learned] = await Promise.all([
      settle(state.reads.getBgpPeerStatus(gw.value.id, { abortSignal: signal })),
      settle(state.reads.getLearnedRoutes(gw.value.id, { abortSignal: signal })),
    ]);
    if (!peers.ok) errors.push(peers.error);
    if (!learned.ok) errors.push(learned.error);
    const sum = peers.ok ? summariseGatewayPeers(peers.value as GatewayBgpPeer[]) : undefined;
    evidence[`gateway ${gw.value.name}`] = {
      bgpPeers: sum ?? couldNotRun((peers as { error: unknown }).error, signal),
      learnedRoutes: learned.ok ? learned.value.length : couldNotRun((learned as { error: unknown }).error, signal),
    };
    if (sum && sum.total > 0 && sum.connected === 0) gwFaults.push({ gateway: gw.value.name, connection: conn.name, down: sum.down.join(', ') });
  }
  const down = results.filter((r) => !r.established);
  const detail = results.map(describeBgp).join('; ');
  if (down.length === 2) {
    const az = { azurePrimary: peerAddresses(prefixes.primary)?.azure ?? '?', azureSecondary: peerAddresses(prefixes.secondary)?.azure ?? '?' };
    return { verdict: 'fail', evidence, detail, fault: { code: 'bgp-down-both', params: { ...params, ...az, state: down.map((r) => r.state).join('/') } } };
  }
  if (down.length === 1) {
    const r = down[0]!;
    return { verdict: 'fail', evidence, detail, fault: { code: 'bgp-down', params: { ...params, path: r.path, state: r.state, azureIp: peerAddresses(prefixes[r.path])?.azure ?? '?' } } };
  }
  if (gwFaults.length > 0) return { verdict: 'fail', evidence, detail: `${detail}; gateway ${gwFaults[0]!.gateway}: no BGP peer Connected`, fault: { code: 'gateway-bgp-down', params: gwFaults[0]! } };
  if (errors.length > 0) return { verdict: 'skipped', evidence, detail: couldNotRun(errors[0], signal) };
  if (results.every((r) => r.prefixesReceived === 0)) return { verdict: 'warn', evidence, detail, fault: { code: 'bgp-no-prefixes', params } };
  return { verdict: 'pass', evidence, detail };
}

function sumStats(s: TrafficStats) {
  return { inBytes: (s.primarybytesIn ?? 0) + (s.secondarybytesIn ?? 0), outBytes: (s.primarybytesOut ?? 0) + (s.secondarybytesOut ?? 0) };
}

/** Step 5: peering byte counters, sampled twice `sampleWindowMs` apart for a rate. */
export async function checkTraffic(state: FlowState, signal: AbortSignal): Promise<StepOutcome> {
  const peeringId = state.target.peeringId!;
  const { params } = peeringBasics(state);
  state.progress('traffic', 'byte counters, first sample');
  const t0 = Date.now();
  const first = await state.reads.getStats(peeringId, { abortSignal: signal });
  await sleep(state.sampleWindowMs, signal);
  state.progress('traffic', 'byte counters, second sample');
  const second = await state.reads.getStats(peeringId, { abortSignal: signal });
  const seconds = Math.max(0.001, (Date.now() - t0) / 1000);
  const a = sumStats(first);
  const b = sumStats(second);
  const rate = { inBytesPerSecond: Math.max(0, (b.inBytes - a.inBytes) / seconds), outBytesPerSecond: Math.max(0, (b.outBytes - a.outBytes) / seconds) };
  const evidence = { ...second, windowMs: state.sampleWindowMs, ...rate };
  if (b.inBytes === 0 && b.outBytes === 0) return { verdict: 'fail', evidence, detail: 'All byte counters are zero on both links.', fault: { code: 'no-traffic', params } };
  const line = `counters in ${b.inBytes} B / out ${b.outBytes} B (primary in ${second.primarybytesIn ?? 0}, secondary in ${second.secondarybytesIn ?? 0})`;
  if (rate.inBytesPerSecond === 0 && rate.outBytesPerSecond === 0) return { verdict: 'warn', evidence, detail: `${line}; nothing moved during the window.`, fault: { code: 'traffic-idle', params } };
  return { verdict: 'pass', evidence, detail: `${line}; moving at ${formatRate(rate.inBytesPerSecond)} in, ${formatRate(rate.outBytesPerSecond)} out.` };
}
