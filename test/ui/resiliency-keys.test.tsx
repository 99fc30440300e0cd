import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEY, renderApp } from './harness.js';
import { fixtureBackend } from './fixture.js';

afterEach(() => cleanup());
const app = (w = 120, h = 40) => renderApp({ backend: fixtureBackend(), autoLoad: false }, w, h);
const bodyOf = (f: string) => f.split('\n').slice(2, -2).join('\n');

describe(':resiliency view', () => {
  it('opens with 9, :resiliency, :res and :spof, weakest first', async () => {
    for (const keys of [['9'], [':', ...'resiliency', KEY.enter], [':', ...'res', KEY.enter], [':', ...'spof', KEY.enter]]) {
      const r = app();
      await r.press(...keys);
      const rows = bodyOf(r.frame()).split('\n').filter((l) => /^ *\d+ [✔!✖] /.test(l));
      expect(rows.map((l) => l.trim().split(/\s+/)[2])).toEqual(['hub-sea', 'hub-weu', 'vnet-hub-weu']);
      cleanup();
    }
  });

  it('enter drills into the reasons, p opens the paths of the same VNet, esc walks back', async () => {
    const r = app();
    await r.press('9', 'G', KEY.enter);
    expect(r.frame()).toContain('resiliency › resiliency vnet-hub-weu');
    expect(r.frame()).toContain('site      40/40  maximum resiliency: 2 circuits in 2 distinct peering locations');
    expect(r.frame()).toContain('✖ er-partner  ◌ no access  down: connection NotConnected');
    await r.press('p');
    expect(r.frame()).toContain('Paths serving vnet-hub-weu');
    await r.press(KEY.esc);
    expect(r.frame()).toContain('Resiliency of vnet-hub-weu');
    await r.press(KEY.esc);
    expect(r.frame()).toMatch(/resiliency {2}3\/3/);
  });

  it('enter on a circuit line of the drill-down opens that circuit', async () => {
    const r = app();
    await r.press('9', 'G', KEY.enter);
    const lines = r.frame().split('\n');
    const at = lines.findIndex((l) => l.includes('✔ er-fra-1  Frankfurt'));
    const first = lines.findIndex((l) => l.startsWith('Resiliency of'));
    expect(at).toBeGreaterThan(first);
    for (let i = first; i < at; i++) await r.press('j');
    await r.press(KEY.enter);
    expect(r.frame()).toContain('› er-fra-1');
  });

  it('names the single points of failure of a one-circuit hub, and sorts by score', async () => {
    const r = app();
    await r.press('9', 'j', KEY.enter);
    const f = r.frame();
    expect(f).toContain('Resiliency of hub-weu');
    expect(f).toContain('✖ one circuit: er-ams-1');
    expect(f).toContain('✖ one peering location: Amsterdam');
    await r.press(KEY.esc, 'S');
    const rows = bodyOf(r.frame()).split('\n').filter((l) => /^ *\d+ [✔!✖] /.test(l));
    expect(rows[0]).toContain('vnet-hub-weu');
  });
});
