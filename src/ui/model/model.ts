import type { SubscriptionInfo } from '../../inventory/types.js';
import type { NodeAttrs } from '../../topology/types.js';
import { SEVERITIES, type Finding, type Severity } from '../../checks/types.js';
import { normalizeId, parseArmId } from '../../arm/arm-id.js';
import type { ExplorerData } from '../backend.js';
import { get } from '../../checks/model.js';

/** Read-side index over one load: lookups the views need on every frame, computed once per load. */
export interface Model {
  data: ExplorerData;
  node(id: string): NodeAttrs | undefined;
  nodesOfType(types: readonly string[]): NodeAttrs[];
  /** Nodes of the given types adjacent to `id` in either direction (edge direction is the edge table's business). */
  neighborsOfType(id: string, types: readonly string[]): NodeAttrs[];
  findingsFor(id: string): Finding[];
  subName(subscriptionId: string): string;
  severityCounts: Record<Severity, number>;
}

/** Builds the index; cheap enough for 10k nodes and never called during a keypress. */
export function buildModel(data: ExplorerData, subscriptions: SubscriptionInfo[]): Model {
  const g = data.graph;
  const byType = new Map<string, NodeAttrs[]>();
  g.forEachNode((_k, a) => {
    const list = byType.get(a.type);
    if (list) list.push(a);
    else byType.set(a.type, [a]);
  });
  const findings = new Map<string, Finding[]>();
  const severityCounts = { high: 0, medium: 0, low: 0, info: 0 } as Record<Severity, number>;
  for (const f of data.findings) {
    const k = normalizeId(f.resourceId);
    const list = findings.get(k);
    if (list) list.push(f);
    else findings.set(k, [f]);
    if (!f.suppressed) severityCounts[f.severity] += 1;
  }
  for (const list of findings.values()) list.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  const subNames = new Map(subscriptions.map((s) => [s.subscriptionId.toLowerCase(), s.displayName]));
  return {
    data,
    node: (id) => {
      const k = normalizeId(id);
      return g.hasNode(k) ? g.getNodeAttributes(k) : undefined;
    },
    nodesOfType: (types) => types.flatMap((t) => byType.get(t) ?? []),
    neighborsOfType: (id, types) => {
      const k = normalizeId(id);
      if (!g.hasNode(k)) return [];
      const out: NodeAttrs[] = [];
      const seen = new Set<string>();
      g.forEachNeighbor(k, (nk, a) => {
        if (!seen.has(nk) && types.includes(a.type)) {
          seen.add(nk);
          out.push(a);
        }
      });
      return out;
    },
    findingsFor: (id) => findings.get(normalizeId(id)) ?? [],
    subName: (s) => subNames.get((s ?? '').toLowerCase()) ?? (s ? s.slice(0, 8) : ''),
    severityCounts,
  };
}

/** Reads a dotted path out of a raw ARM body (`properties.x.y`; arrays index with numbers): the checks' reader. */
export const prop: (body: unknown, path: string) => unknown = get;

/** Like prop, rendered as a short string ('' when absent). */
export function propText(body: unknown, path: string): string {
  const v = prop(body, path);
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(',');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Last segment of an ARM id, for compact display of references. */
export function nameOfId(id: string | undefined): string {
  if (!id) return '';
  const parts = id.replace(/\/+$/, '').split('/');
  return parts[parts.length - 1] ?? id;
}

/** Name with its parents for child resources (er-lon2-legacy/AzurePrivatePeering): a bare "AzurePrivatePeering" says nothing. */
export function qualifiedName(id: string | undefined): string {
  const names = id ? parseArmId(id).names : [];
  return names.length > 1 ? names.join('/') : nameOfId(id);
}

/** "✖2 !1"-style summary of a resource's findings, or ✔ when clean. */
export function findingSummary(list: Finding[]): string {
  if (list.length === 0) return '✔';
  const glyph: Record<Severity, string> = { high: '✖', medium: '!', low: '?', info: 'i' };
  const counts = new Map<Severity, number>();
  for (const f of list) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  return SEVERITIES.filter((s) => counts.has(s)).map((s) => `${glyph[s]}${counts.get(s)}`).join(' ');
}
