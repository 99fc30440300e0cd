import { AsyncLocalStorage } from 'node:async_hooks';
import { RestError, type PipelinePolicy, type PipelineRequest } from '@azure/core-rest-pipeline';

type AbortSignalLike = NonNullable<PipelineRequest['abortSignal']>;

/** Default seconds one try of one request may take, headers and body (README: `--timeout`). */
export const DEFAULT_REQUEST_TIMEOUT_S = 30;
/** Default seconds one command (or one explorer refresh) may take in all (README: `--deadline`). */
export const DEFAULT_DEADLINE_S = 300;

/** Error code of a try that got no (complete) answer in time; the SDK's retry policy retries it like a dropped socket. */
export const TIMEOUT_CODE = 'ETIMEDOUT';
/** Error code of a request stopped by the command's overall deadline; never retried. */
export const DEADLINE_CODE = 'DeadlineExceeded';

interface Deadline {
  signal: AbortSignal;
  seconds: number;
}

const store = new AsyncLocalStorage<Deadline>();

/**
 * Runs `fn` under an overall deadline: every ARM request started inside it (however deep, whichever client) stops
 * when the deadline passes, retries and their waits included, and fails with DeadlineExceeded, which the inventory
 * turns into an issue on its scope. Async context carries it, so concurrent work (an explorer refresh beside a write)
 * each keeps its own.
 */
export function runWithDeadline<T>(seconds: number, fn: () => Promise<T>): Promise<T> {
  const signal = AbortSignal.timeout(Math.max(1, Math.round(seconds * 1000)));
  return store.run({ signal, seconds }, fn);
}

/** The deadline in force here, if any. */
export function currentDeadline(): Deadline | undefined {
  return store.getStore();
}

function deadlineError(d: Deadline): RestError {
  return new RestError(`stopped at the ${formatSeconds(d.seconds)} deadline (--deadline) before ARM answered`, { code: DEADLINE_CODE });
}

/**
 * perCall policy (outside the retries): hands the request a signal that also fires at the deadline, so a retry's wait
 * stops too, and names the deadline in the error instead of a bare AbortError.
 */
export function deadlinePolicy(): PipelinePolicy {
  return {
    name: 'erscopeDeadline',
    sendRequest: async (req, next) => {
      const d = currentDeadline();
      if (!d) return next(req);
      if (d.signal.aborted) throw deadlineError(d);
      const outer = req.abortSignal;
      req.abortSignal = either(outer, d.signal);
      try {
        return await next(req);
      } catch (e) {
        if (d.signal.aborted && !outer?.aborted) throw deadlineError(d);
        throw e;
      } finally {
        req.abortSignal = outer;
      }
    },
  };
}

/**
 * perRetry policy: one try gets `ms` for its whole answer (the SDK's own `timeout` stops counting at the headers, so
 * a body that trickles would hang). A try past its time fails with ETIMEDOUT, which the SDK's retry policy retries.
 */
export function requestTimeoutPolicy(ms: number): PipelinePolicy {
  return {
    name: 'erscopeRequestTimeout',
    sendRequest: async (req, next) => {
      const outer = req.abortSignal;
      const timer = new AbortController();
      const t = setTimeout(() => timer.abort(), ms);
      req.abortSignal = either(outer, timer.signal);
      try {
        return await next(req);
      } catch (e) {
        if (timer.signal.aborted && !outer?.aborted) {
          throw new RestError(`no complete answer within ${formatSeconds(ms / 1000)} (--timeout)`, { code: TIMEOUT_CODE, request: req });
        }
        // A body cut off by a closed connection is a network failure like a reset, and retried like one (the SDK
        // reports it as a parse error, which it would not retry).
        const err = e as { code?: string; message?: string };
        if (err.code === 'PARSE_ERROR' && /aborted|premature close|ECONNRESET/i.test(err.message ?? '')) {
          throw new RestError('the connection closed before the whole answer arrived', { code: 'ECONNRESET', request: req });
        }
        throw e;
      } finally {
        clearTimeout(t);
        req.abortSignal = outer;
      }
    },
  };
}

/** A signal that fires when either does (the SDK's signal may be any AbortSignalLike, which AbortSignal.any refuses). */
export function either(outer: AbortSignalLike | undefined, own: AbortSignal): AbortSignal {
  if (!outer) return own;
  if (outer instanceof AbortSignal) return AbortSignal.any([outer, own]);
  const both = new AbortController();
  if (outer.aborted) both.abort();
  outer.addEventListener('abort', () => both.abort(), { once: true });
  own.addEventListener('abort', () => both.abort(), { once: true });
  return both.signal;
}

/** "30 s", "1.5 s". */
export function formatSeconds(s: number): string {
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
