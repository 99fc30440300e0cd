import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { expectGolden, KEY, renderApp, tick } from './harness.js';
import { fixtureBackend } from './fixture.js';
import { FakeMonitor, fixtureId, liveBackend } from './live-fake.js';

// Golden frames: snapshots/ui/live-*.txt (create with UPDATE_GOLDEN=1 and review). Event times are built from local
// clock fields so HH:MM:SS is the same in every time zone.
afterEach(() => cleanup());
const at = (h: number, m: number, s: number) => new Date(2024, 0, 2, h, m, s);
const bodyOf = (f: string) => f.split('\n').slice(2, -2).join('\n');
const header = (f: string) => f.split('\n').slice(0, 2).join('\n');

function monitorWithData(): FakeMonitor {
  const m = new FakeMonitor();
  m.setStatus(fixtureId('conn-er-ams'), { status: 'Connected', inBps: 5000, outBps: 125_000, series: { in: [1000, 2000, 4000, 8000, 5000], out: [] } });
  m.setStatus(fixtureId('conn-er-ghost'), { status: 'NotConnected', inBps: 0, outBps: 0, series: { in: [0, 0], out: [] } });
  m.setStatus(fixtureId('conn-er-fra'), { status: 'Connecting', inBps: 1_500_000, outBps: 0, series: { in: [3, 2, 1], out: [] } });
  m.addEvent({ resourceId: fixtureId('conn-er-fra'), at: at(3, 4, 5), from: 'Connected', to: 'Connecting', severity: 'low' });
  return m;
}

describe('live status columns', () => {
  it('connections gain LIVE, IN, trend and OUT columns from the monitor', async () => {
    const m = monitorWithData();
    const r = renderApp({ backend: liveBackend(m), autoLoad: false }, 140, 16);
    await r.press('4');
    const f = r.frame();
    expect(f).toMatch(/LIVE\s+IN\s+TREND\s+OUT/);
    const row = (name: string) => bodyOf(f).split('\n').find((l) => l.includes(name)) ?? '';
    expect(row('conn-er-ams')).toMatch(/✔ Connected\s+40\.0 kbps\s+▁▂▄█▅\s+1\.0 Mbps/);
    expect(row('conn-er-ghost')).toMatch(/✖ NotConnected\s+0 bps\s+▁▁/);
    // Latest event severity (low: in-between state) decides the glyph.
    expect(row('conn-er-fra')).toMatch(/! Connecting\s+12\.0 Mbps/);
    expectGolden('live-connections-140', f);
  });

  it('no live columns before the first poll answers, and narrow terminals keep the static table', async () => {
    const empty = new FakeMonitor();
    const r = renderApp({ backend: liveBackend(empty), autoLoad: false }, 120, 16);
    await r.press('4');
    expect(r.frame()).not.toContain('LIVE');
    const r2 = renderApp({ backend: liveBackend(monitorWithData()), autoLoad: false }, 60, 16);
    await r2.press('4');
    expect(r2.frame()).toMatch(/\sLIVE\s*$/m);
    expect(r2.frame()).not.toMatch(/STATUS/);
    expect(r2.frame()).toMatch(/^conn-er-ams .* ✔ Connected\s*$/m);
    expect(r2.frame()).not.toMatch(/LIVE\s+IN/);
  });

  it('watches the rows of the view, polls the selected row fast, and watches nothing elsewhere', async () => {
    const m = new FakeMonitor();
    const r = renderApp({ backend: liveBackend(m), autoLoad: false }, 120, 16);
    await r.press('4');
    const last = m.watched[m.watched.length - 1]!;
    expect(last.ids).toContain(fixtureId('conn-er-ams'));
    expect(last.ids).toContain(fixtureId('erc-ams'));
    expect(last.ids.some((id) => id.includes('vnetGateway') || id.includes('virtualNetworkGateways'))).toBe(false);
    expect(last.selected).toBe(fixtureId('conn-er-ams'));
    await r.press('j');
    expect(m.selected[m.selected.length - 1]).toBe(fixtureId('conn-er-fra'));
    expect(m.activeCalls).toBeGreaterThanOrEqual(2);
    await r.press('?');
    expect(m.watched[m.watched.length - 1]!.ids).toEqual([]);
    await r.press(KEY.esc, KEY.enter);
    expect(r.frame()).toContain('connections › conn-er-fra');
    expect(m.watched[m.watched.length - 1]!.ids).toEqual([]);
    await r.press(KEY.esc, '3');
    expect(m.watched[m.watched.length - 1]!.ids).toEqual([]);
    await r.press('1');
    expect(m.watched[m.watched.length - 1]!.ids).toEqual([fixtureId('er-ams-1'), fixtureId('er-fra-1'), fixtureId('er-sin-1')]);
  });

  it('quitting stops the monitor', async () => {
    const m = new FakeMonitor();
    const r = renderApp({ backend: liveBackend(m), autoLoad: false }, 100, 16);
    await r.press('q');
    expect(m.stopped).toBe(1);
  });
});

describe('header badge', () => {
  it('shows unacknowledged changes with the latest event, then paused and idle', async () => {
    const m = monitorWithData();
    m.addEvent({ resourceId: fixtureId('conn-er-ams'), at: at(3, 5, 0) });
    const r = renderApp({ backend: liveBackend(m), autoLoad: false }, 140, 16);
    await tick();
    expect(header(r.frame())).toContain('● live  ⚠ 2 changes  03:05:00 conn-er-ams connectionStatus Connected → NotConnected');
    m.pause();
    await tick();
    expect(header(r.frame())).toContain('‖ paused');
    m.resume();
    m.idle();
    await tick();
    expect(header(r.frame())).toContain('◌ idle');
    expectGolden('live-header-idle-140', header(r.frame()));
  });

  it('a snapshot source says offline, and its events page says why it is empty', async () => {
    const r = renderApp({ backend: fixtureBackend(), autoLoad: false }, 100, 16);
    await r.press(':', ...'events', KEY.enter);
    expect(header(r.frame())).toContain('◌ offline');
    expect(bodyOf(r.frame())).toContain('offline: a snapshot has no live status');
  });
});

describe(':events', () => {
  it('lists changes newest first and acknowledges them on opening', async () => {
    const m = monitorWithData();
    m.addEvent({ resourceId: fixtureId('conn-er-ams'), at: at(3, 5, 0) });
    m.addEvent({ resourceId: fixtureId('conn-er-ams'), at: at(3, 9, 30), from: 'NotConnected', to: 'Connected', severity: 'info', recovery: true });
    m.addEvent({ resourceId: fixtureId('AzurePrivatePeering'), name: 'AzurePrivatePeering', kind: 'peering', field: 'state', at: at(3, 10, 0), from: 'Enabled', to: 'Disabled' });
    const r = renderApp({ backend: liveBackend(m), autoLoad: false }, 100, 16);
    await tick();
    expect(header(r.frame())).toContain('⚠ 4 changes');
    await r.press(':', ...'events', KEY.enter);
    const f = r.frame();
    const rows = bodyOf(f).split('\n');
    expect(rows[0]).toMatch(/^TIME\s+S RESOURCE\s+FIELD\s+CHANGE/);
    expect(rows[1]).toMatch(/^03:10:00 ✖ er-fra-1\/AzurePrivatePeering\s+state\s+Enabled → Disabled/);
    expect(rows[2]).toMatch(/^03:09:30 ✔ conn-er-ams\s+connectionStatus\s+NotConnected → Connected/);
    expect(rows[4]).toMatch(/^03:04:05 ! conn-er-fra\s+connectionStatus\s+Connected → Connecting/);
    expect(m.ackedThrough).toBe(4);
    expect(header(f)).not.toContain('⚠');
    expectGolden('live-events-100', f);
    await r.press('j', 'j', KEY.enter);
    expect(r.frame()).toContain('events › conn-er-ams');
  });
});
