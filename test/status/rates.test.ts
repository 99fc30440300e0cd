import { describe, expect, it } from 'vitest';
import { RingBuffer, rateBetween, statsToCounters } from '../../src/status/rates.js';

describe('rateBetween', () => {
  it('divides counter deltas by elapsed seconds', () => {
    const r = rateBetween({ at: 1000, inBytes: 100, outBytes: 1000 }, { at: 3000, inBytes: 300, outBytes: 5000 });
    expect(r).toEqual({ at: 3000, inBps: 100, outBps: 2000, reset: false });
  });
  it('treats a counter that went backwards as restarted from zero', () => {
    const r = rateBetween({ at: 0, inBytes: 9000, outBytes: 50 }, { at: 1000, inBytes: 400, outBytes: 150 });
    expect(r).toEqual({ at: 1000, inBps: 400, outBps: 100, reset: true });
  });
  it('gives no rate when no time passed', () => {
    expect(rateBetween({ at: 5, inBytes: 0, outBytes: 0 }, { at: 5, inBytes: 10, outBytes: 10 })).toBeUndefined();
  });
});

describe('RingBuffer', () => {
  it('keeps only the newest items', () => {
    const rb = new RingBuffer<number>(3);
    for (const n of [1, 2, 3, 4, 5]) rb.push(n);
    expect(rb.toArray()).toEqual([3, 4, 5]);
    expect(rb.last()).toBe(5);
    expect(rb.size).toBe(3);
  });
});

describe('statsToCounters', () => {
  it('sums primary and secondary', () => {
    expect(statsToCounters({ primarybytesIn: 1, secondarybytesIn: 2, primarybytesOut: 10, secondarybytesOut: 20 }, 7)).toEqual({ at: 7, inBytes: 3, outBytes: 30 });
  });
});
