import { formatFindingsSarif } from '../checks/format-sarif.js';
import type { ReportModel } from './model.js';

/**
 * SARIF 2.1.0 for the report's (in-scope, redacted, sorted) findings; delegates to the checks layer's writer so
 * `erscope check --format sarif` and `erscope export --format sarif` can never disagree.
 */
export function renderSarif(model: ReportModel): string {
  return formatFindingsSarif(model.findings, {
    source: model.meta.source,
    generatedAt: model.meta.generatedAt,
    erscopeVersion: model.meta.erscopeVersion,
    incomplete: model.issues.length > 0,
  });
}
