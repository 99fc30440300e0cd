/** Token-bucket settings per subscription; defaults stay far inside ARM's 250-read burst / 25 per s refill. */
export interface BudgetOptions {
  /** Bucket size (burst). Default 50. */
  capacity?: number;
  /** Tokens added per second. Default 5. */
  refillPerSecond?: number;
  /** Clock in ms; injectable so tests never sleep. */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  /** No request may start before this instant (429 back-off). */
  blockedUntil: number;
  spent: number;
}

/** Per-subscription read budget: every real HTTP request costs one token, and a 429 blocks the subscription until Retry-After. */
export class RequestBudget {
  readonly capacity: number;
  readonly refillPerSecond: number;
  private readonly now: () => number;
  private readonly buckets = new Map<string, Bucket>();

  constructor(opts: BudgetOptions = {}) {
    this.capacity = opts.capacity ?? 50;
    this.refillPerSecond = opts.refillPerSecond ?? 5;
    this.now = opts.now ?? Date.now;
    if (!(this.capacity >= 1) || !(this.refillPerSecond > 0)) throw new Error('budget capacity must be ≥ 1 and refill > 0');
  }

  private bucket(sub: string): Bucket {
    const key = sub.toLowerCase();
    let b = this.buckets.get(key);
    const t = this.now();
    if (!b) {
      b = { tokens: this.capacity, updatedAt: t, blockedUntil: 0, spent: 0 };
      this.buckets.set(key, b);
    } else if (t > b.updatedAt) {
      b.tokens = Math.min(this.capacity, b.tokens + ((t - b.updatedAt) / 1000) * this.refillPerSecond);
      b.updatedAt = t;
    }
    return b;
  }

  /** Takes n tokens if all are available and the subscription is not backing off; false means skip or wait. */
  tryTake(sub: string, n = 1): boolean {
    const b = this.bucket(sub);
    if (this.now() < b.blockedUntil || b.tokens < n) return false;
    b.tokens -= n;
    b.spent += n;
    return true;
  }

  /** Charges requests that already happened (SDK retries, LRO polls); the bucket may go negative so later polls wait longer. */
  charge(sub: string, n: number): void {
    if (n <= 0) return;
    const b = this.bucket(sub);
    b.tokens -= n;
    b.spent += n;
  }

  /** Gives back tokens taken for requests that were never sent. */
  refund(sub: string, n: number): void {
    if (n <= 0) return;
    const b = this.bucket(sub);
    b.tokens = Math.min(this.capacity, b.tokens + n);
    b.spent -= n;
  }

  /** Blocks the subscription after a 429 for at least `ms` (never shortens an existing block). */
  backOff(sub: string, ms: number): void {
    const b = this.bucket(sub);
    b.blockedUntil = Math.max(b.blockedUntil, this.now() + Math.max(0, ms));
  }

  /** Milliseconds until n tokens are available and any back-off has passed (0 = now). */
  waitMs(sub: string, n = 1): number {
    const b = this.bucket(sub);
    const t = this.now();
    const forTokens = b.tokens >= n ? 0 : ((n - b.tokens) / this.refillPerSecond) * 1000;
    return Math.max(0, b.blockedUntil - t, forTokens);
  }

  /** Instant (ms) until which the subscription is backing off, if it is. */
  blockedUntil(sub: string): number | undefined {
    const b = this.bucket(sub);
    return b.blockedUntil > this.now() ? b.blockedUntil : undefined;
  }

  /** Tokens currently available (may be negative after charged retries). */
  available(sub: string): number {
    return this.bucket(sub).tokens;
  }

  /** Requests charged so far for a subscription. */
  spent(sub: string): number {
    return this.bucket(sub).spent;
  }
}

/** Reads how long ARM asked us to wait from a RestError-like object: `retry-after-ms`, `x-ms-retry-after-ms`, or `retry-after` seconds. */
export function retryAfterMs(err: unknown): number | undefined {
  const headers = (err as { response?: { headers?: unknown } } | undefined)?.response?.headers;
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    const h = headers as { get?: (n: string) => string | undefined } & Record<string, unknown>;
    if (typeof h.get === 'function') return h.get(name) ?? undefined;
    const v = h[name];
    return typeof v === 'string' ? v : undefined;
  };
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const v = Number(get(name));
    if (get(name) !== undefined && Number.isFinite(v) && v >= 0) return v;
  }
  const ra = get('retry-after');
  if (ra === undefined) return undefined;
  const secs = Number(ra);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const date = Date.parse(ra);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}
