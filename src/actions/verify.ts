import { normalizeId, parseArmId } from '../arm/arm-id.js';
import { RT } from '../arm/resource-types.js';
import { classifyArmError } from '../arm/errors.js';
import { runChecks } from '../checks/engine.js';
import type { Finding } from '../checks/types.js';
import { flattenAll } from '../inventory/flatten.js';
import type { ArmResource, Inventory, PermissionEntry } from '../inventory/types.js';
import { buildGraph } from '../topology/graph.js';
import type { TopologyGraph } from '../topology/types.js';
import type { ApplyResult } from './apply.js';
import { childrenOf, props, refId } from './graph-query.js';
import type { ActionPlan } from './plan.js';
import type { Writer } from './writer.js';

/** What a re-read after the write showed: the resource, its neighbours' checks, and plain-words confirmations. */
export interface VerifyResult {
  /** The write landed, the resource is Succeeded, it is listed where it should be, and (fixes) the finding is gone. */
  ok: boolean;
  resource?: ArmResource;
  /** Findings on the resource and its neighbours, from the checks re-run on the patched graph. */
  findings: Finding[];
  /** What was confirmed, e.g. "connection appears on circuit er-ams's peering AzurePrivatePeering". */
  notes: string[];
  /** What did not check out (each one makes ok false). */
  problems: string[];
  /** The graph with the re-read bodies, for the caller to swap in. */
  graph: TopologyGraph;
}

const nameOf = (id: string) => parseArmId(id).name ?? id;
const circuitOfPeering = (peeringId: string) => peeringId.replace(/\/peerings\/[^/]+$/i, '');

/** The graph's readable bodies with fresher bodies (and their embedded children) taking precedence. */
export function patchGraph(graph: TopologyGraph, fresh: ArmResource[], permissions: PermissionEntry[] = []): TopologyGraph {
  const replaced = flattenAll(fresh);
  const seen = new Set(replaced.map((b) => normalizeId(b.id)));
  const old: ArmResource[] = [];
  graph.forEachNode((key, a) => {
    if (!a.stub && !seen.has(key)) old.push(a.body);
  });
  const subs = new Set<string>();
  graph.forEachNode((_k, a) => void (a.subscriptionId && !a.stub && subs.add(a.subscriptionId)));
  const inv: Inventory = {
    source: { kind: 'emulator', label: 'verify' },
    subscriptions: [...subs].map((s) => ({ subscriptionId: s, displayName: s })),
    resources: [...replaced, ...old],
    issues: [],
    permissions,
    forbiddenScopes: [],
    startedAt: new Date().toISOString(),
    finishedAt: new Date().toISOString(),
  };
  return buildGraph(inv);
}

async function readAll(reader: Pick<Writer, 'read'>, ids: string[], notes: string[]): Promise<ArmResource[]> {
  const out: ArmResource[] = [];
  for (const id of [...new Set(ids.map((i) => i))]) {
    try {
      const b = await reader.read(id);
      if (b) out.push(b);
    } catch (e) {
      notes.push(`could not re-read ${nameOf(id)} (${classifyArmError(e).kind})`);
    }
  }
  return out;
}

/**
 * Re-reads the written resource and its neighbours (circuit/peering, gateway, hub), re-runs the checks on a graph patched
 * with the fresh bodies, and states in words where the new resource now appears.
 */
export async function verifyApplied(reader: Pick<Writer, 'read'>, result: ApplyResult, graph: TopologyGraph, opts: { permissions?: PermissionEntry[] } = {}): Promise<VerifyResult> {
  const plan = result.plan;
  const notes: string[] = [];
  const problems: string[] = [];
  const [resource] = await readAll(reader, [plan.targetId], notes);
  const neighbours = await readAll(reader, plan.neighbours, notes);
  const patched = patchGraph(graph, [...(resource ? [resource] : []), ...neighbours], opts.permissions);
  if (!resource) problems.push(`${plan.confirmName} was not found when re-read`);
  else {
    const state = String(props(resource).provisioningState ?? 'Succeeded');
    if (state !== 'Succeeded') problems.push(`${plan.confirmName} is ${state}, not Succeeded`);
    else notes.push(`${plan.confirmName} is provisioned (Succeeded)`);
    kindChecks(plan, resource, patched, notes, problems);
  }
  const concern = new Set([plan.targetId, ...plan.neighbours].map(normalizeId));
  const findings = runChecks({ graph: patched, ...(opts.permissions ? { permissions: opts.permissions } : {}) }).filter((f) => {
    const id = normalizeId(f.resourceId || '');
    return [...concern].some((c) => id === c || id.startsWith(`${c}/`));
  });
  if (plan.fixes) {
    const still = findings.some((f) => f.ruleId === plan.fixes!.ruleId && normalizeId(f.resourceId) === normalizeId(plan.fixes!.resourceId));
    if (still) problems.push(`${plan.fixes.ruleId} still fires on ${nameOf(plan.fixes.resourceId)}`);
    else notes.push(`${plan.fixes.ruleId} no longer fires on ${nameOf(plan.fixes.resourceId)}`);
  }
  return { ok: problems.length === 0, ...(resource ? { resource } : {}), findings, notes, problems, graph: patched };
}

function kindChecks(plan: ActionPlan, resource: ArmResource, g: TopologyGraph, notes: string[], problems: string[]): void {
  const p = props(resource);
  const id = normalizeId(plan.targetId);
  if (plan.kind === 'connection') {
    const circuitId = refId(p.peer);
    const listed = g.hasNode(normalizeId(circuitId)) && g.inboundNeighbors(normalizeId(circuitId)).includes(id);
    if (listed) notes.push(`connection appears among the connections that reference circuit ${nameOf(circuitId)}'s peering AzurePrivatePeering`);
    else problems.push(`connection does not reference circuit ${nameOf(circuitId)}`);
  } else if (plan.kind === 'er-connection') {
    const peeringId = refId(p.expressRouteCircuitPeering);
    const peering = g.hasNode(normalizeId(peeringId)) ? g.getNodeAttributes(normalizeId(peeringId)).body : undefined;
    const onPeering = normalizeId(refId(props(peering).expressRouteConnection)) === id;
    const gw = parseArmId(plan.targetId);
    const onGateway = childrenOf(g, plan.targetId.replace(/\/expressRouteConnections\/[^/]+$/i, ''), RT.erConnection).some((c) => normalizeId(c.id) === id);
    notes.push(onPeering
      ? `connection appears on circuit ${nameOf(circuitOfPeering(peeringId))}'s peering ${nameOf(peeringId)}`
      : `connection references circuit ${nameOf(circuitOfPeering(peeringId))}'s peering ${nameOf(peeringId)}`);
    if (onGateway) notes.push(`connection is listed on gateway ${gw.names[0]}`);
  } else if (plan.kind === 'global-reach') {
    const peeringId = plan.targetId.replace(/\/connections\/[^/]+$/i, '');
    const peerPeeringId = refId(p.peerExpressRouteCircuitPeering);
    const inConnections = childrenOf(g, peeringId, RT.circuitConnection).some((c) => normalizeId(c.id) === id);
    if (inConnections) notes.push(`Global Reach appears in circuit ${nameOf(circuitOfPeering(peeringId))}'s peering connections`);
    else problems.push(`Global Reach is not listed in circuit ${nameOf(circuitOfPeering(peeringId))}'s peering connections`);
    const mine = normalizeId(peeringId);
    const onPeer = childrenOf(g, peerPeeringId, RT.peerConnection).some((c) =>
      normalizeId(refId(props(c).peerExpressRouteCircuitPeering)) === mine || normalizeId(refId(props(c).expressRouteCircuitPeering)) === mine || c.name === resource.name);
    if (onPeer) notes.push(`Global Reach appears in peer circuit ${nameOf(circuitOfPeering(peerPeeringId))}'s peerConnections`);
    else problems.push(`Global Reach is not (yet) listed in peer circuit ${nameOf(circuitOfPeering(peerPeeringId))}'s peerConnections`);
  } else if (plan.kind === 'peering') {
    notes.push(`peering ${resource.name} on circuit ${nameOf(circuitOfPeering(plan.targetId))} is ${String(p.state ?? 'unknown')} (VLAN ${String(p.vlanId)}, ASN ${String(p.peerASN)})`);
  } else if (plan.kind === 'authorization') {
    if (typeof p.authorizationKey === 'string' && p.authorizationKey) notes.push(`authorization ${resource.name} is ${String(p.authorizationUseStatus ?? 'Available')} with a key`);
    else problems.push(`authorization ${resource.name} returned no key`);
  } else if (plan.kind === 'vpn-connection') {
    const links = Array.isArray(p.vpnLinkConnections) ? p.vpnLinkConnections.length : 0;
    notes.push(`VPN connection has ${links} link connection(s) to site ${nameOf(refId(p.remoteVpnSite))}`);
  }
}
