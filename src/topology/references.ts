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
  const typed = new Set(rules.map((r) => r.path));
  const own = typeof body.id === 'string' ? normalizeId(body.id) : '';
  const embedded = new Set(EMBEDDED_CHILDREN[type] ?? []);
  const out: BodyReference[] = [];
  const walk = (v: unknown, path: string, inProperties: boolean): void => {
    if (typeof v === 'string') {
      if (ARM_ID.test(v) && !typed.has(path)) out.push({ ref: v, path, relation: REFERENCES });
      return;
    }
    if (Array.isArray(v)) {
      for (const x of v) walk(x, `${path}[]`, false);
      return;
    }
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const p = path ? `${path}.${k}` : k;
      if (path === '' && k === 'id') continue;
      if (inProperties && embedded.has(k) && Array.isArray(x)) {
        for (const child of x) {
          const cid = (child as ArmResource | null)?.id;
          if (typeof cid !== 'string') walk(child, `${p}[]`, false);
          else if (normalizeId(parentId(cid) ?? '') !== own && ARM_ID.test(cid)) out.push({ ref: cid, path: `${p}[].id`, relation: REFERENCES });
        }
        continue;
      }
      walk(x, p, path === '' && k === 'properties');
    }
  };
  walk(body, '', false);
  yield* out;
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
    const type = canonicalType(parseArmId(cur).type ?? '');
    if (isNode(key) || NODE_TYPES.has(type)) return { id: cur, fallbackType: type, fullyRead: FULLY_READ_TYPES.has(type) };
    top = cur;
    cur = parentId(cur);
  }
  return { id: top, fallbackType: canonicalType(parseArmId(top).type ?? 'unknown'), fullyRead: false };
}
