import { normalizeId } from '../../arm/arm-id.js';
import { TYPE_LABEL } from '../../arm/resource-types.js';
import type { ExplorerData } from '../backend.js';
import type { DiffEntry, FieldChange } from '../../topology/diff.js';
import type { Model } from '../model/model.js';
import type { Tone } from '../theme.js';
import type { Row, ViewDef } from './types.js';

/** One resource that differs from the saved snapshot: added, removed, or changed with its property changes. */
export interface ChangeRow {
  kind: 'added' | 'removed' | 'changed';
  entry: DiffEntry;
  changes: FieldChange[];
}

const MARK: Record<ChangeRow['kind'], { text: string; tone: Tone }> = {
  added: { text: '+ added', tone: 'ok' },
  removed: { text: '- removed', tone: 'error' },
  changed: { text: '~ changed', tone: 'warn' },
};

/** The rows of the diff view: removed first (what is gone is what pages people), then changed, then added. */
export function changeRows(m: Model): ChangeRow[] {
  const d = m.data.baseline?.diff;
  if (!d) return [];
  return [
    ...d.removed.map((entry) => ({ kind: 'removed' as const, entry, changes: [] })),
    ...d.changed.map(({ changes, ...entry }) => ({ kind: 'changed' as const, entry, changes })),
    ...d.added.map((entry) => ({ kind: 'added' as const, entry, changes: [] })),
  ];
}

const byId = new WeakMap<ExplorerData, Map<string, ChangeRow>>();

/** How a resource differs from the snapshot (undefined when unchanged or no baseline): one index per load. */
export function changeOf(m: Model, id: string): ChangeRow | undefined {
  if (!m.data.baseline) return undefined;
  let index = byId.get(m.data);
  if (!index) {
    index = new Map(changeRows(m).map((c) => [normalizeId(c.entry.id), c]));
    byId.set(m.data, index);
  }
  return index.get(normalizeId(id));
}

/** A snapshot's time as the diff pages show it (`2023-11-13 09:30:00Z`). */
export function takenAt(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

const ch = (r: Row): ChangeRow | undefined => r.change;

/** `:diff` (also `:changes`): what was added, removed or changed since the snapshot given with --diff or `:diff FILE`. */
export const diffView: ViewDef = {
  id: 'diff',
  title: 'diff',
  aliases: ['diff', 'changes', 'delta'],
  emptyText: (m) => {
    const b = m.data.baseline;
    return b ? `no changes since ${b.file} (taken ${takenAt(b.generatedAt)})` : 'no snapshot to compare with: open one with :diff FILE (or start with --diff FILE)';
  },
  rows: (m) => changeRows(m).map((c) => ({ id: c.entry.id, change: c, ...(m.node(c.entry.id) ? { node: m.node(c.entry.id)! } : {}) })),
  columns: [
    { title: 'CHANGE', min: 10, priority: 0, get: (r) => MARK[ch(r)!.kind].text, tone: (r) => MARK[ch(r)!.kind].tone },
    { title: 'NAME', min: 14, flex: 2, priority: 0, get: (r) => ch(r)!.entry.name },
    { title: 'TYPE', min: 14, flex: 1, priority: 2, get: (r) => TYPE_LABEL[ch(r)!.entry.type] ?? ch(r)!.entry.type },
    {
      title: 'PROPERTIES', min: 12, flex: 3, priority: 1,
      get: (r) => {
        const c = ch(r)!;
        if (c.kind !== 'changed') return c.kind === 'added' ? 'not in the snapshot' : 'in the snapshot, gone now';
        return `${c.changes.length}: ${c.changes.map((x) => x.path).join(', ')}`;
      },
    },
    { title: 'SUB', min: 10, flex: 1, priority: 3, get: (r, m) => m.subName(r.id.split('/')[2] ?? '') },
  ],
};
