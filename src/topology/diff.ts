import { normalizeId } from '../arm/arm-id.js';
import { TYPE_LABEL } from '../arm/resource-types.js';
import { redact } from '../redact.js';
import type { NodeAttrs, Snapshot, TopologyGraph } from './types.js';

/** A resource that appeared or disappeared between two snapshots. */
export interface DiffEntry {
  id: string;
  type: string;
  name: string;
}

/** One changed value inside a resource body, by dotted path (arrays of named objects are keyed by name). */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** What changed between two snapshots. */
export interface SnapshotDiff {
  added: DiffEntry[];
  removed: DiffEntry[];
  changed: Array<DiffEntry & { changes: FieldChange[] }>;
}

/** Keys whose values change on every read without meaning anything (etags, live byte counters). */
const IGNORED_KEYS = new Set(['etag', 'gatewaymanageretag', 'ingressbytestransferred', 'egressbytestransferred', 'ingresspacketsdropped', 'egresspacketsdropped']);

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Element key for matching array items: their `name` (or id) when every item has a unique one, else the index. */
function arrayKeys(items: unknown[]): string[] | undefined {
  const keys = items.map((v) => (isObject(v) && typeof (v.name ?? v.id) === 'string' ? String(v.name ?? v.id) : undefined));
  if (keys.some((k) => k === undefined) || new Set(keys).size !== keys.length) return undefined;
  return keys as string[];
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Deep comparison of two JSON values, appending one FieldChange per differing leaf (or per added/removed subtree). */
export function diffValues(before: unknown, after: unknown, path = '', out: FieldChange[] = []): FieldChange[] {
  if (Array.isArray(before) && Array.isArray(after)) {
    const kb = arrayKeys(before);
    const ka = arrayKeys(after);
    if (kb && ka) {
      const mb = new Map(kb.map((k, i) => [k, before[i]]));
      const ma = new Map(ka.map((k, i) => [k, after[i]]));
      for (const k of new Set([...kb, ...ka])) diffValues(mb.get(k), ma.get(k), `${path}[${k}]`, out);
    } else {
      for (let i = 0; i < Math.max(before.length, after.length); i++) diffValues(before[i], after[i], `${path}[${i}]`, out);
    }
    return out;
  }
  if (isObject(before) && isObject(after)) {
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (IGNORED_KEYS.has(k.toLowerCase())) continue;
      diffValues(before[k], after[k], join(path, k), out);
    }
    return out;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path: path || '(value)', before, after });
  return out;
}

function entry(n: NodeAttrs): DiffEntry {
  return { id: n.id, type: n.type, name: n.name };
}

/** Compares two snapshots node by node (bodies deeply, stub state too); secrets are redacted before comparing. */
export function diffSnapshots(oldSnap: Snapshot, newSnap: Snapshot): SnapshotDiff {
  const before = new Map(oldSnap.nodes.map((n) => [normalizeId(n.id), n]));
  const after = new Map(newSnap.nodes.map((n) => [normalizeId(n.id), n]));
  const out: SnapshotDiff = { added: [], removed: [], changed: [] };
  for (const [k, n] of after) if (!before.has(k)) out.added.push(entry(n));
  for (const [k, n] of before) if (!after.has(k)) out.removed.push(entry(n));
  for (const [k, a] of after) {
    const b = before.get(k);
    if (!b) continue;
    const changes: FieldChange[] = [];
    if ((b.stub ?? null) !== (a.stub ?? null)) changes.push({ path: '(stub)', before: b.stub ?? null, after: a.stub ?? null });
    diffValues(redact(b.body), redact(a.body), '', changes);
    if (changes.length > 0) out.changed.push({ ...entry(a), changes });
  }
  const byId = (x: DiffEntry, y: DiffEntry) => x.id.toLowerCase().localeCompare(y.id.toLowerCase());
  out.added.sort(byId);
  out.removed.sort(byId);
  out.changed.sort(byId);
  return out;
}

/**
 * What changed between a saved snapshot and a graph read now (the explorer's `--diff`), resources only: stub nodes are
 * references, not resources, so a stub a newer erscope draws is no change, and a resource now only referenced is removed.
 */
export function diffSnapshotAgainstGraph(old: Snapshot, graph: TopologyGraph): SnapshotDiff {
  const now = graph.mapNodes((_k, a) => a).filter((n) => !n.stub);
  return diffSnapshots({ ...old, nodes: old.nodes.filter((n) => !n.stub) }, { ...old, nodes: now });
}

function show(v: unknown): string {
  if (v === undefined) return '(absent)';
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function label(e: DiffEntry): string {
  return `${TYPE_LABEL[e.type] ?? e.type} ${e.name}`;
}

/** Plain-text rendering for the terminal: `+` added, `-` removed, `~` changed with one indented line per field. */
export function formatDiffText(d: SnapshotDiff): string {
  if (d.added.length + d.removed.length + d.changed.length === 0) return 'No differences.\n';
  const lines = [`${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`];
  for (const e of d.added) lines.push(`+ ${label(e)}  ${e.id}`);
  for (const e of d.removed) lines.push(`- ${label(e)}  ${e.id}`);
  for (const e of d.changed) {
    lines.push(`~ ${label(e)}  ${e.id}`);
    for (const c of e.changes) lines.push(`    ${c.path}: ${show(c.before)} -> ${show(c.after)}`);
  }
  return `${lines.join('\n')}\n`;
}
