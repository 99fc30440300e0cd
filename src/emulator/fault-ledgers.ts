import { CloudError } from './cloud-error.js';
import type { FaultRule } from './faults.js';

/**
 * token-expiry: each bearer token is good for `after` requests; later ones carrying it get ARM's 401
 * ExpiredAuthenticationToken, and a different (refreshed) token is fine again.
 */
export class TokenLedger {
  private readonly uses = new Map<string, number>();

  constructor(private readonly rule: FaultRule) {}

  /** Counts one request's token; throws the 401 once the token has been used up. */
  check(authorization: string | undefined): void {
    const token = authorization?.replace(/^Bearer\s+/i, '') ?? '';
    const n = (this.uses.get(token) ?? 0) + 1;
    this.uses.set(token, n);
    if (n <= (this.rule.after ?? 50)) return;
    const now = new Date().toISOString();
    throw new CloudError(401, 'ExpiredAuthenticationToken', `The access token expiry UTC time '${now}' is earlier than current UTC time '${now}'.`, {
      headers: {
        'www-authenticate': 'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="The access token has expired."',
      },
    });
  }
}

/**
 * throttle-subscription: ARM's per-subscription read bucket (domain.md §8.1: 250 tokens, 25 per second). Every GET
 * under a subscription takes a token and is told what is left in `x-ms-ratelimit-remaining-subscription-reads`;
 * an empty bucket answers 429 SubscriptionRequestsThrottled with Retry-After.
 */
export class ReadBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly rule: FaultRule, private readonly now: () => number = Date.now) {}

  /** Takes one read for the subscription of `pathname` (GET only); returns the header to send, or throws the 429. */
  spend(method: string, pathname: string): Record<string, string> {
    const sub = /^\/subscriptions\/([^/]+)/i.exec(pathname)?.[1]?.toLowerCase();
    if (!sub || method !== 'GET') return {};
    const size = this.rule.reads ?? 250;
    const refill = this.rule.refill ?? 25;
    const t = this.now();
    const b = this.buckets.get(sub) ?? { tokens: size, at: t };
    b.tokens = Math.min(size, b.tokens + ((t - b.at) / 1000) * refill);
    b.at = t;
    this.buckets.set(sub, b);
    if (b.tokens < 1) {
      const wait = Math.max(1, Math.ceil((1 - b.tokens) / refill));
      throw new CloudError(429, 'SubscriptionRequestsThrottled', `Number of 'read' requests for subscription '${sub}' exceeded the limit. Please try again after '${wait}' seconds.`, {
        headers: { 'retry-after': String(wait), 'x-ms-ratelimit-remaining-subscription-reads': '0' },
      });
    }
    b.tokens -= 1;
    return { 'x-ms-ratelimit-remaining-subscription-reads': String(Math.floor(b.tokens)) };
  }
}
