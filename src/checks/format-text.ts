import { parseArmId } from '../arm/arm-id.js';
import { TYPE_LABEL } from '../arm/resource-types.js';
import { redactText } from '../redact.js';
import { summarize, type CheckMeta } from './summary.js';
import { SEVERITIES, type Finding } from './types.js';

const HEADING: Record<string, string> = { high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFO' };

/** "name (type label)" for a resource id: readable on one line, the full id stays in json/sarif. */
export function resourceLabel(id: string): string {
  if (!id) return '(engine)';
  const p = parseArmId(id);
  const label = p.type ? TYPE_LABEL[p.type] : undefined;
  const name = p.names.length ? p.names.join('/') : id;
  return label ? `${name} (${label})` : name;
}

/** The summary line: counts per severity, suppressed count and the source. */
export function summaryLine(findings: readonly Finding[], meta: Pick<CheckMeta, 'source' | 'incomplete'>): string {
  const s = summarize(findings);
  const total = s.high + s.medium + s.low + s.info;
  return `${total} finding${total === 1 ? '' : 's'}: ${s.high} high, ${s.medium} medium, ${s.low} low, ${s.info} info${s.suppressed ? ` (+${s.suppressed} suppressed)` : ''} — ${meta.source.kind}: ${meta.source.label}${meta.incomplete ? ' — inventory incomplete, some scopes could not be read' : ''}`;
}

/** Findings as terminal text: grouped by severity, one line each with an indented why/fix, then the summary line. */
export function formatFindingsText(findings: readonly Finding[], meta: Pick<CheckMeta, 'source' | 'incomplete'>): string {
  const lines: string[] = [];
  for (const sev of SEVERITIES) {
    const group = findings.filter((f) => f.severity === sev);
    if (group.length === 0) continue;
    lines.push(`${HEADING[sev]} (${group.length})`);
    for (const f of group) {
      lines.push(`  ${f.ruleId}  ${resourceLabel(f.resourceId)}  ${f.title}${f.suppressed ? `  [suppressed: ${f.suppressed.reason}]` : ''}`);
      lines.push(`      why: ${f.reason}`);
      if (f.fix) lines.push(`      fix: ${f.fix.description}`);
      lines.push(`      docs: ${f.docs}`);
    }
    lines.push('');
  }
  if (findings.length === 0) lines.push('No findings.', '');
  lines.push(summaryLine(findings, meta));
  return redactText(`${lines.join('\n')}\n`);
}
