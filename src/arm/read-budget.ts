import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { sleep } from '../sleep.js';

/** ARM's documented refill of a subscription's read bucket (domain.md §8.1: 250 tokens, 25 per second). */
const REFILL_PER_SECOND = 25;
/** Below this many remaining reads a subscription's requests are paced at the refill rate (above the 8 in flight). */
const LOW_WATER = 16;

/**
 * perRetry policy honouring `x-ms-ratelimit-remaining-subscription-reads`: while a subscription's remaining reads are
 * low, its next GETs leave one refill interval apart (so the bucket is not emptied into 429s), and after a 429 none
 * leaves before its Retry-After. Other subscriptions are not slowed.
 */
export function readBudgetPolicy(refillPerSecond = REFILL_PER_SECOND): PipelinePolicy {
  const subs = new Map<string, { remaining: number; nextSlot: number; blockedUntil: number }>();
  const interval = 1000 / refillPerSecond;
  return {
    name: 'erscopeReadBudget',
    sendRequest: async (req, next) => {
      const sub = /\/subscriptions\/([^/?#]+)/i.exec(req.url)?.[1]?.toLowerCase();
      if (!sub || req.method !== 'GET') return next(req);
      const s = subs.get(sub) ?? { remaining: Infinity, nextSlot: 0, blockedUntil: 0 };
      subs.set(sub, s);
      const now = Date.now();
      let at = Math.max(now, s.blockedUntil);
      if (s.remaining < LOW_WATER) {
        at = Math.max(at, s.nextSlot);
        s.nextSlot = at + interval;
      }
      if (at > now) await sleep(at - now, req.abortSignal as AbortSignal | undefined);
      const res = await next(req);
      const left = Number(res.headers.get('x-ms-ratelimit-remaining-subscription-reads'));
      if (res.headers.has('x-ms-ratelimit-remaining-subscription-reads') && Number.isFinite(left)) s.remaining = left;
      if (res.status === 429) {
        s.remaining = 0;
        s.blockedUntil = Math.max(s.blockedUntil, Date.now() + retryAfterMs(res.headers.get('retry-after'), res.headers.get('retry-after-ms')));
      }
      return res;
    },
  };
}

function retryAfterMs(seconds: string | undefined, ms: string | undefined): number {
  const m = Number(ms);
  if (ms !== undefined && Number.isFinite(m)) return m;
  const s = Number(seconds);
  return seconds !== undefined && Number.isFinite(s) ? s * 1000 : 1000;
}
