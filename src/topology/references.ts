import { normalizeId, parentId, parseArmId } from '../arm/arm-id.js';
import { EMBEDDED_CHILDREN } from '../inventory/flatten.js';
import type { ArmResource } from '../inventory/types.js';
import { canonicalType, FULLY_READ_TYPES, NODE_TYPES, valuesAtPath } from './edges.js';
import type { EdgeRule } from './types.js';

/** Relation of an edge found by the generic walker rather than by a row of the edge table. */
export const REFERENCES = 'references';

/** An ARM id as a body spells it: `/subscriptions/…/providers/<namespace>/<type>/<name>…`. */
const ARM_ID = /^\/subscriptions\/[^/]+\/(resourceGroups\/[^/]+\/)?providers\/[^/]+\/[^/]+\/[^/]+/i;

/** One reference a body makes: from a row of the edge table (`rule`), or any other ARM id string found by the walker. */
export interface BodyReference {
  /** The referenced id, as written in the body. */
  ref: string;
  /** JSON path it was found at, `[]` standing for any array index (the edge table's notation). */
  path: string;
  relation: string;
  rule?: EdgeRule;
}

/**
 * Every reference a body of this type makes: first the edge-table rows, then every other ARM id string anywhere in the
 * body (relation "references"). Skipped: the body's own `id`, and embedded children that are this resource's own
 * children (they are nodes of their own, hung under it, and walk their own bodies). An embedded item whose id names
 * another parent (an authorization of another circuit listed in this one) is a reference like any other.
 * Graph building and the unresolved-reference scan both walk through here, so they cannot disagree.
 */
export function* referencesOfBody(body: ArmResource, type: string, byType: Map<string, EdgeRule[]>): Generator<BodyReference> {
  const rules = byType.get(type) ?? [];
  for (const rule of rules) {
    for (const ref of valuesAtPath(body, rule.path)) yield { ref, path: rule.path, relation: rule.relation, rule };
  }
  // Bodies are never changed once read, and a load walks each twice (unresolved scan, then graph): walk once.
  const typedKey = rules.map((r) => r.path).join('|');
  const cached = WALKED.get(body);
  if (cached && cached.type === type && cached.typedKey === typedKey) return yield* cached.refs;
  const refs = genericReferences(body, type, rules);
  WALKED.set(body, { type, typedKey, refs });
  yield* refs;
}

const WALKED = new WeakMap<object, { type: string; typedKey: string; refs: BodyReference[] }>();

/** Every ARM id string in a body that no edge-table row of its type covers (see referencesOfBody). */
function genericReferences(body: ArmResource, type: string, rules: readonly EdgeRule[]): BodyReference[] {
  const typed = new Set(rules.map((r) => r.path));
  const own = typeof body.id === 'string' ? normalizeId(body.id) : '';
  const embedded = new Set(EMBEDDED_CHILDREN[type] ?? []);
  const out: BodyReference[] = [];
  // The path is kept as a stack of steps and joined only for a hit: most strings in a body are not ids.
  const steps: string[] = [];
  const hit = (ref: string, extra = ''): void => {
    const path = steps.join('') + extra;
    if (!typed.has(path)) out.push({ ref, path, relation: REFERENCES });
  };
  const walk = (v: unknown, inProperties: boolean): void => {
    if (typeof v === 'string') {
      if (v.length > 30 && v.charCodeAt(0) === 47 && ARM_ID.test(v)) hit(v);
      return;
    }
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      steps.push('[]');
      for (const x of v) walk(x, false);
      steps.pop();
      return;
    }
    const top = steps.length === 0;
    for (const k in v as Record<string, unknown>) {
      const x = (v as Record<string, unknown>)[k];
      if (top && k === 'id') continue;
      if (x === null || (typeof x !== 'object' && typeof x !== 'string')) continue;
      steps.push(top ? k : `.${k}`);
      if (inProperties && embedded.has(k) && Array.isArray(x)) {
        for (const child of x) {
          const cid = (child as ArmResource | null)?.id;
          if (typeof cid !== 'string') {
            steps.push('[]');
            walk(child, false);
            steps.pop();
          } else if (normalizeId(parentId(cid) ?? '') !== own && ARM_ID.test(cid)) hit(cid, '[].id');
        }
      } else {
        walk(x, top && k === 'properties');
      }
      steps.pop();
    }
  };
  walk(body, false);
  return out;
}

/** Where a reference lands in the graph: the node key to link to, and how to type and classify it if it is a stub. */
export interface ReferenceTarget {
  /** The id the edge points at: the reference itself, or the resource holding it when it names a part of one. */
  id: string;
  /** Type for a stub of `id` when its id does not spell one. */
  fallbackType: string;
  /** False when erscope does not read this type completely: a stub is then `unread`, never `missing`. */
  fullyRead: boolean;
}

/**
 * Resolves a reference to the node it should point at. Edge-table references point at the id itself. A generic one
 * points at the id when it is a node (or a node type); when it names a part of a resource that is not a node of its
 * own (a gateway's IP configuration, a NIC's IP configuration) it points at the nearest enclosing node or node type,
 * else at its top-level resource. Returns undefined for a body naming a part of itself (own sub-resource, no edge).
 */
export function resolveReference(r: BodyReference, sourceKey: string, isNode: (key: string) => boolean): ReferenceTarget | undefined {
  if (r.rule) return { id: r.ref, fallbackType: r.rule.to, fullyRead: true };
  let cur: string | undefined = r.ref;
  let top = r.ref;
  while (cur) {
    const key = normalizeId(cur);
    if (key === sourceKey) return undefined;
    if (isNode(key)) return { id: cur, fallbackType: '', fullyRead: true }; // no stub is made for a node
    const type = canonicalType(parseArmId(cur).type ?? '');
    if (NODE_TYPES.has(type)) return { id: cur, fallbackType: type, fullyRead: FULLY_READ_TYPES.has(type) };
    top = cur;
    cur = parentId(cur);
  }
  return { id: top, fallbackType: canonicalType(parseArmId(top).type ?? 'unknown'), fullyRead: false };
}
