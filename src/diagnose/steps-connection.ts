import { normalizeId } from '../arm/arm-id.js';
import type { Finding } from '../checks/types.js';
import { servicePaths } from '../topology/service-paths.js';
import { couldNotRun, propsOf, settle, statusOf, type FlowState, type StepOutcome } from './flow.js';

const NONE: StepOutcome = { verdict: 'pass', evidence: { applicable: false }, detail: 'Not applicable: no connection uses this circuit peering.' };

/** Step 6: each connection's gateway exists, is of type ExpressRoute, and is not on the Basic SKU. */
export async function checkGateways(state: FlowState, signal: AbortSignal): Promise<StepOutcome> {
  const conns = state.target.connections;
  if (conns.length === 0) return NONE;
  const evidence: Record<string, unknown> = {};
  const errors: unknown[] = [];
  let fail: StepOutcome | undefined;
  let warn: StepOutcome | undefined;
  for (const c of conns) {
    if (!c.gatewayId) {
      fail ??= { verdict: 'fail', evidence, detail: `${c.name} names no gateway.`, fault: { code: 'gateway-missing', params: { gateway: '(none)', connection: c.name } } };
      continue;
    }
    state.progress('gateway', `reading gateway of ${c.name}`);
    const key = c.gatewayId.toLowerCase();
    const got = state.gateways.get(key) ? { ok: true as const, value: state.gateways.get(key)! } : await settle(state.reads.getResource(c.gatewayId, { abortSignal: signal }));
    const gwName = c.gatewayId.split('/').pop()!;
    if (!got.ok) {
      if (statusOf(got.error) === 404) fail ??= { verdict: 'fail', evidence, detail: `Gateway ${gwName} does not exist.`, fault: { code: 'gateway-missing', params: { gateway: gwName, connection: c.name } } };
      else errors.push(got.error);
      evidence[gwName] = couldNotRun(got.error, signal);
      continue;
    }
    state.gateways.set(key, got.value);
    const p = propsOf(got.value);
    const sku = (p.sku as { name?: string } | undefined)?.name ?? (got.value.sku as { name?: string } | undefined)?.name;
    if (c.kind === 'erConnection') {
      const bounds = ((p.autoScaleConfiguration as Record<string, unknown> | undefined)?.bounds ?? {}) as Record<string, unknown>;
      evidence[gwName] = { type: 'ExpressRoute gateway (vWAN)', minScaleUnits: bounds.min, provisioningState: p.provisioningState };
      continue;
    }
    evidence[gwName] = { gatewayType: p.gatewayType, sku, activeActive: p.activeActive, provisioningState: p.provisioningState };
    if (p.gatewayType !== 'ExpressRoute') {
      fail ??= { verdict: 'fail', evidence, detail: `Gateway ${gwName} is of type ${String(p.gatewayType)}, not ExpressRoute.`, fault: { code: 'gateway-type-vpn', params: { gateway: gwName, connection: c.name } } };
    } else if (sku === 'Basic') {
      warn ??= { verdict: 'warn', evidence, detail: `Gateway ${gwName} uses the Basic SKU.`, fault: { code: 'gateway-sku-basic', params: { gateway: gwName } } };
    }
  }
  if (fail) return fail;
  if (errors.length > 0) return { verdict: 'skipped', evidence, detail: couldNotRun(errors[0], signal) };
  return warn ?? { verdict: 'pass', evidence, detail: `${Object.keys(evidence).join(', ')}: ExpressRoute gateway${conns.length > 1 ? 's' : ''} in place.` };
}

/** Step 7: each connection, re-read live: connectionStatus Connected (VNet gateway connections) and provisioning Succeeded. */
export async function checkConnections(state: FlowState, signal: AbortSignal): Promise<StepOutcome> {
  const conns = state.target.connections;
  if (conns.length === 0) return NONE;
  const circuit = state.target.circuitId?.split('/').pop() ?? '?';
  const evidence: Record<string, unknown> = {};
  const errors: unknown[] = [];
  let fail: StepOutcome | undefined;
  for (const c of conns) {
    state.progress('connection', `reading ${c.name}`);
    const got = await settle(state.reads.getResource(c.id, { abortSignal: signal }));
    if (!got.ok) {
      errors.push(got.error);
      evidence[c.name] = couldNotRun(got.error, signal);
      continue;
    }
    const p = propsOf(got.value);
    const status = p.connectionStatus as string | undefined;
    evidence[c.name] = { connectionStatus: status, provisioningState: p.provisioningState, routingWeight: p.routingWeight, ingressBytesTransferred: p.ingressBytesTransferred, egressBytesTransferred: p.egressBytesTransferred };
    if (p.provisioningState === 'Failed') fail ??= { verdict: 'fail', evidence, detail: `${c.name}: provisioningState Failed.`, fault: { code: 'connection-failed', params: { connection: c.name } } };
    else if (status !== undefined && status !== 'Connected') {
      fail ??= { verdict: 'fail', evidence, detail: `${c.name} is ${status}.`, fault: { code: 'connection-not-connected', params: { connection: c.name, status, circuit } } };
    }
  }
  if (fail) return fail;
  if (errors.length > 0) return { verdict: 'skipped', evidence, detail: couldNotRun(errors[0], signal) };
  return { verdict: 'pass', evidence, detail: conns.map((c) => `${c.name} ${(evidence[c.name] as { connectionStatus?: string }).connectionStatus ?? 'Succeeded'}`).join(', ') };
}

/** Step 8: the routing weight of each connection against the other paths serving the same VNet or hub. */
export async function checkRoutingWeight(state: FlowState): Promise<StepOutcome> {
  const conns = state.target.connections;
  if (conns.length === 0) return NONE;
  const evidence: Record<string, unknown> = {};
  for (const c of conns) {
    if (!c.gatewayId) continue;
    const paths = servicePaths(state.graph, c.gatewayId);
    const mine = paths.find((p) => normalizeId(p.connectionId) === normalizeId(c.id));
    const best = paths.filter((p) => p.preferred && p.kind === 'expressroute')[0];
    evidence[c.name] = { routingWeight: mine?.routingWeight, paths: paths.map((p) => `${p.connectionId.split('/').pop()} weight ${p.routingWeight}${p.preferred ? ' (preferred)' : ''}`) };
    if (mine && best && !mine.preferred && paths.length > 1) {
      return {
        verdict: 'warn', evidence, detail: `${c.name} (weight ${mine.routingWeight}) loses to ${best.connectionId.split('/').pop()} (weight ${best.routingWeight}).`,
        fault: { code: 'weight-lower', params: { connection: c.name, weight: mine.routingWeight, bestWeight: best.routingWeight, bestConnection: best.connectionId.split('/').pop()! } },
      };
    }
  }
  return { verdict: 'pass', evidence, detail: 'Each connection is a preferred path (or the only one) for its gateway.' };
}

/** Ids next to the diagnosed path: circuit and its children, the connections, their gateways and hubs, route filters. */
export function pathNeighbourhood(state: FlowState): Set<string> {
  const ids = new Set<string>();
  const add = (id: string | undefined) => id && ids.add(normalizeId(id));
  add(state.target.resourceId);
  add(state.target.circuitId);
  add(state.target.peeringId);
  add((propsOf(state.peering).routeFilter as { id?: string } | undefined)?.id);
  for (const c of state.target.connections) {
    add(c.id);
    add(c.gatewayId);
    if (c.kind === 'erConnection' && c.gatewayId) add((propsOf(state.graph.hasNode(normalizeId(c.gatewayId)) ? state.graph.getNodeAttributes(normalizeId(c.gatewayId)).body : undefined).virtualHub as { id?: string } | undefined)?.id);
  }
  return ids;
}

function inScope(f: Finding, ids: Set<string>, circuitId: string | undefined): boolean {
  const id = normalizeId(f.resourceId);
  // Children of the circuit (peerings, authorizations, Global Reach connections) belong to it.
  return ids.has(id) || (!!circuitId && id.startsWith(`${normalizeId(circuitId)}/`));
}

/** Step 9: the checks' findings on resources along this path; high severity fails, medium warns. */
export async function checkFindings(state: FlowState): Promise<StepOutcome> {
  const ids = pathNeighbourhood(state);
  const relevant = state.findings.filter((f) => !f.suppressed && inScope(f, ids, state.target.circuitId));
  const evidence = { findings: relevant.map((f) => `${f.severity} ${f.ruleId}: ${f.title} (${f.resourceId.split('/').pop()})`) };
  const high = relevant.filter((f) => f.severity === 'high');
  const medium = relevant.filter((f) => f.severity === 'medium');
  const stepTitle = 'Findings from the checks';
  // The same rule often fires on several neighbours (both Global Reach links of an overlap): name each rule once.
  const uniq = (xs: string[]) => [...new Set(xs)];
  if (high.length) return { verdict: 'fail', evidence, detail: `${high.length} high-severity finding(s): ${uniq(high.map((f) => f.ruleId)).join(', ')}.`, fault: { code: 'findings-high', params: { titles: uniq(high.map((f) => f.title)).join('; '), stepTitle } } };
  if (medium.length) return { verdict: 'warn', evidence, detail: `${medium.length} medium-severity finding(s): ${medium.map((f) => f.ruleId).join(', ')}.`, fault: { code: 'findings-medium', params: { titles: medium.map((f) => f.title).join('; '), stepTitle } } };
  return { verdict: 'pass', evidence, detail: relevant.length ? `${relevant.length} low/info finding(s) only.` : 'No findings on this path.' };
}
