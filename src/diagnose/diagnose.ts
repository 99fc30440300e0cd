import { RT } from '../arm/resource-types.js';
import type { ArmConnection } from '../arm/clients.js';
import type { Finding } from '../checks/types.js';
import { redact } from '../redact.js';
import { createLiveReads, type LiveReads } from '../status/live-reads.js';
import type { TopologyGraph } from '../topology/types.js';
import { conclude } from './conclusion.js';
import { couldNotRun, type FlowState, type StepFn } from './flow.js';
import { checkCircuitProvisioning, checkPeeringConfig } from './steps-circuit.js';
import { checkConnections, checkFindings, checkGateways, checkRoutingWeight } from './steps-connection.js';
import { checkArp, checkBgp, checkTraffic } from './steps-live.js';
import { findDiagnosable, resolveTarget } from './target.js';
import type { Diagnosis, DiagnosisStep, StepId } from './types.js';

/** Options of one diagnosis run. */
export interface DiagnoseOptions {
  /** Findings from the checks; those on the path become step 9. */
  findings?: Finding[];
  signal?: AbortSignal;
  /** Progress per step (the UI shows it as a spinner line, the CLI on stderr). */
  onProgress?(stepId: StepId, message: string): void;
  /** Gap between the two traffic samples (default 2000 ms). */
  sampleWindowMs?: number;
  /** Give up on one step after this long (default 120 s; ARP/route tables are slow LROs in Azure). */
  stepTimeoutMs?: number;
  /** Live reader to use instead of one built on the connection. */
  reads?: LiveReads;
}

/** The flow: official ExpressRoute steps in order, then the connection side. */
const STEPS: Array<{ id: StepId; title: string; run: StepFn; needsPeering?: boolean }> = [
  { id: 'circuit-provisioning', title: 'Circuit provisioning', run: checkCircuitProvisioning },
  { id: 'peering-config', title: 'Peering configuration', run: checkPeeringConfig },
  { id: 'arp', title: 'ARP on primary and secondary', run: checkArp, needsPeering: true },
  { id: 'bgp-routes', title: 'BGP sessions and routes', run: checkBgp, needsPeering: true },
  { id: 'traffic', title: 'Traffic on primary and secondary', run: checkTraffic, needsPeering: true },
  { id: 'gateway', title: 'Gateway type and SKU', run: checkGateways },
  { id: 'connection', title: 'Connection status', run: checkConnections },
  { id: 'routing-weight', title: 'Routing weight against other paths', run: async (s) => checkRoutingWeight(s) },
  { id: 'findings', title: 'Findings from the checks', run: async (s) => checkFindings(s) },
];

/** Titles by step id, for renderers. */
export const STEP_TITLES: Record<StepId, string> = Object.fromEntries(STEPS.map((s) => [s.id, s.title])) as Record<StepId, string>;

/**
 * Runs the ExpressRoute troubleshooting flow for a circuit, peering, VNet gateway connection or vWAN ExpressRoute
 * connection. A step that cannot run (403, throttling, timeout, abort) is `skipped` with the reason and the flow goes on.
 */
export async function diagnose(conn: ArmConnection | undefined, graph: TopologyGraph, resourceId: string, opts: DiagnoseOptions = {}): Promise<Diagnosis> {
  const node = findDiagnosable(graph, resourceId);
  const target = resolveTarget(graph, node);
  if (!opts.reads && !conn) throw new Error('diagnose needs a live connection (snapshots have no ARP, BGP or traffic data)');
  const state: FlowState = {
    reads: opts.reads ?? createLiveReads(conn!),
    graph,
    target,
    findings: opts.findings ?? [],
    sampleWindowMs: opts.sampleWindowMs ?? 2000,
    progress: (id, msg) => opts.onProgress?.(id, msg),
    gateways: new Map(),
  };
  const steps: DiagnosisStep[] = [];
  for (const s of STEPS) {
    const base = { id: s.id, title: s.title };
    if (opts.signal?.aborted) {
      steps.push({ ...base, verdict: 'skipped', evidence: {}, detail: 'could not run: aborted' });
      continue;
    }
    if (s.needsPeering && !target.peeringId) {
      steps.push({ ...base, verdict: 'skipped', evidence: {}, detail: 'could not run: no peering to examine' });
      continue;
    }
    const timeout = AbortSignal.timeout(opts.stepTimeoutMs ?? 120_000);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    state.progress(s.id, s.title);
    try {
      steps.push({ ...base, ...(await s.run(state, signal)) });
    } catch (e) {
      steps.push({ ...base, verdict: 'skipped', evidence: {}, detail: couldNotRun(e, signal) });
    }
    state.progress(s.id, `${s.title}: ${steps[steps.length - 1]!.verdict}`);
  }
  return redact({
    resourceId: node.id,
    ...(target.circuitId ? { circuitId: target.circuitId } : {}),
    ...(target.peeringId ? { peeringId: target.peeringId } : {}),
    steps,
    conclusion: conclude(steps),
  });
}

/** Types `diagnose` accepts, for help text and errors. */
export const SUPPORTED_TYPES = [RT.circuit, RT.peering, RT.connection, RT.erConnection];
