import { normalizeId } from '../../arm/arm-id.js';
import type { ArmConnection } from '../../arm/clients.js';
import { applyPlan, confirmPlan, type ApplyResult } from '../../actions/apply.js';
import { formatPlanText, preflightRefused } from '../../actions/format.js';
import { kindSpec } from '../../actions/kinds/index.js';
import type { ActionPlan } from '../../actions/plan.js';
import { preflightPlan } from '../../actions/preflight.js';
import { verifyApplied } from '../../actions/verify.js';
import { createWriter } from '../../actions/writer.js';
import type { Finding } from '../../checks/types.js';
import { ErscopeError } from '../../errors.js';
import type { SourceInfo } from '../../inventory/types.js';
import { redactText } from '../../redact.js';
import type { TopologyGraph } from '../../topology/types.js';
import { EXIT } from '../exit-codes.js';
import type { CommandIO } from '../io.js';

/** Resolved inputs of `erscope create KIND` (non-interactive form; the TTY wizard is the UI's). */
export interface CreateCommandOptions {
  conn?: ArmConnection;
  graph: TopologyGraph;
  findings: Finding[];
  /** Print the plan and stop; nothing is written and no writer is built. */
  dryRun: boolean;
  /** Wizard fields from --set FIELD=VALUE. */
  values?: Record<string, string>;
  /** Must equal the plan's resource name for anything to be written. */
  confirm?: string;
  /** Accept weak IPsec and refused RBAC pre-flight rows. */
  force?: boolean;
  /** Never build a writer (session started with --read-only). */
  readOnly?: boolean;
  source?: SourceInfo;
  /** Audit-log environment (tests). */
  env?: NodeJS.ProcessEnv;
}

/** Plans a create, prints it, and (with --confirm NAME) applies, verifies and reports; returns the exit code. */
export async function runCreate(kind: string, opts: CreateCommandOptions, io: CommandIO): Promise<number> {
  const spec = kindSpec(kind);
  let plan: ActionPlan = spec.build(opts.graph, opts.values ?? {}, { ...(opts.force ? { force: true } : {}) });
  if (opts.conn) plan = await preflightPlan(opts.conn, plan);
  io.stdout.write(formatPlanText(plan));
  const related = relatedFindings(plan, opts.findings);
  if (related.length) io.stdout.write(`\nExisting findings on these resources: ${related.map((f) => `${f.ruleId} (${f.severity})`).join(', ')}\n`);
  if (opts.dryRun) {
    io.stderr.write('dry run: nothing was written\n');
    return EXIT.ok;
  }
  if (opts.confirm === undefined) {
    io.stderr.write(`not applied: review the plan, then re-run with --confirm ${plan.confirmName} (or --dry-run to only plan)\n`);
    return EXIT.usage;
  }
  const confirmation = confirmPlan(plan, opts.confirm);
  const refused = preflightRefused(plan);
  if (refused.length && !opts.force) {
    throw new ErscopeError(`RBAC pre-flight: you lack ${refused.map((r) => `${r.action} on ${r.scope}`).join(', ')}; ask for Network Contributor there (or pass --force to let ARM decide)`);
  }
  const writer = createWriter(opts.conn, { mode: opts.readOnly ? 'read-only' : 'read-write' });
  const tty = io.stderr.isTTY === true;
  const result = await applyPlan(writer, plan, confirmation, {
    source: opts.source ? `${opts.source.kind} ${opts.source.label}` : writer.conn.endpoint,
    ...(opts.env ? { env: opts.env } : {}),
    onProgress: (p) => {
      const line = `applying ${p.step}/${p.steps}: ${p.state} (${Math.round(p.elapsedMs / 100) / 10} s)`;
      io.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
    },
  });
  if (tty) io.stderr.write('\r\x1b[2K');
  return report(result, writer, opts, io);
}

async function report(result: ApplyResult, writer: ReturnType<typeof createWriter>, opts: CreateCommandOptions, io: CommandIO): Promise<number> {
  if (result.status === 'conflict') {
    io.stderr.write(`conflict: ${result.message}\n`);
    for (const c of result.changes) io.stderr.write(`  ${redactText(c)}\n`);
    return EXIT.writeFailed;
  }
  if (result.status === 'failed') {
    const after = result.code === 'OutcomeUnknown' ? 'the plan is unchanged' : 'the plan is unchanged; fix the cause and run again';
    io.stderr.write(`failed: ${result.code}: ${redactText(result.message)} (${after})\n`);
    return EXIT.writeFailed;
  }
  io.stdout.write(`\napplied: ${result.plan.title}\n`);
  if (result.reveal) io.stdout.write(`${result.reveal.label} (shown once, store it now): ${result.reveal.value}\n`);
  const v = await verifyApplied(writer, result, opts.graph);
  for (const n of v.notes) io.stdout.write(`  ✓ ${n}\n`);
  for (const p of v.problems) io.stdout.write(`  ✗ ${p}\n`);
  for (const f of v.findings) io.stdout.write(`  ! ${f.ruleId} (${f.severity}) on ${f.resourceId.split('/').pop()}: ${f.title}\n`);
  return v.ok ? EXIT.ok : EXIT.findings;
}

function relatedFindings(plan: ActionPlan, findings: Finding[]): Finding[] {
  const ids = new Set([plan.targetId, ...plan.neighbours].map(normalizeId));
  return findings.filter((f) => ids.has(normalizeId(f.resourceId || '')));
}
