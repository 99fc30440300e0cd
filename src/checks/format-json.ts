import { redact } from '../redact.js';
import { summarize, type CheckMeta, type FindingSummary } from './summary.js';
import type { Finding } from './types.js';

/** The versioned JSON document `erscope check --format json` writes. */
export interface CheckReport {
  schemaVersion: 1;
  erscopeVersion: string;
  source: CheckMeta['source'];
  generatedAt: string;
  incomplete: boolean;
  summary: FindingSummary;
  findings: Finding[];
}

/** Builds the JSON report object (secrets masked). */
export function buildCheckReport(findings: readonly Finding[], meta: CheckMeta): CheckReport {
  return redact({
    schemaVersion: 1 as const,
    erscopeVersion: meta.erscopeVersion,
    source: meta.source,
    generatedAt: meta.generatedAt,
    incomplete: Boolean(meta.incomplete),
    summary: summarize(findings),
    findings: [...findings],
  });
}

/** The JSON report as text, two-space indented with a trailing newline. */
export function formatFindingsJson(findings: readonly Finding[], meta: CheckMeta): string {
  return `${JSON.stringify(buildCheckReport(findings, meta), null, 2)}\n`;
}
