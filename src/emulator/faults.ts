import { ReadBuckets, TokenLedger } from './fault-ledgers.js';
import { EmulatorInputError } from './input-error.js';
/** A fault that fires on matching requests. */
export interface FaultRule {
  /**
   * `429` throttle, `5xx` (status picks the code), `403` AuthorizationFailed naming the action and scope of the request,
   * `drop` destroys the socket, `lro-fail` ends async operations Failed.
   */
  kind: '429' | '5xx' | '403' | 'drop' | 'lro-fail' | 'hang' | 'slow-body' | 'truncate' | 'malformed' | 'token-expiry' | 'throttle-subscription';
  /** HTTP status for `5xx` (default 500). */
  status?: number;
  /** Fire on every Nth matching request (1 = every one). */
  every?: number;
  /** Fire with this probability per matching request. */
  p?: number;
  /** Case-insensitive regex the request path must match. */
  path?: string;
  /** Stop after firing this many times. */
  times?: number;
  /** For 429: value of `retry-after-ms` (default 20); `retryAfterSeconds` sends `Retry-After` instead. */
  retryAfterMs?: number;
  retryAfterSeconds?: number;
  /** ARM error code: of the failed operation for lro-fail; overrides the default code of 429/5xx/403 answers. */
  code?: string;
  /** slow-body: bytes sent per second (default 20). */
  bytesPerSecond?: number;
  /** malformed: broken JSON (default), valid JSON as text/plain, or a proxy's HTML error page. */
  as?: MalformedAs;
  /** token-expiry: requests one token is good for (default 50). */
  after?: number;
  /** throttle-subscription: the read bucket's size (default 250) and refill per second (default 25), as ARM's. */
  reads?: number;
  refill?: number;
}

/** The kinds of answer `malformed` gives. */
export type MalformedAs = 'json' | 'content-type' | 'html';

/** The faults of one run: extra latency plus rules. */
export interface FaultConfig {
  latencyMs?: number;
  rules?: FaultRule[];
}

/** What to do with a request before routing it. */
export type FaultAction =
  | { kind: 'none' }
  | { kind: 'drop' }
  | { kind: 'forbidden'; code?: string }
  | { kind: 'status'; status: number; code: string; message: string; headers: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'slow-body'; bytesPerSecond: number }
  | { kind: 'truncate' }
  | { kind: 'malformed'; as: MalformedAs };

const KINDS = new Set(['429', '5xx', '403', 'drop', 'lro-fail', 'hang', 'slow-body', 'truncate', 'malformed', 'token-expiry', 'throttle-subscription']);
/** Kinds that answer a request differently (as opposed to lro-fail and the per-token / per-subscription ledgers). */
const PER_REQUEST = new Set(['429', '5xx', '403', 'drop', 'hang', 'slow-body', 'truncate', 'malformed']);

/** Syntax of --fault, shown by `erscope emulator --help`. */
export const FAULT_SYNTAX = `--fault SPEC   (repeatable)
  latency=MS                       add MS milliseconds to every response
  429[:every=N|p=0.2][,path=RE][,times=N][,retry-after-ms=MS|retry-after=S][,code=CODE]
  500|502|503[:every=N|p=P][,path=RE][,times=N][,code=CODE]      server errors
  403[:every=N|p=P][,path=RE][,times=N][,code=CODE]              AuthorizationFailed, e.g. 403:path=arpTables
  drop[:every=N|p=P][,path=RE][,times=N]              destroy the connection without a response
  lro-fail:path=RE[,code=CODE]                         matching PUT/DELETE operations end Failed
  hang[:every=N|p=P][,path=RE][,times=N]              accept the request and never answer
  slow-body[:every=N|p=P][,path=RE][,times=N][,bytes-per-s=N]   trickle the body (default 20 bytes/s)
  truncate[:every=N|p=P][,path=RE][,times=N]          send half the body, then close the connection
  malformed[:every=N|p=P][,path=RE][,times=N][,as=json|content-type|html]
                                                       broken JSON, JSON as text/plain, or a proxy's 502 HTML page
  token-expiry[:after=N]                               a token expires after N requests (401 ExpiredAuthenticationToken)
  throttle-subscription[:reads=N][,refill=R]           per-subscription read bucket (default 250, 25/s), 429 when spent
  (no every/p = every matching request; path is a case-insensitive regex on the URL path;
   code= replaces the ARM error code: TooManyRequests, InternalServerError/ServiceUnavailable, AuthorizationFailed)`;

/** Parses one --fault spec (see FAULT_SYNTAX) into a config fragment; throws Error with a one-line message when bad. */
export function parseFaultSpec(spec: string): FaultConfig {
  const latency = /^latency=(\d+)$/.exec(spec.trim());
  if (latency) return { latencyMs: Number(latency[1]) };
  const [head, rest = ''] = spec.trim().split(/:(.*)/s, 2) as [string, string?];
  const rule: FaultRule = { kind: '5xx' };
  if (KINDS.has(head) && head !== '5xx') rule.kind = head as FaultRule['kind'];
  else if (/^5\d\d$/.test(head)) rule.status = Number(head);
  else throw new EmulatorInputError(`bad --fault "${spec}": kind must be latency=MS, 429, 5xx (e.g. 503), 403, drop, lro-fail, hang, slow-body, truncate, malformed, token-expiry or throttle-subscription`);
  for (const part of rest.split(',').filter((s) => s !== '')) {
    const [k, v = ''] = part.split(/=(.*)/s, 2) as [string, string?];
    const num = Number(v);
    if (k === 'path') rule.path = validRegex(spec, v);
    else if (k === 'code') rule.code = v;
    else if (k === 'as') rule.as = malformedAs(spec, v);
    else if (!Number.isFinite(num) || v === '') throw new EmulatorInputError(`bad --fault "${spec}": ${k} needs a number`);
    else if (k === 'every') rule.every = num;
    else if (k === 'p') rule.p = num;
    else if (k === 'times') rule.times = num;
    else if (k === 'retry-after-ms') rule.retryAfterMs = num;
    else if (k === 'retry-after') rule.retryAfterSeconds = num;
    else if (k === 'bytes-per-s' && num > 0) rule.bytesPerSecond = num;
    else if (k === 'after' && Number.isInteger(num) && num >= 1) rule.after = num;
    else if (k === 'reads' && Number.isInteger(num) && num >= 1) rule.reads = num;
    else if (k === 'refill' && num > 0) rule.refill = num;
    else if (['bytes-per-s', 'after', 'reads', 'refill'].includes(k)) throw new EmulatorInputError(`bad --fault "${spec}": ${k} must be a positive number`);
    else throw new EmulatorInputError(`bad --fault "${spec}": unknown option "${k}"`);
  }
  if (rule.kind === 'lro-fail' && !rule.path) throw new EmulatorInputError(`bad --fault "${spec}": lro-fail needs path=REGEX`);
  return { rules: [rule] };
}

function validRegex(spec: string, re: string): string {
  try {
    new RegExp(re, 'i');
  } catch {
    throw new EmulatorInputError(`bad --fault "${spec}": path is not a valid regular expression`);
  }
  return re;
}

function malformedAs(spec: string, v: string): MalformedAs {
  if (v === 'json' || v === 'content-type' || v === 'html') return v;
  throw new EmulatorInputError(`bad --fault "${spec}": as must be json, content-type or html`);
}

/** Merges config fragments (later latency wins, rules add up). */
export function mergeFaults(...parts: Array<FaultConfig | undefined>): FaultConfig {
  const out: FaultConfig = { rules: [] };
  for (const p of parts) {
    if (!p) continue;
    if (p.latencyMs !== undefined) out.latencyMs = p.latencyMs;
    out.rules!.push(...(p.rules ?? []));
  }
  return out;
}

/** Decides per request which fault (if any) fires; keeps per-rule counters. */
export class FaultEngine {
  private config: FaultConfig = {};
  private seen: number[] = [];
  private fired: number[] = [];
  /** token-expiry's per-token counts, when that fault is on. */
  tokens?: TokenLedger;
  /** throttle-subscription's read buckets, when that fault is on. */
  reads?: ReadBuckets;

  constructor(config?: FaultConfig) {
    this.set(config ?? {});
  }

  /** Replaces the active faults and resets counters. */
  set(config: FaultConfig): void {
    for (const r of config.rules ?? []) if (!KINDS.has(r.kind)) throw new EmulatorInputError(`unknown fault kind "${r.kind}"`);
    this.config = config;
    this.seen = (config.rules ?? []).map(() => 0);
    this.fired = (config.rules ?? []).map(() => 0);
    const expiry = config.rules?.find((r) => r.kind === 'token-expiry');
    const throttle = config.rules?.find((r) => r.kind === 'throttle-subscription');
    this.tokens = expiry ? new TokenLedger(expiry) : undefined;
    this.reads = throttle ? new ReadBuckets(throttle) : undefined;
  }

  /** Extra milliseconds to wait before answering. */
  get latencyMs(): number {
    return this.config.latencyMs ?? 0;
  }

  /** The request-level fault for this request, counting it against matching rules. */
  decide(pathname: string): FaultAction {
    const rules = this.config.rules ?? [];
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i]!;
      if (!PER_REQUEST.has(r.kind) || !this.fires(i, r, pathname)) continue;
      if (r.kind === 'drop') return { kind: 'drop' };
      if (r.kind === 'hang' || r.kind === 'truncate') return { kind: r.kind };
      if (r.kind === 'slow-body') return { kind: 'slow-body', bytesPerSecond: r.bytesPerSecond ?? 20 };
      if (r.kind === 'malformed') return { kind: 'malformed', as: r.as ?? 'json' };
      if (r.kind === '403') return { kind: 'forbidden', ...(r.code ? { code: r.code } : {}) };
      if (r.kind === '429') {
        const headers: Record<string, string> =
          r.retryAfterSeconds !== undefined
            ? { 'retry-after': String(r.retryAfterSeconds) }
            : { 'retry-after-ms': String(r.retryAfterMs ?? 20) };
        return { kind: 'status', status: 429, code: r.code ?? 'TooManyRequests', message: 'Emulated throttling: too many requests.', headers };
      }
      const status = r.status ?? 500;
      return { kind: 'status', status, code: r.code ?? (status === 503 ? 'ServiceUnavailable' : 'InternalServerError'), message: `Emulated ${status} fault.`, headers: {} };
    }
    return { kind: 'none' };
  }

  /** The lro-fail rule matching a write path, if any. */
  lroFailure(pathname: string): { code: string; message: string } | undefined {
    const rules = this.config.rules ?? [];
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i]!;
      if (r.kind === 'lro-fail' && this.fires(i, r, pathname)) {
        return { code: r.code ?? 'EmulatedOperationFailure', message: `emulated failure: ${pathname}` };
      }
    }
    return undefined;
  }

  private fires(i: number, r: FaultRule, pathname: string): boolean {
    if (r.path && !new RegExp(r.path, 'i').test(pathname)) return false;
    if (r.times !== undefined && this.fired[i]! >= r.times) return false;
    this.seen[i]! += 1;
    const hit = r.every !== undefined ? this.seen[i]! % r.every === 0 : r.p !== undefined ? Math.random() < r.p : true;
    if (hit) this.fired[i]! += 1;
    return hit;
  }
}
