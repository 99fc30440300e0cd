import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { expectGolden, KEY, renderApp, tick } from './harness.js';
import { fixtureBackend } from './fixture.js';

// Golden frames live in snapshots/ui/<name>.txt; create or refresh them with `UPDATE_GOLDEN=1 npm test` and review the diff.
afterEach(() => cleanup());

const VIEW_KEYS: Array<[string, string]> = [
  ['1', 'circuits'], ['2', 'peerings'], ['3', 'gateways'], ['4', 'connections'], ['5', 'hubs'], ['6', 'sites'], ['7', 'findings'], ['8', 'all'], ['9', 'resiliency'],
];

describe('golden frames', () => {
  for (const width of [80, 120]) {
    it.each(VIEW_KEYS)(`view %s (%s) at ${width} columns`, async (key, name) => {
      const r = renderApp({ backend: fixtureBackend(), autoLoad: false }, width, 24);
      await r.press(key);
      const f = r.frame();
      expect(f).toContain(name === 'sites' ? 'VPN sites' : name);
      expectGolden(`view-${name}-${width}`, f);
    });
  }

  it('detail page of a connection with a stub peer and a finding', async () => {
    const r = renderApp({ backend: fixtureBackend(), autoLoad: false }, 100, 40);
    await r.press(':', ...'conn', KEY.enter, 'j', 'j', KEY.enter);
    const f = r.frame();
    expect(f).toContain('conn-er-ghost');
    expect(f).toContain('reference-no-access');
    expect(f).toContain('(no access)');
    expectGolden('detail-conn-er-ghost-100', f);
  });

  it('path view from a VNet gateway', async () => {
    const r = renderApp({ backend: fixtureBackend(), autoLoad: false }, 80, 24);
    await r.press('3', 'p');
    expectGolden('path-gw-er-weu-80', r.frame());
  });

  it('path view from a hub', async () => {
    const r = renderApp({ backend: fixtureBackend(), autoLoad: false }, 80, 24);
    await r.press('5', 'p');
    const f = r.frame();
    expect(f).toContain('★ ER  erc-ams');
    expectGolden('path-hub-weu-80', f);
  });

  it.each([80, 120])('resiliency drill-down of the hub VNet at %i columns', async (width) => {
    const r = renderApp({ backend: fixtureBackend(), autoLoad: false }, width, 40);
    await r.press(':', ...'res', KEY.enter, '/', ...'vnet-hub', KEY.enter, KEY.enter);
    const f = r.frame();
    expect(f).toContain('Resiliency of vnet-hub-weu');
    expect(f).toContain('Single points of failure');
    expectGolden(`resiliency-vnet-hub-weu-${width}`, f);
  });

  it('help at 80x24', async () => {
    const r = renderApp({ backend: fixtureBackend(), autoLoad: false }, 80, 24);
    await r.press('?');
    expectGolden('help-80', r.frame());
  });

  it('narrow 60-column circuits view', async () => {
    const r = renderApp({ backend: fixtureBackend(), autoLoad: false }, 60, 24);
    await tick();
    expectGolden('view-circuits-60', r.frame());
  });
});
