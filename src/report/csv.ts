import { csvField, sourceLine } from './escape.js';
import { nodeIndex, type ReportModel } from './model.js';

/** Column order of the findings CSV; report provenance is repeated per row because RFC 4180 has no comment lines. */
export const CSV_COLUMNS = [
  'severity', 'ruleId', 'resourceId', 'resourceName', 'resourceType', 'subscriptionId', 'title', 'reason', 'fix', 'docs',
  'suppressed', 'evidence', 'source', 'generatedAt', 'erscopeVersion',
] as const;

/** Renders the findings as RFC 4180 CSV (CRLF line ends, quoted fields where needed, header row first). */
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
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
