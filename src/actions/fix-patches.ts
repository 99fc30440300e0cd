import { normalizeId, parseArmId } from '../arm/arm-id.js';
import { RT } from '../arm/resource-types.js';
import type { FixSpec } from '../checks/types.js';
import type { ArmResource } from '../inventory/types.js';
import type { TopologyGraph } from '../topology/types.js';
import { PlanInputError } from './fields.js';
import { childrenOf, props, refId } from './graph-query.js';
import { IPSEC_PRESETS, type IpsecPolicy } from './ipsec.js';
import { buildAuthorizationPlan } from './kinds/authorization.js';
import { mergePatch } from './merge.js';
import type { ActionPlan, RequiredAction } from './plan.js';
import { validateAuthKey, validateDpd, validateName, validatePrefix125, validatePrefix29, validateRoutingWeight } from './validate.js';

/** The resource a fix writes: its id, type and current body (for link connections, the parent VPN connection + index). */
export interface FixTarget {
  id: string;
  type: string;
  body: ArmResource;
  linkIndex?: number;
}

/** The properties change a fix makes, with what it needs besides the PUT. */
export interface FixChange {
  properties: Record<string, unknown>;
  description: string;
  warnings: string[];
  required: RequiredAction[];
  prerequisite?: ActionPlan;
  ipsec?: IpsecPolicy;
}

function pick(fix: FixSpec, choice: unknown): unknown {
  if (choice === undefined) return undefined;
  const c = (fix.choices ?? []).find((x) => x.label === choice || x.value === choice || JSON.stringify(x.value) === JSON.stringify(choice));
  return c ? c.value : choice;
}

function need(field: string, message: string): never {
  throw new PlanInputError({ [field]: message });
}

/** Validates fields a patch sets that have client-side rules (weights, DPD), so a fix never writes an invalid value. */
function checkValues(patch: Record<string, unknown>): void {
  if (patch.routingWeight !== undefined) {
    const e = validateRoutingWeight(String(patch.routingWeight), { values: {} });
    if (e) need('choice', e);
  }
  if (patch.dpdTimeoutSeconds !== undefined) {
    const e = validateDpd(String(patch.dpdTimeoutSeconds), { values: {} });
    if (e) need('choice', e);
  }
}

/** A properties patch for every link connection (or the one the finding names) of a vWAN VPN connection. */
function perLink(t: FixTarget, change: Record<string, unknown>): Record<string, unknown> {
  const links = (props(t.body).vpnLinkConnections as ArmResource[] | undefined) ?? [];
  return { vpnLinkConnections: links.map((l, i) => (t.linkIndex === undefined || t.linkIndex === i ? mergePatch(l, { properties: change }) : l)) };
}

/** Computes the change for one fix kind; `choice` is what the user picked (label, value, preset name, prefix, key). */
export function fixPatch(fix: FixSpec, t: FixTarget, graph: TopologyGraph, choice: unknown, usedPrefixes: string[]): FixChange {
  const base = { description: fix.description, warnings: [] as string[], required: [] as RequiredAction[] };
  const onVpn = t.type === RT.vpnConnection;
  switch (fix.kind) {
    case 'set-property':
    case 'enable-peering': {
      const chosen = pick(fix, choice);
      let patch = (chosen && typeof chosen === 'object' ? chosen : fix.patch) as Record<string, unknown> | undefined;
      if (!patch && fix.kind === 'enable-peering') patch = { state: 'Enabled' };
      if (!patch && (typeof chosen === 'number' || /^\d+$/.test(String(chosen ?? ''))) && 'routingWeight' in props(t.body)) patch = { routingWeight: Number(chosen) };
      if (!patch) need('choice', fix.choices?.length ? `choose one of: ${fix.choices.map((c) => c.label).join(', ')}` : `${fix.description}: no automatic value; change it by hand`);
      checkValues(patch);
      return { ...base, properties: onVpn && t.linkIndex !== undefined ? perLink(t, patch) : patch };
    }
    case 'set-dpd': {
      const v = Number(pick(fix, choice) ?? (fix.patch?.dpdTimeoutSeconds as number | undefined) ?? 45);
      checkValues({ dpdTimeoutSeconds: v });
      return { ...base, description: `Set the DPD timeout to ${v} s`, properties: onVpn ? perLink(t, { dpdTimeoutSeconds: v }) : { dpdTimeoutSeconds: v } };
    }
    case 'ipsec-preset': {
      if (choice === undefined && fix.patch) {
        const policy = (fix.patch.ipsecPolicies as IpsecPolicy[] | undefined)?.[0];
        return { ...base, ...(policy ? { ipsec: policy } : {}), properties: onVpn && t.linkIndex !== undefined ? perLink(t, fix.patch) : fix.patch };
      }
      const name = String(pick(fix, choice) ?? 'strong');
      const preset = IPSEC_PRESETS[name];
      if (!preset) need('choice', `IPsec preset "${name}": one of ${Object.keys(IPSEC_PRESETS).join(', ')}`);
      const policies = [preset.policy];
      return { ...base, description: `Use the ${name} IPsec policy`, ipsec: preset.policy, properties: onVpn ? perLink(t, { ipsecPolicies: policies }) : { ipsecPolicies: policies } };
    }
    case 'pick-route-table': {
      const chosen = String(pick(fix, choice) ?? '');
      const tables = hubTables(graph, t);
      const table = chosen.startsWith('/subscriptions/')
        ? { id: chosen, name: parseArmId(chosen).name }
        : tables.find((x) => x.name.toLowerCase() === chosen.toLowerCase());
      if (!table) need('choice', tables.length ? `choose a route table: ${tables.map((x) => x.name).join(', ')}` : 'give the route table id (/subscriptions/…/hubRouteTables/NAME)');
      return { ...base, description: `Associate route table ${table.name}`, properties: { routingConfiguration: { associatedRouteTable: { id: table.id } } } };
    }
    case 'set-global-reach-prefix': {
      const chosen = pick(fix, choice);
      if (chosen === undefined && fix.patch) return { ...base, properties: fix.patch };
      const text = typeof chosen === 'string' ? chosen.trim() : need('choice', 'give a new /29 (or /125 for IPv6) that overlaps nothing, e.g. 192.168.250.0/29');
      const v6 = text.includes(':');
      const err = (v6 ? validatePrefix125 : validatePrefix29)(text, { values: {}, usedPrefixes });
      if (err) need('choice', err);
      return { ...base, description: `Use ${text}`, properties: v6 ? { ipv6CircuitConnectionConfig: { addressPrefix: text } } : { addressPrefix: text } };
    }
    case 'pick-authorization':
      return authorizationFix(fix, t, graph, pick(fix, choice), base);
    default:
      return need('choice', `no automatic fix of kind ${fix.kind}`);
  }
}

function authorizationFix(fix: FixSpec, t: FixTarget, graph: TopologyGraph, chosen: unknown, base: Omit<FixChange, 'properties'>): FixChange {
  const p = props(t.body);
  const circuitId = t.type === RT.circuitConnection ? refId(p.peerExpressRouteCircuitPeering).replace(/\/peerings\/[^/]+$/i, '')
    : t.type === RT.erConnection ? refId(p.expressRouteCircuitPeering).replace(/\/peerings\/[^/]+$/i, '') : refId(p.peer);
  const warnings = t.type === RT.circuitConnection ? ['ARM may ignore a PUT that changes only the key of an existing Global Reach connection (azure-rest-api-specs#43690); if it stays unlinked, delete and re-create it'] : [];
  if (chosen === undefined) need('choice', `choose an authorization of ${parseArmId(circuitId).name} (${(fix.choices ?? []).map((c) => c.label).join(', ') || 'none Available'}), "new", or a key`);
  if (chosen === 'new') {
    const name = `erscope-${t.body.name ?? 'fix'}`.slice(0, 80);
    if (validateName(name, { values: {} })) need('choice', 'cannot derive an authorization name; create one with `erscope create authorization`');
    const prerequisite = buildAuthorizationPlan(graph, { circuit: circuitId, name });
    return { ...base, warnings, description: `Create authorization ${name} on ${parseArmId(circuitId).name} and redeem it`, prerequisite, properties: { authorizationKey: '(key of the new authorization)' } };
  }
  const value = String(chosen);
  const auth = childrenOf(graph, circuitId, RT.authorization).find((a) => normalizeId(a.id) === normalizeId(value) || a.name === value);
  const key = auth ? String(props(auth).authorizationKey ?? '') : value;
  if (validateAuthKey(key, { values: {} })) need('choice', auth ? `the key of ${auth.name} is not readable here; type the key itself` : (validateAuthKey(key, { values: {} }) as string));
  if (auth && props(auth).authorizationUseStatus !== 'Available') need('choice', `${auth.name} is ${String(props(auth).authorizationUseStatus)}: a key works for one connection only`);
  return { ...base, warnings, description: `Redeem ${auth ? `authorization ${auth.name}` : 'the given key'} of ${parseArmId(circuitId).name}`, properties: { authorizationKey: key } };
}

/** Route tables of the hub a vWAN connection belongs to (via its current association, else its gateway's hub). */
function hubTables(graph: TopologyGraph, t: FixTarget): ArmResource[] {
  const rc = props(t.body).routingConfiguration as Record<string, unknown> | undefined;
  let hubId = refId(rc?.associatedRouteTable).replace(/\/hubRouteTables\/[^/]+$/i, '');
  if (!hubId) {
    const gw = graph.hasNode(normalizeId(t.id.replace(/\/(expressRouteConnections|vpnConnections)\/[^/]+$/i, '')))
      ? graph.getNodeAttributes(normalizeId(t.id.replace(/\/(expressRouteConnections|vpnConnections)\/[^/]+$/i, ''))).body
      : undefined;
    hubId = refId(props(gw).virtualHub);
  }
  return hubId ? childrenOf(graph, hubId, RT.hubRouteTable) : [];
}
