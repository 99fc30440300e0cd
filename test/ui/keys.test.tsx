import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEY, renderApp, stripAnsi, tick } from './harness.js';
import { fixtureBackend } from './fixture.js';
import { REDACTED } from '../../src/redact.js';

afterEach(() => cleanup());
const app = (w = 100, h = 24, extra: object = {}) => renderApp({ backend: fixtureBackend(), autoLoad: false, ...extra }, w, h);
const bodyOf = (f: string) => f.split('\n').slice(2, -2).join('\n');

describe('filter', () => {
  it('narrows rows, stays across views, and esc clears it', async () => {
    const r = app();
    await r.press('/', ...'ams', KEY.enter);
    expect(r.frame()).toContain('filter: ams');
    expect(bodyOf(r.frame())).toContain('er-ams-1');
    expect(bodyOf(r.frame())).not.toContain('er-fra-1');
    await r.press('4');
    expect(bodyOf(r.frame())).toContain('conn-er-ams');
    expect(bodyOf(r.frame())).not.toContain('conn-er-fra');
    await r.press(KEY.esc);
    expect(r.frame()).not.toContain('filter:');
    expect(bodyOf(r.frame())).toContain('conn-er-fra');
  });

  it('inverts with a leading !', async () => {
    const r = app();
    await r.press('/', ...'!ams', KEY.enter);
    expect(bodyOf(r.frame())).not.toContain('er-ams-1');
    expect(bodyOf(r.frame())).toContain('er-fra-1');
  });
});

describe('navigation', () => {
  it('enter drills into a resource with breadcrumbs; esc goes back', async () => {
    const r = app();
    await r.press(KEY.enter);
    expect(r.frame()).toContain('circuits › er-ams-1');
    expect(r.frame()).toContain('Uses (2)');
    await r.press(KEY.esc);
    expect(r.frame()).toContain('circuits  1/4');
  });

  it('j/down move the cursor and the counter follows', async () => {
    const r = app();
    await r.press('j', KEY.down);
    expect(r.frame()).toContain('circuits  3/4');
    await r.press('G');
    expect(r.frame()).toContain('4/4');
  });

  it('findings: enter jumps to the resource and shows reason and fix', async () => {
    const r = app(100, 40);
    await r.press('7', 'j', KEY.enter);
    const f = r.frame();
    expect(f).toContain('findings › conn-s2s-lost');
    expect(f).toContain('reason: Its local network gateway no longer exists');
    expect(f).toContain('fix: Recreate lng-deleted');
    expect(f).toContain('(missing)');
  });

  it('s sorts by the next column and S reverses', async () => {
    const r = app();
    await r.press('s', 'S');
    expect(r.frame()).toContain('NAME▼');
    expect(bodyOf(r.frame()).indexOf('er-sin-1')).toBeLessThan(bodyOf(r.frame()).indexOf('er-ams-1'));
  });

  it('space expands a collapsed reference-tree node', async () => {
    const r = app(100, 40);
    await r.press('5', KEY.enter);
    const before = r.frame();
    expect(before).toContain('▸ ✔ erc-ams');
    const lines = before.split('\n').slice(2);
    const idx = lines.findIndex((l) => l.includes('▸ ✔ erc-ams'));
    for (let i = 0; i < idx; i++) await r.press('j');
    await r.press(' ');
    expect(r.frame()).toContain('▾ ✔ erc-ams');
    expect(r.frame().split('\n').length).toBe(before.split('\n').length);
  });
});

describe('help and command mode', () => {
  it('? shows help generated from the key table; esc closes', async () => {
    const r = app(100, 44);
    await r.press('?');
    expect(r.frame()).toContain('filter (! inverts)');
    expect(r.frame()).toContain(':connections|conn|co');
    expect(r.frame()).not.toContain('fix the selected finding');
    await r.press(KEY.esc);
    expect(r.frame()).not.toContain('filter (! inverts)');
  });

  it(': alias enter switches view, with @sub and /loc scope', async () => {
    const r = app();
    await r.press(':', ...'conn @prod-hub', KEY.enter);
    expect(r.frame()).toContain('connections @prod-hub');
    expect(bodyOf(r.frame())).toContain('erc-ams');
    expect(bodyOf(r.frame())).not.toContain('conn-er-ams');
    await r.press(':', ...'cir /germany', KEY.enter);
    expect(bodyOf(r.frame())).toContain('er-fra-1');
    expect(bodyOf(r.frame())).not.toContain('er-ams-1');
  });

  it('a pasted command or filter with its Enter in one chunk is applied, not lost', async () => {
    const r = app(120, 30);
    await r.press(':', 'connections\r');
    expect(r.frame()).toMatch(/^connections/m);
    await r.press('/', 'er-ams\r');
    expect(r.frame()).toMatch(/filter: er-ams|\/er-ams/);
    expect(r.frame()).not.toMatch(/conn-s2s-branch/);
    await r.press('j');
    expect(r.frame()).not.toMatch(/filter: er-amsj/);
  });

  it('tab completes a unique alias and lists candidates otherwise', async () => {
    const r = app();
    await r.press(':', ...'circu', KEY.tab);
    expect(r.frame()).toMatch(/^:circuits\s*$/m);
    await r.press(KEY.esc, ':', 'c', KEY.tab);
    expect(r.frame()).toContain('circuits cir connections conn co');
    await r.press(KEY.esc, ':', ...'gw @prod-s', KEY.tab);
    expect(r.frame()).toContain(':gw @prod-spokes');
  });

  it('an unknown command is a one-line error', async () => {
    const r = app();
    await r.press(':', ...'bogus', KEY.enter);
    expect(r.frame()).toContain('✖ unknown command "bogus"');
    expect(r.frame()).toContain('circuits  1/4');
  });
});

describe('quit, copy, refresh', () => {
  it('q quits at the top level but goes back on a sub-page', async () => {
    let quits = 0;
    const r = app(100, 24, { onQuit: () => (quits += 1) });
    await r.press(KEY.enter, 'q');
    expect(quits).toBe(0);
    expect(r.frame()).toContain('circuits  1/4');
    await r.press('q');
    expect(quits).toBe(1);
  });

  it(':q quits', async () => {
    let quits = 0;
    const r = app(100, 24, { onQuit: () => (quits += 1) });
    await r.press(':', 'q', KEY.enter);
    expect(quits).toBe(1);
  });

  it('ctrl-c once hints, twice quits', async () => {
    let quits = 0;
    const r = app(100, 24, { onQuit: () => (quits += 1) });
    await r.press(KEY.ctrlC);
    expect(r.frame()).toContain('press ctrl-c again to quit');
    expect(quits).toBe(0);
    await r.press(KEY.ctrlC);
    expect(quits).toBe(1);
  });

  it('y writes an OSC 52 copy of the id; Y copies redacted JSON', async () => {
    const r = app();
    await r.press('y');
    const osc = r.frames.map((f) => /\u001b\]52;c;([A-Za-z0-9+/=]+)\u0007/.exec(f)?.[1]).filter(Boolean);
    expect(Buffer.from(osc.at(-1)!, 'base64').toString()).toMatch(/\/expressRouteCircuits\/er-ams-1$/);
    expect(r.frame()).toContain('copied resource id');
    await r.press('Y');
    const all = r.frames.map((f) => /\u001b\]52;c;([A-Za-z0-9+/=]+)\u0007/.exec(f)?.[1]).filter(Boolean);
    const json = Buffer.from(all.at(-1)!, 'base64').toString();
    expect(json).toContain(REDACTED);
    expect(json).not.toContain('super-secret-key');
  });

  it.each([
    [{ reader: 'graph' as const }, 120, '↻ 12s ago via ARG'],
    [{ reader: 'arm' as const }, 120, '↻ 12s ago via ARM'],
    [{ reader: 'arm' as const, readerNote: 'Resource Graph unavailable (403: …); read through ARM lists instead' }, 120, '↻ 12s ago ⚠ via ARM (Resource Graph failed)'],
    [{ reader: 'arm' as const, readerNote: 'Resource Graph unavailable' }, 80, '↻ 12s ago ⚠ ARM'],
    [{}, 120, '↻ 12s ago │'],
  ])('the header says how the data was read: %j at %i columns', async (how, cols, expected) => {
    const base = fixtureBackend();
    const backend = { ...base, initial: { ...base.initial!, ...how } };
    const r = renderApp({ backend }, cols, 24);
    for (let i = 0; i < 20 && !r.frame().includes('er-ams-1'); i++) await tick();
    expect(r.frame().split('\n')[0]).toContain(expected);
  });

  it('a failed refresh keeps the last data, marked stale with the error', async () => {
    const backend = fixtureBackend({ fail: true, initial: false });
    const r = renderApp({ backend }, 100, 24);
    for (let i = 0; i < 20 && !r.frame().includes('er-ams-1'); i++) await tick();
    expect(r.frame()).toContain('er-ams-1');
    await r.press('r');
    for (let i = 0; i < 20 && !r.frame().includes('STALE'); i++) await tick();
    expect(r.frame()).toContain('✖ STALE');
    expect(r.frame()).toContain('refresh failed: ARM returned 503');
    expect(r.frame()).toContain('er-ams-1');
  });

  it('a load in progress shows a progress bar and does not block keys', async () => {
    let release: () => void = () => {};
    const base = fixtureBackend({ initial: false });
    const backend = { ...base, load: (onProgress: (p: { done: number; total: number; label?: string }) => void) => new Promise<never>((_res, rej) => {
      onProgress({ done: 3, total: 10, label: 'prod-spokes' });
      release = () => rej(new Error('cancelled'));
    }) };
    const r = renderApp({ backend }, 100, 24);
    await tick();
    expect(r.frame()).toContain('3/10 prod-spokes');
    await r.press('4');
    expect(r.frame()).toContain('connections');
    release();
  });
});

describe('modes and sizes', () => {
  it('write commands are unbound in read-only mode and routed to onWrite in write mode', async () => {
    const calls: string[] = [];
    const ro = app(120, 24, { onWrite: (c: string) => calls.push(c) });
    await ro.press('f');
    expect(calls).toEqual([]);
    expect(ro.frame()).not.toContain('f fix');
    cleanup();
    const rw = renderApp({ backend: fixtureBackend({ mode: 'write' }), autoLoad: false, onWrite: (c) => calls.push(c) }, 140, 24);
    await tick();
    expect(rw.frame()).toContain('WRITE');
    expect(rw.frame()).toContain('f fix');
    await rw.press('f');
    expect(calls).toEqual(['res.fix']);
  });

  it('60 columns: every view renders without overflowing', async () => {
    const r = app(60, 24);
    for (const k of ['1', '2', '3', '4', '5', '6', '7', '8', '?']) {
      await r.press(k);
      for (const line of r.frame().split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
      if (k === '?') await r.press(KEY.esc);
    }
  });

  it('resizes live on stdout resize', async () => {
    const r = app(120, 24);
    await tick();
    expect(r.frame()).toContain('PEERINGS');
    await r.resize(60);
    expect(r.frame()).not.toContain('PEERINGS');
    expect(stripAnsi(r.lastFrame() ?? '').split('\n').every((l) => [...l].length <= 60)).toBe(true);
  });
});

describe('keys that arrive in one chunk', () => {
  it('":connections⏎" typed while the app was busy switches view, then "/ams⏎" filters', async () => {
    const r = app(120, 30);
    await r.press(':connections\r');
    expect(r.frame()).toMatch(/^connections/m);
    await r.press('/ams\r');
    expect(r.frame()).toMatch(/ams/);
    expect(bodyOf(r.frame())).not.toMatch(/conn-s2s-branch/);
    await r.press('jj?');
    expect(r.frame()).toMatch(/filter/i);
  });
});
