import { describe, expect, it } from 'vitest';
import { RequestBudget, retryAfterMs } from '../../src/status/budget.js';

function clock() {
  let t = 1_000_000;
  return { now: () => t, tick: (ms: number) => (t += ms) };
}

describe('RequestBudget', () => {
  it('allows a burst of `capacity` then refills at the rate', () => {
    const c = clock();
    const b = new RequestBudget({ capacity: 3, refillPerSecond: 2, now: c.now });
    expect([b.tryTake('S'), b.tryTake('s'), b.tryTake('S'), b.tryTake('S')]).toEqual([true, true, true, false]);
    expect(b.waitMs('S')).toBe(500);
    c.tick(500);
    expect(b.tryTake('S')).toBe(true);
    expect(b.tryTake('S')).toBe(false);
    expect(b.tryTake('other')).toBe(true);
  });
  it('lets charged retries push the bucket into debt', () => {
    const c = clock();
    const b = new RequestBudget({ capacity: 2, refillPerSecond: 1, now: c.now });
    b.charge('s', 4);
    expect(b.available('s')).toBe(-2);
    expect(b.waitMs('s')).toBe(3000);
    expect(b.spent('s')).toBe(4);
  });
  it('blocks a subscription during back-off and never shortens it', () => {
    const c = clock();
    const b = new RequestBudget({ now: c.now });
    b.backOff('s', 1000);
    b.backOff('s', 10);
    expect(b.tryTake('s')).toBe(false);
    expect(b.waitMs('s')).toBe(1000);
    c.tick(1000);
    expect(b.tryTake('s')).toBe(true);
  });
});

describe('retryAfterMs', () => {
  const withHeaders = (h: Record<string, string>) => ({ response: { headers: { get: (n: string) => h[n] } } });
  it('prefers retry-after-ms, then retry-after seconds', () => {
    expect(retryAfterMs(withHeaders({ 'retry-after-ms': '50', 'retry-after': '9' }))).toBe(50);
    expect(retryAfterMs(withHeaders({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(withHeaders({}))).toBeUndefined();
    expect(retryAfterMs(new Error('x'))).toBeUndefined();
  });
});
