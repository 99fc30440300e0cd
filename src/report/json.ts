import { emptyGraph } from '../topology/graph.js';
import { toSnapshot } from '../topology/snapshot.js';
import type { Snapshot } from '../topology/types.js';
import type { Finding } from '../checks/types.js';
import type { ReportModel } from './model.js';
import type { ReportResiliency } from './resiliency.js';

/** The JSON export: the same versioned snapshot `inventory --format json` writes, plus the findings (as `check --format json`) and the resiliency analysis. */
export type JsonReport = Snapshot & { findings: Finding[]; resiliency: ReportResiliency[] };

/**
 * Renders the JSON export through the topology layer's own `toSnapshot`, fed with only the in-scope nodes (already
 * redacted, in the model's deterministic order), so the schema can never drift from saved snapshots.
 */
export function renderJson(model: ReportModel): string {
  const g = emptyGraph();
  const byKey = [...model.nodes].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const n of byKey) {
    const { key, typeLabel: _t, subscriptionName: _s, findingCounts: _c, worst: _w, ...attrs } = n;
    g.addNode(key, attrs);
  }
  for (const e of model.edges) g.addDirectedEdge(e.source, e.target, { relation: e.relation, path: e.path, ...(e.ref ? { ref: e.ref } : {}) });
  const snap = toSnapshot(
    {
      source: model.meta.source,
      subscriptions: model.subscriptions,
      resources: [],
      issues: model.issues,
      permissions: model.permissions,
      forbiddenScopes: model.forbiddenScopes,
      startedAt: model.meta.generatedAt,
      finishedAt: model.meta.generatedAt,
    },
    g,
    new Date(model.meta.generatedAt),
  );
  const report: JsonReport = { ...snap, findings: model.findings, resiliency: model.resiliency };
  return `${JSON.stringify(report, null, 2)}\n`;
}
