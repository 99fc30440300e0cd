import { ErscopeError } from '../../errors.js';
import { isReportFormat, REPORT_FORMATS, renderReportDetailed } from '../../report/index.js';
import { writeFileAtomic } from '../../atomic-write.js';
import type { ReportInput } from '../../report/model.js';
import { EXIT } from '../exit-codes.js';
import type { CommandIO } from '../io.js';

/** Options for `erscope export` after argv and the source are resolved by the CLI: the report input plus the format and target. */
export interface ExportCommandOptions extends Omit<ReportInput, 'collapseAt'> {
  /** One of REPORT_FORMATS; anything else is a usage error (exit 2). */
  format: string;
  /** File to write atomically; stdout when absent. */
  out?: string;
}

/** Writes one report; exit 0 on success, 2 on an unknown format, unknown --focus or unwritable --out. */
export async function runExport(opts: ExportCommandOptions, io: CommandIO): Promise<number> {
  const { format } = opts;
  if (!isReportFormat(format)) {
    io.stderr.write(`erscope export: unknown format "${format.replace(/[^\x20-\x7e]/g, '?')}"; use --format ${REPORT_FORMATS.join('|')}\n`);
    return EXIT.usage;
  }
  try {
    const rendered = await renderReportDetailed(format, {
      graph: opts.graph,
      findings: opts.findings,
      inventoryIssues: opts.inventoryIssues,
      source: opts.source,
      subscriptions: opts.subscriptions,
      ...(opts.permissions ? { permissions: opts.permissions } : {}),
      ...(opts.forbiddenScopes ? { forbiddenScopes: opts.forbiddenScopes } : {}),
      ...(opts.focus !== undefined ? { focus: opts.focus } : {}),
      ...(opts.depth !== undefined ? { depth: opts.depth } : {}),
      ...(opts.nodeIds ? { nodeIds: opts.nodeIds } : {}),
      ...(opts.generatedAt ? { generatedAt: opts.generatedAt } : {}),
    });
    if (opts.out === undefined) io.stdout.write(rendered.text);
    else {
      await writeFileAtomic(opts.out, rendered.text);
      const { summary } = rendered.model;
      const shown = rendered.diagram.collapsed ? `, diagram collapsed to ${rendered.diagram.nodes.length} groups` : '';
      io.stderr.write(`wrote ${format} report to ${opts.out}: ${summary.nodeCount} resources, ${rendered.model.findings.length} findings${shown}\n`);
    }
    return EXIT.ok;
  } catch (err) {
    if (err instanceof ErscopeError) {
      io.stderr.write(`erscope export: ${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  }
}
