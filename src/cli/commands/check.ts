import { runChecks } from '../../checks/engine.js';
import { formatFindingsJson } from '../../checks/format-json.js';
import { formatFindingsSarif } from '../../checks/format-sarif.js';
import { formatFindingsText, summaryLine } from '../../checks/format-text.js';
import { checkExitCode, type CheckMeta } from '../../checks/summary.js';
import type { Suppression } from '../../checks/suppress.js';
import type { Finding, Severity } from '../../checks/types.js';
import type { PermissionEntry, SourceInfo } from '../../inventory/types.js';
import type { TopologyGraph } from '../../topology/types.js';
import { ERSCOPE_VERSION } from '../../version.js';
import type { CommandIO } from '../io.js';
import { writeOutput } from '../output.js';

/** Options for `erscope check` once flags and source are resolved. */
export interface CheckCommandOptions {
  graph: TopologyGraph;
  permissions?: PermissionEntry[];
  /** Findings already computed by the loader; when absent the catalog runs here with ruleIds/suppressions. */
  findings?: Finding[];
  format: 'text' | 'json' | 'sarif';
  failOn: Severity | 'none';
  ruleIds?: string[];
  suppressions?: Suppression[];
  incomplete: boolean;
  out?: string;
  source: SourceInfo;
  /** Report timestamp (tests pin it). */
  now?: Date;
}

/** Renders findings in the chosen format. */
export function renderFindings(findings: readonly Finding[], format: CheckCommandOptions['format'], meta: CheckMeta): string {
  if (format === 'json') return formatFindingsJson(findings, meta);
  if (format === 'sarif') return formatFindingsSarif(findings, meta);
  return formatFindingsText(findings, meta);
}

/** Runs (or takes) the findings, writes them to stdout or --out, and returns 0 / 1 (at or above --fail-on) / 3 (incomplete). */
export async function runCheck(opts: CheckCommandOptions, io: CommandIO): Promise<number> {
  const findings =
    opts.findings ??
    runChecks(
      { graph: opts.graph, ...(opts.permissions ? { permissions: opts.permissions } : {}) },
      { ...(opts.ruleIds?.length ? { ruleIds: opts.ruleIds } : {}), ...(opts.suppressions ? { suppressions: opts.suppressions } : {}) },
    );
  const meta: CheckMeta = { source: opts.source, generatedAt: (opts.now ?? new Date()).toISOString(), erscopeVersion: ERSCOPE_VERSION, incomplete: opts.incomplete };
  await writeOutput(renderFindings(findings, opts.format, meta), opts.out, io);
  if (opts.out) io.stderr.write(`wrote ${opts.format} report to ${opts.out}: ${summaryLine(findings, meta)}\n`);
  return checkExitCode(findings, opts.failOn, opts.incomplete);
}
