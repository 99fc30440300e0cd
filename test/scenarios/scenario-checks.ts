import { normalizeId, parentId, parseArmId } from '../../src/arm/arm-id.js';
import { RT } from '../../src/arm/resource-types.js';
import type { Scenario, ScenarioResource } from '../../src/emulator/scenarios/scenario-types.js';
import { walkResources } from '../../src/emulator/scenarios/walk.js';

const ID_SHAPE = /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[\w.()-]+\/providers\/Microsoft\.Network(\/[A-Za-z]+\/[^/]+)+$/;
const KNOWN_TYPES = new Set<string>(Object.values(RT));

/** Every body in the scenario (top-level and embedded) keyed by lower-cased id. */
export function indexIds(s: Pick<Scenario, 'resources'>): Map<string, ScenarioResource> {
  const out = new Map<string, ScenarioResource>();
  for (const w of walkResources(s.resources)) out.set(normalizeId(w.resource.id), w.resource);
  return out;
}

/** Problems with id shape, type/id agreement, parent nesting and duplicates; empty when the scenario is well-formed. */
export function structuralProblems(s: Pick<Scenario, 'resources'>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { resource: r, parentId: parent } of walkResources(s.resources)) {
    const key = normalizeId(r.id);
    if (seen.has(key)) problems.push(`duplicate id ${r.id}`);
    seen.add(key);
    if (!ID_SHAPE.test(r.id)) problems.push(`malformed id ${r.id}`);
    const parsed = parseArmId(r.id);
    if (parsed.name !== r.name) problems.push(`name ${r.name} does not match id ${r.id}`);
    if (r.type !== undefined) {
      if (parsed.type !== r.type.toLowerCase()) problems.push(`type ${r.type} does not match id ${r.id}`);
      if (!KNOWN_TYPES.has(r.type.toLowerCase())) problems.push(`type ${r.type} is not in RT`);
    }
    if (parent !== undefined && normalizeId(parentId(r.id) ?? '') !== normalizeId(parent)) problems.push(`${r.id} is embedded in ${parent} but is not its child`);
    if (parent === undefined && parsed.names.length !== 1 && !KNOWN_TYPES.has(parsed.type ?? '')) problems.push(`top-level ${r.id} has unknown type`);
    const props = r.properties as Record<string, unknown> | undefined;
    if (!props || typeof props.provisioningState !== 'string') problems.push(`${r.id} has no properties.provisioningState`);
    const isGatewayChild = /\/(ipConfigurations|routeFilterRules)\//i.test(r.id);
    if (!isGatewayChild && typeof r.etag !== 'string') problems.push(`${r.id} has no etag`);
  }
  return problems;
}

const STRING_REF_KEYS = new Set(['connectionResourceUri', 'ipConfigurationId']);
const STRING_LIST_REF_KEYS = new Set(['associatedConnections', 'propagatingConnections']);

function isEmbeddedBody(v: Record<string, unknown>): boolean {
  return typeof v.id === 'string' && typeof v.name === 'string' && !!v.properties && Object.keys(v.properties as object).length > 0;
}

/** Every id a body refers to: `{ id }` objects anywhere under properties, plus string references ARM keeps (connectionResourceUri, ipConfigurationId, route-table member lists). */
export function referencedIds(s: Pick<Scenario, 'resources'>): Array<{ from: string; to: string }> {
  const refs: Array<{ from: string; to: string }> = [];
  const visit = (from: string, v: unknown, key: string, top: boolean): void => {
    if (Array.isArray(v)) {
      for (const el of v) {
        if (typeof el === 'string' && STRING_LIST_REF_KEYS.has(key)) refs.push({ from, to: el });
        else visit(from, el, key, false);
      }
      return;
    }
    if (typeof v === 'string' && STRING_REF_KEYS.has(key)) refs.push({ from, to: v });
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (!top && isEmbeddedBody(o)) return; // walked on its own
    if (!top && typeof o.id === 'string') {
      refs.push({ from, to: o.id });
      return;
    }
    for (const [k, child] of Object.entries(o)) visit(from, child, k, false);
  };
  for (const { resource } of walkResources(s.resources)) visit(resource.id, resource.properties ?? {}, 'properties', true);
  return refs;
}

/** References that resolve to nothing in the file and do not point into a forbidden subscription. */
export function danglingRefs(s: Pick<Scenario, 'resources' | 'forbidden'>): Array<{ from: string; to: string }> {
  const ids = indexIds(s);
  const forbidden = s.forbidden.map((f) => normalizeId(f) + '/');
  return referencedIds(s).filter((r) => !ids.has(normalizeId(r.to)) && !forbidden.some((f) => normalizeId(r.to).startsWith(f)));
}

/** References into a forbidden subscription (the caller gets 403 for them). */
export function forbiddenRefs(s: Pick<Scenario, 'resources' | 'forbidden'>): Array<{ from: string; to: string }> {
  const forbidden = s.forbidden.map((f) => normalizeId(f) + '/');
  const inForbidden = (id: string) => forbidden.some((f) => normalizeId(id).startsWith(f));
  return referencedIds(s).filter((r) => inForbidden(r.to) && !inForbidden(r.from));
}

/** Every value of a property name anywhere under the scenario's resources (for "no weak IPsec anywhere" style assertions). */
export function valuesOf(s: Pick<Scenario, 'resources'>, key: string): unknown[] {
  const out: unknown[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k === key) out.push(child);
        visit(child);
      }
    }
  };
  visit(s.resources);
  return out;
}

/** Bodies of one canonical type (RT value), top-level or embedded. */
export function ofType(s: Pick<Scenario, 'resources'>, type: string): ScenarioResource[] {
  return [...walkResources(s.resources)].map((w) => w.resource).filter((r) => parseArmId(r.id).type === type);
}
