import { normalizeId } from '../../arm/arm-id.js';
import type { NodeAttrs } from '../../topology/types.js';
import { referencedBy, referencesOf } from '../../topology/queries.js';
import type { Model } from './model.js';
import { GLYPH, statusLook } from '../theme.js';
import { typeLabel } from '../views/misc.js';
import type { Line } from './lines.js';
import { STUB_STATUS } from '../../topology/node-attrs.js';

/** Direction of a reference tree: what the resource uses, or what uses it. */
export type RefDirection = 'uses' | 'usedBy';

const MAX_CHILDREN = 25;

function children(m: Model, key: string, dir: RefDirection): Array<{ node: NodeAttrs; relation: string }> {
  const refs = dir === 'uses' ? referencesOf(m.data.graph, key) : referencedBy(m.data.graph, key);
  const seen = new Set<string>();
  return refs.filter((r) => !seen.has(r.key) && (seen.add(r.key), true)).map((r) => ({ node: r.node, relation: r.relation }));
}

/** Xray-style tree lines (depth `depth`, deeper on expanded keys); stubs are marked missing / no access. */
export function refTree(m: Model, rootId: string, dir: RefDirection, depth: number, expanded: ReadonlySet<string>): Line[] {
  const g = m.data.graph;
  const root = normalizeId(rootId);
  if (!g.hasNode(root)) return [];
  const lines: Line[] = [];
  const walk = (key: string, level: number, path: string, ancestors: Set<string>, prefix: string) => {
    const kids = children(m, key, dir).filter((k) => !ancestors.has(normalizeId(k.node.id)));
    kids.slice(0, MAX_CHILDREN).forEach((kid, i) => {
      const last = i === Math.min(kids.length, MAX_CHILDREN) - 1 && kids.length <= MAX_CHILDREN;
      const k = normalizeId(kid.node.id);
      const treeKey = `${path}>${k}`;
      const grand = children(m, k, dir).filter((c) => !ancestors.has(normalizeId(c.node.id)) && normalizeId(c.node.id) !== key);
      const open = level < depth || expanded.has(treeKey);
      const marker = grand.length === 0 ? ' ' : open ? GLYPH.expanded : GLYPH.collapsed;
      const look = statusLook(kid.node.status, kid.node.stub);
      lines.push({
        id: kid.node.id,
        treeKey: grand.length ? treeKey : undefined,
        segs: [
          { text: `${prefix}${last ? '└─' : '├─'}${marker} `, tone: 'muted' },
          { text: `${look.glyph} `, tone: look.tone },
          { text: kid.node.stub ? kid.node.name : kid.node.name, tone: kid.node.stub ? 'stub' : 'plain' },
          { text: `  ${typeLabel(kid.node.type)}`, tone: 'muted' },
          { text: kid.node.stub ? `  (${STUB_STATUS[kid.node.stub]})` : '', tone: 'stub' },
          { text: `  ${kid.relation}`, tone: 'muted' },
        ],
      });
      if (open && grand.length) walk(k, level + 1, treeKey, new Set([...ancestors, k]), prefix + (last ? '   ' : '│  '));
    });
    if (kids.length > MAX_CHILDREN) lines.push({ segs: [{ text: `${prefix}└─ … ${kids.length - MAX_CHILDREN} more`, tone: 'muted' }] });
  };
  walk(root, 1, dir, new Set([root]), '  ');
  return lines;
}
