import { RT } from '../arm/resource-types.js';
import type { Severity } from '../checks/types.js';
import { SEVERITIES } from '../checks/types.js';
import type { StubKind, TopologyGraph } from '../topology/types.js';
import { clusterOf, type ClusterPath } from './clusters.js';
import { zeroCounts, type ReportModel, type SeverityCounts } from './model.js';
import { resiliencyLabel } from './resiliency.js';
import { shouldCollapse } from './scope.js';
import { STUB_STATUS } from '../topology/node-attrs.js';

/** A box in the diagram: one resource, or (collapsed) one subscription/hub/location group. */
export interface DiagramNode {
  id: string;
  /** Label lines, plain text (renderers escape). */
  lines: string[];
  tooltip: string;
  cluster: string;
  worst?: Severity;
  counts: SeverityCounts;
  stub?: StubKind;
  /** Resources behind a collapsed node. */
  members?: number;
}

/** A cluster box: subscriptions at the top, hubs and peering locations inside them. */
export interface DiagramCluster {
  id: string;
  label: string;
  parent?: string;
}

/** A drawn edge; parallel graph edges between the same pair are merged. */
export interface DiagramEdge {
  from: string;
  to: string;
  label?: string;
  /** References run both ways (hub ↔ its gateway): drawn once with two arrowheads. */
  both?: boolean;
}

/** The renderer-neutral diagram DOT and Mermaid are generated from. */
export interface Diagram {
  nodes: DiagramNode[];
  clusters: DiagramCluster[];
  edges: DiagramEdge[];
  collapsed: boolean;
  /** Resources represented (equals nodes.length unless collapsed). */
  resourceCount: number;
}

/** Text marks so severity reads without colour (print, colour-blind readers). */
export const SEVERITY_MARK: Record<Severity, string> = { high: '!!!', medium: '!!', low: '!', info: 'i' };

const CONNECTION_TYPES = new Set<string>([RT.connection, RT.erConnection, RT.vpnConnection]);
const WEIGHTED_PEERS = new Set<string>([RT.circuit, RT.peering, RT.localGateway, RT.vpnSite, RT.vpnSiteLink, RT.vnetGateway]);
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** One label line summarising findings, e.g. "!!! 2 high, 1 low". */
export function findingLine(counts: SeverityCounts): string | undefined {
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  const worst = SEVERITIES.find((s) => counts[s] > 0);
  return worst ? `${SEVERITY_MARK[worst]} ${parts.join(', ')}` : undefined;
}

function weightLabel(byKey: Map<string, ReportModel['nodes'][number]>, a: string, b: string): string | undefined {
  for (const [conn, other] of [[a, b], [b, a]] as const) {
    const c = byKey.get(conn);
    const o = byKey.get(other);
    if (!c || !o || !CONNECTION_TYPES.has(c.type) || !WEIGHTED_PEERS.has(o.type)) continue;
    if (c.type === RT.connection && o.type === RT.vnetGateway && c.body.properties?.connectionType !== 'Vnet2Vnet') continue;
    const w = c.body.properties?.routingWeight;
    if (typeof w === 'number') return `weight ${w}`;
  }
  return undefined;
}

function addClusters(path: ClusterPath, subLabel: (id: string) => string, out: Map<string, DiagramCluster>): string {
  if (!out.has(path.subscription)) out.set(path.subscription, { id: path.subscription, label: subLabel(path.subscriptionId) });
  if (!path.group) return path.subscription;
  if (!out.has(path.group)) out.set(path.group, { id: path.group, label: path.groupLabel ?? path.group, parent: path.subscription });
  return path.group;
}

/** Builds the diagram for the model's nodes; at `collapseAt`+ nodes it draws one node per cluster with counts instead. */
export function buildDiagram(graph: TopologyGraph, model: ReportModel, collapseAt?: number): Diagram {
  const subNames = new Map(model.subscriptions.map((s) => [s.subscriptionId.toLowerCase(), s.displayName]));
  const subLabel = (id: string): string => `Subscription ${subNames.get(id) ?? id}`;
  const clusters = new Map<string, DiagramCluster>();
  const byKey = new Map(model.nodes.map((n) => [n.key, n]));
  const collapsed = shouldCollapse(model.nodes.length, collapseAt);
  const placeOf = new Map<string, string>();
  const nodes = new Map<string, DiagramNode>();
  const resiliency = new Map(model.resiliency.map((r) => [r.id.toLowerCase(), r]));
  for (const n of model.nodes) {
    const path = clusterOf(graph, n.key);
    const cluster = addClusters(path, subLabel, clusters);
    if (!collapsed) {
      const lines = [n.name, n.typeLabel];
      if (n.stub) lines.push(`(${STUB_STATUS[n.stub]})`);
      else if (n.status) lines.push(n.status);
      const fl = findingLine(n.findingCounts);
      if (fl) lines.push(fl);
      const res = resiliency.get(n.key);
      if (res) lines.push(resiliencyLabel(res));
      const node: DiagramNode = { id: n.key, lines, tooltip: n.id, cluster, counts: n.findingCounts };
      if (n.worst) node.worst = n.worst;
      if (n.stub) node.stub = n.stub;
      nodes.set(n.key, node);
      placeOf.set(n.key, n.key);
      continue;
    }
    const groupId = `${path.group ?? path.subscription}|all`;
    let g = nodes.get(groupId);
    if (!g) {
      const label = path.group ? clusters.get(path.group)!.label : `Other resources`;
      g = { id: groupId, lines: [label], tooltip: label, cluster: path.group ? path.subscription : cluster, counts: zeroCounts(), members: 0 };
      nodes.set(groupId, g);
    }
    g.members! += 1;
    for (const s of SEVERITIES) g.counts[s] += n.findingCounts[s];
    placeOf.set(n.key, groupId);
  }
  if (collapsed) {
    for (const id of [...clusters.keys()]) if (clusters.get(id)!.parent) clusters.delete(id);
    for (const g of nodes.values()) {
      g.lines.push(`${g.members} resources`);
      const fl = findingLine(g.counts);
      if (fl) g.lines.push(fl);
      const worst = SEVERITIES.find((s) => g.counts[s] > 0);
      if (worst) g.worst = worst;
    }
  }
  const edges = new Map<string, { from: string; to: string; labels: Set<string>; count: number }>();
  for (const e of model.edges) {
    const from = placeOf.get(e.source)!;
    const to = placeOf.get(e.target)!;
    if (from === to) continue;
    const k = `${from}\u0000${to}`;
    const cur = edges.get(k) ?? { from, to, labels: new Set<string>(), count: 0 };
    cur.count += 1;
    if (!collapsed) {
      const w = weightLabel(byKey, e.source, e.target);
      if (w) cur.labels.add(w);
    }
    edges.set(k, cur);
  }
  const edgeList: DiagramEdge[] = [];
  for (const e of edges.values()) {
    const reverse = edges.get(`${e.to}\u0000${e.from}`);
    if (reverse && e.from > e.to) continue;
    const count = e.count + (reverse?.count ?? 0);
    const labels = [...e.labels, ...(reverse?.labels ?? [])];
    const label = collapsed ? `${count} link${count === 1 ? '' : 's'}` : [...new Set(labels)].sort().join(', ');
    const edge: DiagramEdge = { from: e.from, to: e.to };
    if (label) edge.label = label;
    if (reverse) edge.both = true;
    edgeList.push(edge);
  }
  edgeList.sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to));
  return {
    nodes: [...nodes.values()].sort((a, b) => cmp(a.cluster, b.cluster) || cmp(a.id, b.id)),
    clusters: [...clusters.values()].sort((a, b) => cmp(a.id, b.id)),
    edges: edgeList,
    collapsed,
    resourceCount: model.nodes.length,
  };
}
