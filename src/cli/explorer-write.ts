import { confirmPlan, replan, startApply } from '../actions/apply.js';
import { preflightPlan } from '../actions/preflight.js';
import { OperationTracker } from '../actions/tracker.js';
import { verifyApplied } from '../actions/verify.js';
import { createWriter, type Writer } from '../actions/writer.js';
import { ErscopeError } from '../errors.js';
import type { WriteBackend } from '../ui/wizard/types.js';
import type { FlagValues } from './flags.js';
import type { OpenedSource } from './source.js';

/** Test knobs: the audit-log environment and a tracker to inspect. */
export interface ExplorerWriteOptions {
  env?: NodeJS.ProcessEnv;
  tracker?: OperationTracker;
}

/**
 * The explorer's write half over an opened source. The writer is built lazily — when the user switches to write mode
 * (or the first apply in a --write session) — so a read-only session never constructs one; --dry-run never does.
 */
export function createExplorerWrites(src: OpenedSource, values: FlagValues, opts: ExplorerWriteOptions = {}): WriteBackend {
  const dryRun = values['dry-run'] === true;
  const readOnly = values['read-only'] === true;
  const tracker = opts.tracker ?? new OperationTracker();
  let writer: Writer | undefined;
  const ensure = (): Writer => (writer ??= createWriter(src.conn, { mode: readOnly ? 'read-only' : 'read-write' }));
  const reader = (): Pick<Writer, 'read'> => {
    if (writer) return writer;
    if (!src.conn) throw new ErscopeError('writes need a live source (Azure or the emulator); a snapshot cannot be changed');
    return ensure();
  };
  return {
    dryRun,
    tracker,
    enable: () => {
      if (readOnly) throw new ErscopeError('this session was started with --read-only: restart without it to enable writes');
      if (!dryRun) ensure();
    },
    writerReady: () => writer !== undefined,
    preflight: async (plan) => (src.conn ? preflightPlan(src.conn, plan) : plan),
    start: (plan, typedName) => {
      if (dryRun) throw new ErscopeError('dry run: nothing will be sent (restart without --dry-run to apply)');
      const confirmation = confirmPlan(plan, typedName);
      return startApply(ensure(), plan, confirmation, {
        tracker,
        source: `${src.info.kind} ${src.info.label}`,
        ...(opts.env ? { env: opts.env } : {}),
      });
    },
    replan: async (plan, previous) => replan(reader(), plan, previous),
    verify: async (result, graph) => verifyApplied(reader(), result, graph),
  };
}
