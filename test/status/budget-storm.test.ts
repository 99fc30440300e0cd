import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { createStatusMonitor, type StatusMonitor } from '../../src/status/monitor.js';
import { CONNECTION, EXTRA, SUB, served, startStatusWorld, until } from './fixture.js';

let emu: RunningEmulator | undefined;
let mon: StatusMonitor | undefined;
afterEach(async () => {
  mon?.stop();
  await emu?.close();
  mon = emu = undefined;
});

const items = [CONNECTION, ...EXTRA].map((id) => ({ id, type: 'Microsoft.Network/connections' }));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the monitor for a real-time window and returns requests the emulator saw for the subscription, and the window length. */
async function window(m: StatusMonitor, ms: number): Promise<{ requests: number; seconds: number }> {
  const before = served(emu!, SUB);
  const start = performance.now();
  m.watch(items, CONNECTION);
  await wait(ms);
  m.stop();
  const seconds = (performance.now() - start) / 1000;
  await wait(30); // requests already on the wire land in the log
  return { requests: served(emu!, SUB) - before, seconds };
}

describe('request budget under a 429 storm (emulator request log)', () => {
  it('stays inside the token bucket when every request is throttled', async () => {
    let conn;
    ({ emu, conn } = await startStatusWorld(0));
    emu.setFaults({ rules: [{ kind: '429', retryAfterMs: 1 }] });
    mon = createStatusMonitor(conn, { fastMs: 1, slowMs: 1, tickMs: 2, budget: { capacity: 5, refillPerSecond: 10 } });
    const { requests, seconds } = await window(mon, 600);
    expect(requests).toBeGreaterThan(0);
    expect(requests).toBeLessThanOrEqual(5 + Math.ceil(10 * seconds));
    expect(mon.snapshot().skipped).toBeGreaterThan(0);
    expect(mon.snapshot().resources[CONNECTION.toLowerCase()]!.error).toMatch(/^429 TooManyRequests/);
  });

  it('charges the SDK’s own retries against the budget', async () => {
    let conn;
    ({ emu, conn } = await startStatusWorld(3));
    emu.setFaults({ rules: [{ kind: '429', retryAfterMs: 1 }] });
    mon = createStatusMonitor(conn, { fastMs: 1, slowMs: 1, tickMs: 2, concurrency: 1, budget: { capacity: 4, refillPerSecond: 10 } });
    const { requests, seconds } = await window(mon, 600);
    // Each poll sends 1 + 3 retries; retries are charged after the fact, so at most one poll's retries (3) run ahead.
    expect(requests).toBeGreaterThanOrEqual(4);
    expect(requests).toBeLessThanOrEqual(4 + Math.ceil(10 * seconds) + 3);
    expect(mon.requestCount()).toBe(requests);
  });

  it('backs off for Retry-After even when the budget has tokens', async () => {
    let conn;
    ({ emu, conn } = await startStatusWorld(0));
    emu.setFaults({ rules: [{ kind: '429', retryAfterMs: 250 }] });
    mon = createStatusMonitor(conn, { fastMs: 1, slowMs: 1, tickMs: 2, budget: { capacity: 1000, refillPerSecond: 1000 } });
    const m = mon;
    m.watch(items, CONNECTION);
    await until(m, () => Object.keys(m.snapshot().backoff).length > 0);
    const until429 = m.snapshot().backoff[SUB]!.getTime();
    expect(until429).toBeGreaterThan(Date.now());
    const { requests, seconds } = await window(m, 600);
    // Without back-off 3 resources at 1 ms would send hundreds; with it, one round of 3 per 250 ms window (+1 round).
    expect(requests).toBeLessThanOrEqual(3 * (Math.ceil((seconds * 1000) / 250) + 1));
  });
});
