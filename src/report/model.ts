import { normalizeId } from '../arm/arm-id.js';
import { TYPE_LABEL } from '../arm/resource-types.js';
import type { Finding, Severity } from '../checks/types.js';
import { SEVERITIES } from '../checks/types.js';
import type { InventoryIssue, PermissionEntry, SourceInfo, SubscriptionInfo } from '../inventory/types.js';
import { redact, redactText } from '../redact.js';
import type { EdgeAttrs, NodeAttrs, TopologyGraph } from '../topology/types.js';
import { ERSCOPE_VERSION } from '../version.js';
import { reportResiliency, type ReportResiliency } from './resiliency.js';
import { selectScope, type ReportScope, type ScopeOptions } from './scope.js';

/** Everything a report is made from; the CLI and the TUI both build this. */
export interface ReportInput extends ScopeOptions {
  graph: TopologyGraph;
  findings: Finding[];
  inventoryIssues: InventoryIssue[];
  source: SourceInfo;
  subscriptions: SubscriptionInfo[];
  permissions?: PermissionEntry[];
  forbiddenScopes?: string[];
  /** Injected by tests so golden files do not change with the clock. */
  generatedAt?: Date;
  /** Diagram collapse threshold (nodes); default COLLAPSE_AT. */
  collapseAt?: number;
}

/** Per-node finding counts by severity. */
export type SeverityCounts = Record<Severity, number>;

/** A graph node prepared for output: secrets masked, labels resolved, findings counted. */
export interface ReportNode extends NodeAttrs {
  key: string;
  typeLabel: string;
  subscriptionName: string;
  findingCounts: SeverityCounts;
  worst?: Severity;
}

/** An edge between two in-scope nodes. */
export interface ReportEdge extends EdgeAttrs {
  source: string;
  target: string;
}

/** The shared, deterministic report model every renderer reads. */
export interface ReportModel {
  meta: { source: SourceInfo; generatedAt: string; erscopeVersion: string; scope: Omit<ReportScope, 'keys'> };
  subscriptions: SubscriptionInfo[];
  /** Sorted by type label, name, id. */
  nodes: ReportNode[];
  edges: ReportEdge[];
  /** Sorted by severity (high first), rule id, resource id. */
  findings: Finding[];
  issues: InventoryIssue[];
  permissions: PermissionEntry[];
  forbiddenScopes: string[];
  /** Resiliency of every in-scope VNet with a gateway and every hub, weakest first (src/checks/resiliency). */
  resiliency: ReportResiliency[];
  summary: {
    nodeCount: number;
    edgeCount: number;
    stubCount: number;
    byType: Array<{ type: string; label: string; count: number }>;
    bySubscription: Array<{ subscriptionId: string; displayName: string; count: number }>;
    bySeverity: SeverityCounts;
    suppressed: number;
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Empty severity counters. */
export function zeroCounts(): SeverityCounts {
  return { high: 0, medium: 0, low: 0, info: 0 };
}

/** Human label for a resource type, falling back to the raw type. */
export function typeLabel(type: string): string {
  return TYPE_LABEL[type] ?? type;
}

/** Masks secrets in a finding: structured fields through redact, free text through redactText. */
function cleanFinding(f: Finding): Finding {
  const r = redact(f);
  const out: Finding = { ...r, title: redactText(r.title), reason: redactText(r.reason) };
  if (r.fix) out.fix = { ...r.fix, description: redactText(r.fix.description) };
  return out;
}

/** Deterministic finding order: severity, rule, resource, title. */
export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || cmp(a.ruleId, b.ruleId) ||
    cmp(normalizeId(a.resourceId), normalizeId(b.resourceId)) || cmp(a.title, b.title);
}

/** Builds the report model: resolves scope, masks secrets, counts and sorts so every format is reproducible. */
export function buildReportModel(input: ReportInput): ReportModel {
  const { graph } = input;
  const scope = selectScope(graph, input);
  const inScope = new Set(scope.keys);
  const subName = new Map(input.subscriptions.map((s) => [s.subscriptionId.toLowerCase(), s.displayName]));
  const findings = input.findings
    .filter((f) => !scope.subset || inScope.has(normalizeId(f.resourceId)))
    .map(cleanFinding)
    .sort(compareFindings);
  const countsByNode = new Map<string, SeverityCounts>();
  const bySeverity = zeroCounts();
  for (const f of findings) {
    if (f.suppressed) continue;
    bySeverity[f.severity] += 1;
    const k = normalizeId(f.resourceId);
    const c = countsByNode.get(k) ?? zeroCounts();
    c[f.severity] += 1;
    countsByNode.set(k, c);
  }
  const nodes: ReportNode[] = scope.keys.map((key) => {
    const a = graph.getNodeAttributes(key);
    const findingCounts = countsByNode.get(key) ?? zeroCounts();
    const node: ReportNode = {
      ...a, name: redactText(a.name), body: redact(a.body), key, typeLabel: typeLabel(a.type),
      subscriptionName: subName.get(a.subscriptionId.toLowerCase()) ?? a.subscriptionId, findingCounts,
    };
    const worst = SEVERITIES.find((s) => findingCounts[s] > 0);
    if (worst) node.worst = worst;
    return node;
  });
  nodes.sort((x, y) => cmp(x.typeLabel, y.typeLabel) || cmp(x.name.toLowerCase(), y.name.toLowerCase()) || cmp(x.key, y.key));
  const edges: ReportEdge[] = [];
  graph.forEachEdge((_e, attrs, source, target) => {
    if (inScope.has(source) && inScope.has(target)) edges.push({ source, target, relation: attrs.relation, path: attrs.path, ...(attrs.ref ? { ref: attrs.ref } : {}) });
  });
  edges.sort((a, b) => cmp(a.source, b.source) || cmp(a.target, b.target) || cmp(a.relation, b.relation) || cmp(a.path, b.path) || cmp(a.ref ?? '', b.ref ?? ''));
  const typeCounts = new Map<string, number>();
  const subCounts = new Map<string, number>();
  for (const n of nodes) {
    typeCounts.set(n.type, (typeCounts.get(n.type) ?? 0) + 1);
    const s = n.subscriptionId.toLowerCase();
    subCounts.set(s, (subCounts.get(s) ?? 0) + 1);
  }
  const inScopeIssue = (i: InventoryIssue): boolean => {
    const s = normalizeId(i.scope);
    return !scope.subset || scope.keys.some((k) => k === s || k.startsWith(`${s}/`));
  };
  const { keys: _keys, ...scopeMeta } = scope;
  return {
    meta: {
      source: redact(input.source),
      generatedAt: (input.generatedAt ?? new Date()).toISOString(),
      erscopeVersion: ERSCOPE_VERSION,
      scope: scopeMeta,
    },
    subscriptions: [...input.subscriptions].sort((a, b) => cmp(a.subscriptionId.toLowerCase(), b.subscriptionId.toLowerCase())),
    nodes,
    edges,
    findings,
    issues: input.inventoryIssues.filter(inScopeIssue).map((i) => ({ ...i, message: redactText(i.message) }))
      .sort((a, b) => cmp(normalizeId(a.scope), normalizeId(b.scope)) || cmp(a.kind, b.kind) || cmp(a.message, b.message)),
    permissions: input.permissions ?? [],
    forbiddenScopes: input.forbiddenScopes ?? [],
    resiliency: reportResiliency(graph, (k) => inScope.has(k)),
    summary: {
      nodeCount: nodes.length,
      edgeCount: edges.length,
      stubCount: nodes.filter((n) => n.stub).length,
      byType: [...typeCounts].map(([type, count]) => ({ type, label: typeLabel(type), count }))
        .sort((a, b) => b.count - a.count || cmp(a.label, b.label)),
      bySubscription: [...subCounts].map(([id, count]) => ({ subscriptionId: id, displayName: subName.get(id) ?? id, count }))
        .sort((a, b) => cmp(a.displayName.toLowerCase(), b.displayName.toLowerCase()) || cmp(a.subscriptionId, b.subscriptionId)),
      bySeverity,
      suppressed: findings.filter((f) => f.suppressed).length,
    },
  };
}

/** Groups nodes by type for per-type tables, in the model's type order (by label). */
export function nodesByType(model: ReportModel): Array<{ type: string; label: string; nodes: ReportNode[] }> {
  const groups = new Map<string, ReportNode[]>();
  for (const n of model.nodes) {
    const g = groups.get(n.type) ?? [];
    g.push(n);
    groups.set(n.type, g);
  }
  return [...groups].map(([type, nodes]) => ({ type, label: typeLabel(type), nodes })).sort((a, b) => cmp(a.label, b.label));
}

/** Node lookup by lower-cased id, for renderers that show a finding's resource name. */
export function nodeIndex(model: ReportModel): Map<string, ReportNode> {
  return new Map(model.nodes.map((n) => [n.key, n]));
}

/** One line saying what part of the estate the report covers. */
export function scopeDescription(model: ReportModel): string {
  const { scope } = model.meta;
  const n = model.summary.nodeCount;
  if (scope.focus !== undefined) return `neighbourhood of ${scope.focus} within ${scope.depth} hops (${n} of ${scope.totalNodes} resources)`;
  if (scope.subset) return `selected view (${n} of ${scope.totalNodes} resources)`;
  return `all ${n} resources`;
}
