import { redact } from '../redact.js';
import { RULES } from './catalog.js';
import type { CheckMeta } from './summary.js';
import type { Finding, Rule, Severity } from './types.js';

/** SARIF result level per severity (high → error, medium → warning, low/info → note). */
export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { high: 'error', medium: 'warning', low: 'note', info: 'note' };

const RULE_ERROR = { id: 'rule-error', title: 'A rule failed to run', severity: 'info' as Severity, docs: 'https://learn.microsoft.com/azure/expressroute/' };

function driverRule(r: Pick<Rule, 'id' | 'title' | 'severity' | 'docs'>): Record<string, unknown> {
  return {
    id: r.id,
    name: r.id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: r.title },
    helpUri: r.docs,
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
    properties: { severity: r.severity },
  };
}

/** SARIF 2.1.0 object: one rule per catalog entry, results located by ARM id (logical locations; there are no files). */
export function buildSarif(findings: readonly Finding[], meta: CheckMeta): Record<string, unknown> {
  const catalog = [...RULES.map(driverRule), driverRule(RULE_ERROR)];
  const index = new Map(catalog.map((r, i) => [r.id as string, i]));
  const results = findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId) ?? -1,
    level: SARIF_LEVEL[f.severity],
    message: { text: `${f.title}: ${f.reason}${f.fix ? ` Fix: ${f.fix.description}` : ''}` },
    locations: [{ logicalLocations: [{ fullyQualifiedName: f.resourceId || '(engine)', kind: 'resource' }] }],
    properties: { severity: f.severity, evidence: f.evidence, ...(f.fix ? { fix: f.fix } : {}), docs: f.docs },
    ...(f.suppressed ? { suppressions: [{ kind: 'external', status: 'accepted', justification: f.suppressed.reason }] } : {}),
  }));
  return redact({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'erscope', version: meta.erscopeVersion, semanticVersion: meta.erscopeVersion, rules: catalog } },
        invocations: [{ executionSuccessful: true, endTimeUtc: meta.generatedAt }],
        properties: { source: meta.source, incomplete: Boolean(meta.incomplete) },
        results,
      },
    ],
  });
}

/** SARIF as text (two-space indented, trailing newline). */
export function formatFindingsSarif(findings: readonly Finding[], meta: CheckMeta): string {
  return `${JSON.stringify(buildSarif(findings, meta), null, 2)}\n`;
}
