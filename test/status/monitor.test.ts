import { afterEach, describe, expect, it } from 'vitest';
import type { ArmConnection } from '../../src/arm/clients.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { createStatusMonitor, type StatusMonitor } from '../../src/status/monitor.js';
import { sparkline } from '../../src/status/sparkline.js';
import { CIRCUIT, CONNECTION, PEERING, startStatusWorld, until } from './fixture.js';

let emu: RunningEmulator | undefined;
let conn: ArmConnection | undefined;
let mon: StatusMonitor | undefined;
afterEach(async () => {
  mon?.stop();
  await emu?.close();
  mon = emu = conn = undefined;
});

const key = (id: string) => id.toLowerCase();

describe('status monitor against the emulator timeline', () => {
  it('turns counters into rates and state changes into events', async () => {
    ({ emu, conn } = await startStatusWorld());
    let t = 1_000_000;
    const m = (mon = createStatusMonitor(conn, { now: () => t, fastMs: 5000, slowMs: 5000, tickMs: 5 }));
    const items = [
      { id: CONNECTION, type: 'Microsoft.Network/connections', name: 'cn-er' },
      { id: PEERING, type: 'Microsoft.Network/expressRouteCircuits/peerings', name: 'AzurePrivatePeering' },
      { id: CIRCUIT, type: 'Microsoft.Network/expressRouteCircuits', name: 'er-test' },
      { id: `${CIRCUIT}/authorizations/x`, type: 'Microsoft.Network/expressRouteCircuits/authorizations' },
    ];
    expect(m.watch(items, CONNECTION)).toBe(3);
    const polls = () => Object.values(m.snapshot().resources).map((r) => r.lastUpdated?.getTime());
    await until(m, () => polls().every((x) => x === 1_000_000));
    expect(m.snapshot().resources[key(CONNECTION)]).toMatchObject({ status: 'Connected', counters: { inBytes: 1000, outBytes: 2000 }, selected: true, series: { in: [] } });
    expect(m.snapshot().resources[key(CIRCUIT)]!.status).toBe('Provisioned');

    // 10 emulator seconds at 5000 B/s → 5000 B/s on the monitor's clock.
    t += 10_000;
    emu.advance(10);
    await until(m, () => polls().every((x) => x === t));
    const cn = m.snapshot().resources[key(CONNECTION)]!;
    expect([cn.inBps, cn.outBps, cn.series.in]).toEqual([5000, 5000, [5000]]);
    expect(m.events()).toEqual([]);

    t += 20_000;
    emu.advance(20);
    await until(m, () => polls().every((x) => x === t));
    const down = m.events().map((e) => [e.name, e.field, e.from, e.to, e.severity, e.recovery]);
    expect(down).toEqual(
      expect.arrayContaining([
        ['cn-er', 'connectionStatus', 'Connected', 'NotConnected', 'high', false],
        ['AzurePrivatePeering', 'state', 'Enabled', 'Disabled', 'high', false],
      ]),
    );
    expect(down).toHaveLength(2);
    expect(m.snapshot().unacknowledged).toBe(2);
    m.acknowledge();
    expect(m.snapshot().unacknowledged).toBe(0);

    t += 30_000;
    emu.advance(30);
    await until(m, () => polls().every((x) => x === t));
    const up = m.events().slice(2).map((e) => [e.field, e.to, e.severity, e.recovery]);
    expect(up).toEqual(expect.arrayContaining([['connectionStatus', 'Connected', 'info', true], ['state', 'Enabled', 'info', true]]));
    expect(m.snapshot().latestEvent?.recovery).toBe(true);
    const series = m.snapshot().resources[key(CONNECTION)]!.series.in;
    expect(series).toHaveLength(3);
    expect(sparkline(series)).toMatch(/^[▁-█]{3}$/);
  });

  it('polls nothing while idle, paused or with nothing watched', async () => {
    ({ emu, conn } = await startStatusWorld());
    let t = 0;
    const m = (mon = createStatusMonitor(conn, { now: () => t, fastMs: 1000, slowMs: 1000, tickMs: 5, idleAfterMs: 60_000 }));
    m.watch([{ id: CONNECTION, type: 'microsoft.network/connections' }], CONNECTION);
    await until(m, () => m.snapshot().resources[key(CONNECTION)]!.lastUpdated !== undefined);
    const before = m.requestCount();
    t += 60_000; // no key for a minute → idle
    await until(m, () => m.snapshot().idle);
    await new Promise((r) => setTimeout(r, 50));
    expect(m.requestCount()).toBe(before);
    m.active();
    await until(m, () => m.snapshot().resources[key(CONNECTION)]!.lastUpdated!.getTime() === t);
    expect(m.requestCount()).toBe(before + 1);
    m.pause();
    t += 5000;
    await new Promise((r) => setTimeout(r, 50));
    expect(m.requestCount()).toBe(before + 1);
    m.resume();
    m.watch([]);
    await new Promise((r) => setTimeout(r, 50));
    expect(m.requestCount()).toBe(before + 1);
    expect(m.snapshot().resources).toEqual({});
  });
});
