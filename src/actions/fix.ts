import { normalizeId, parentId, parseArmId } from '../arm/arm-id.js';
import { RT } from '../arm/resource-types.js';
import type { Finding, FixSpec } from '../checks/types.js';
import { ErscopeError } from '../errors.js';
import type { ArmResource } from '../inventory/types.js';
import type { TopologyGraph } from '../topology/types.js';
import { canonicalType } from '../topology/edges.js';
import { azGenericSet } from './az.js';
import { leaves } from './diff.js';
import { PlanInputError } from './fields.js';
import { bodyOf, childrenOf, props, refId, resourceGroupScope } from './graph-query.js';
import { ipsecProblems, IPSEC_PRESETS } from './ipsec.js';
import { prefixesInUse } from './kinds/global-reach.js';
import { assemblePlan, type ActionPlan } from './plan.js';
import { fixPatch, type FixTarget } from './fix-patches.js';

/** The write action per type a fix PUTs to (domain §3.3). */
const WRITE_ACTION: Record<string, string> = {
  [RT.connection]: 'Microsoft.Network/connections/write',
  [RT.peering]: 'Microsoft.Network/expressRouteCircuits/peerings/write',
  [RT.authorization]: 'Microsoft.Network/expressRouteCircuits/authorizations/write',
  [RT.circuitConnection]: 'Microsoft.Network/expressRouteCircuits/peerings/connections/write',
  [RT.erConnection]: 'Microsoft.Network/expressRouteGateways/expressRouteConnections/write',
  [RT.vpnConnection]: 'Microsoft.Network/vpnGateways/vpnConnections/write',
};

/** Fix kinds planFix understands; a finding whose fix kind is not listed has no automatic fix. */
export const FIX_KINDS = ['set-property', 'enable-peering', 'pick-authorization', 'ipsec-preset', 'set-dpd', 'pick-route-table', 'set-global-reach-prefix'] as const;

/** True when planFix can turn this finding into a plan (possibly needing a choice). */
export function isFixable(f: Finding): boolean {
  return !!f.fix && (FIX_KINDS as readonly string[]).includes(f.fix.kind) && !!WRITE_ACTION[writeTargetType(f.fix.targetId)];
}

/** What the user must pick for a fix, when anything: the finding's choices plus extras (new authorization, presets...). */
export function fixChoices(f: Finding): Array<{ label: string; value: unknown }> {
  const fix = f.fix;
  if (!fix) return [];
  if (fix.kind === 'ipsec-preset') return Object.entries(IPSEC_PRESETS).map(([k, p]) => ({ label: k, value: p.label }));
  if (fix.kind === 'pick-authorization') return [...(fix.choices ?? []), { label: 'new', value: 'new' }];
  return fix.choices ?? [];
}

function writeTargetType(targetId: string): string {
  const t = canonicalType(parseArmId(targetId).type ?? '');
  return t === RT.vpnLinkConnection ? RT.vpnConnection : t;
}

/** The body a fix starts from: the graph node, or the parent's embedded copy (peerings, link connections). */
function locate(graph: TopologyGraph, targetId: string): FixTarget {
  const t = canonicalType(parseArmId(targetId).type ?? '');
  if (t === RT.vpnLinkConnection) {
    const connId = parentId(targetId)!;
    const conn = bodyOf(graph, connId);
    if (!conn) throw new ErscopeError(`cannot fix: VPN connection ${connId} is not in the inventory; refresh and try again`);
    const links = (props(conn).vpnLinkConnections as ArmResource[] | undefined) ?? [];
    const index = links.findIndex((l) => normalizeId(l.id) === normalizeId(targetId));
    return { id: conn.id, type: RT.vpnConnection, body: conn, linkIndex: index < 0 ? undefined : index };
  }
  const parent = parentId(targetId);
  const body = bodyOf(graph, targetId) ?? (parent ? childrenOf(graph, parent, t).find((c) => normalizeId(c.id) === normalizeId(targetId)) : undefined);
  if (!body) throw new ErscopeError(`cannot fix: ${targetId} is not in the inventory; refresh and try again`);
  return { id: body.id, type: t, body };
}

function neighboursOf(t: FixTarget): string[] {
  const p = props(t.body);
  const ids = [refId(p.virtualNetworkGateway1), refId(p.peer), refId(p.remoteVpnSite), refId(p.expressRouteCircuitPeering), refId(p.peerExpressRouteCircuitPeering)]
    .filter(Boolean)
    .map((id) => (/\/peerings\//i.test(id) ? id.replace(/\/peerings\/[^/]+$/i, '') : id));
  const parent = parentId(t.id);
  return [...new Set([...(parent ? [t.type === RT.circuitConnection ? parentId(parent)! : parent] : []), ...ids])];
}

/**
 * Turns a finding's FixSpec into a plan over the current body (ARM PUT semantics: the full body with the change merged,
 * If-Match = the graph body's etag). `choice` picks among the fix's choices (label or value), a preset, or a new value.
 */
export function planFix(finding: Finding, graph: TopologyGraph, choice?: unknown): ActionPlan {
  const fix: FixSpec | undefined = finding.fix;
  if (!fix) throw new ErscopeError(`${finding.ruleId} on ${parseArmId(finding.resourceId).name} has no automatic fix: ${finding.reason.split('. ')[0]}`);
  if (!(FIX_KINDS as readonly string[]).includes(fix.kind)) throw new ErscopeError(`no automatic fix of kind "${fix.kind}" (${fix.description}); make the change by hand`);
  const target = locate(graph, fix.targetId);
  const action = WRITE_ACTION[target.type];
  if (!action) throw new ErscopeError(`erscope cannot write ${target.type} resources; ${fix.description} by hand`);
  const used = fix.kind === 'set-global-reach-prefix' ? globalReachUsed(graph, target) : [];
  const change = fixPatch(fix, target, graph, choice, used);
  if (change.ipsec) {
    const problems = ipsecProblems(change.ipsec);
    if (problems.length) throw new PlanInputError({ choice: `the chosen policy is weak: ${problems.join('; ')}` });
  }
  const sets = [...leaves({ properties: change.properties }).entries()];
  return assemblePlan({
    kind: 'fix',
    title: `Fix ${finding.ruleId} on ${target.body.name ?? parseArmId(target.id).name}: ${change.description}`,
    targetId: target.id,
    confirmName: target.body.name ?? parseArmId(target.id).name ?? target.id,
    base: target.body,
    patch: { properties: change.properties },
    required: [{ scope: resourceGroupScope(target.id), action }, ...change.required],
    az: azGenericSet(target.id, sets.slice(0, 12)),
    neighbours: neighboursOf(target),
    warnings: change.warnings,
    ...(change.prerequisite ? { prerequisites: [change.prerequisite], keyFrom: change.prerequisite.targetId } : {}),
    values: { ruleId: finding.ruleId, ...(choice !== undefined ? { choice: typeof choice === 'string' ? choice : JSON.stringify(choice) } : {}) },
    fixes: { ruleId: finding.ruleId, resourceId: finding.resourceId },
  });
}

function globalReachUsed(graph: TopologyGraph, target: FixTarget): string[] {
  const p = props(target.body);
  const own = [p.addressPrefix, (p.ipv6CircuitConnectionConfig as { addressPrefix?: string } | undefined)?.addressPrefix];
  const circuits = [parentId(parentId(target.id) ?? '') ?? '', refId(p.peerExpressRouteCircuitPeering).replace(/\/peerings\/[^/]+$/i, '')];
  return prefixesInUse(graph, circuits).filter((x) => !own.includes(x));
}
