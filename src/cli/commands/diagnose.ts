import type { ArmConnection } from '../../arm/clients.js';
import type { Finding } from '../../checks/types.js';
import { diagnose } from '../../diagnose/diagnose.js';
import { formatDiagnosisJson, formatDiagnosisText } from '../../diagnose/format.js';
import { findDiagnosable } from '../../diagnose/target.js';
import { diagnosisExitCode } from '../../diagnose/types.js';
import { ErscopeError } from '../../errors.js';
import { redactText } from '../../redact.js';
import type { TopologyGraph } from '../../topology/types.js';
import type { CommandIO } from '../io.js';

/** Inputs of `erscope diagnose` once the CLI has chosen a source and built the graph. */
export interface DiagnoseCommandOptions {
  /** Live connection (Azure or emulator); a snapshot source has none, and diagnosis then refuses with one line. */
  conn: ArmConnection | undefined;
  graph: TopologyGraph;
  findings: Finding[];
  /** Resource id (any case) or a unique name. */
  resourceId: string;
  format: 'text' | 'json';
  signal?: AbortSignal;
  /** Traffic sample window (default 2000 ms). */
  sampleWindowMs?: number;
}

/**
 * Runs the guided diagnosis and prints it. Exit codes: 0 every step passed (warnings allowed), 1 a step failed,
 * 2 bad input (unknown resource, unsupported type, no live source), 3 a step could not run and none failed.
 */
export async function runDiagnose(opts: DiagnoseCommandOptions, io: CommandIO): Promise<number> {
  let type: string;
  try {
    type = findDiagnosable(opts.graph, opts.resourceId).type;
    if (!opts.conn) throw new ErscopeError('diagnose needs live data (ARP, BGP, counters): use Azure, --demo or --endpoint instead of --snapshot');
  } catch (e) {
    if (e instanceof ErscopeError) {
      io.stderr.write(`erscope diagnose: ${redactText(e.message)}\n`);
      return e.exitCode;
    }
    throw e;
  }
  const showProgress = opts.format === 'text' && io.stderr.isTTY === true;
  const d = await diagnose(opts.conn, opts.graph, opts.resourceId, {
    findings: opts.findings,
    signal: opts.signal,
    sampleWindowMs: opts.sampleWindowMs,
    onProgress: showProgress ? (_id, msg) => void io.stderr.write(`  … ${msg}\n`) : undefined,
  });
  io.stdout.write(opts.format === 'json' ? formatDiagnosisJson(d) : formatDiagnosisText(d, type));
  return diagnosisExitCode(d);
}
