import { csvField, sourceLine } from './escape.js';
import { nodeIndex, type ReportModel } from './model.js';
import { backupWords } from './resiliency.js';

/** Column order of the findings CSV; report provenance is repeated per row because RFC 4180 has no comment lines. */
export const CSV_COLUMNS = [
  'severity', 'ruleId', 'resourceId', 'resourceName', 'resourceType', 'subscriptionId', 'title', 'reason', 'fix', 'docs',
  'suppressed', 'evidence', 'source', 'generatedAt', 'erscopeVersion',
] as const;

/**
 * Renders the findings as RFC 4180 CSV (CRLF line ends, quoted fields where needed, header row first), then one row per
 * VNet/hub with its resiliency (ruleId `resiliency-score`, severity empty, title = score and model, evidence = the factors).
 */
export function renderCsv(model: ReportModel): string {
  const idx = nodeIndex(model);
  const src = sourceLine(model.meta.source);
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const f of model.findings) {
    const n = idx.get(f.resourceId.toLowerCase());
    rows.push([
      f.severity, f.ruleId, f.resourceId, n?.name ?? '', n?.typeLabel ?? '', n?.subscriptionId ?? '', f.title, f.reason,
      f.fix?.description ?? '', f.docs, f.suppressed ? f.suppressed.reason : '', JSON.stringify(f.evidence),
      src, model.meta.generatedAt, model.meta.erscopeVersion,
    ]);
  }
  for (const r of model.resiliency) {
    const n = idx.get(r.id.toLowerCase());
    rows.push([
      '', 'resiliency-score', r.id, r.name, n?.typeLabel ?? (r.kind === 'hub' ? 'Virtual hub' : 'Virtual network'), r.subscriptionId,
      `Resiliency ${r.score}/100 (${r.model})`, r.spofs.map((s) => s.text).join('; ') || 'no single point of failure found', `backup: ${backupWords(r)}`,
      r.items[0]?.sources[0] ?? '', '', JSON.stringify({ score: r.score, peeringLocations: r.peeringLocations, items: r.items.map((i) => ({ factor: i.factor, points: i.points, max: i.max, reason: i.reason })) }),
      src, model.meta.generatedAt, model.meta.erscopeVersion,
    ]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
