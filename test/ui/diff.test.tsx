import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { expectGolden, KEY, renderApp, tick } from './harness.js';
import { diffBackend } from './diff-fixture.js';
import { fixtureBackend } from './fixture.js';

afterEach(() => cleanup());
const app = (initial: boolean, w = 120, h = 30) => renderApp({ backend: diffBackend({ initial }), autoLoad: false }, w, h);

describe('explorer diff against a saved snapshot', () => {
  for (const width of [80, 120]) {
    it(`:diff lists removed, changed and added resources at ${width} columns`, async () => {
      const r = app(true, width, 24);
      await r.press(':', ...'diff', KEY.enter);
      const f = r.frame();
      expect(f).toMatch(/- removed +conn-er-old/);
      expect(f).toMatch(/~ changed +conn-er-fra/);
      expect(f).toMatch(/~ changed +er-sin-1/);
      expect(f).toMatch(/\+ added +hub-sea/);
      expect(f).not.toContain('auth-1'); // the secret differs, but both sides are redacted: no change
      expectGolden(`diff-${width}`, f);
    });

    it(`enter shows each changed property, old → new, at ${width} columns`, async () => {
      const r = app(true, width, 30);
      await r.press(':', ...'changes', KEY.enter, '/', ...'conn-er-fra', KEY.enter, KEY.enter);
      const f = r.frame();
      expect(f).toContain('Changes to conn-er-fra');
      expect(f).toContain('since yesterday.json (taken 2023-11-13 09:30:00Z)');
      expect(f).toContain('properties.routingWeight');
      expect(f).toMatch(/- 10\n/);
      expect(f).toMatch(/\+ 0\n/);
      expect(f).toContain('properties.peer.id');
      expect(f).not.toContain('ingressBytesTransferred');
      expectGolden(`diff-conn-er-fra-${width}`, f);
    });
  }

  it('the normal tables mark changed and added rows; esc walks back from the drill-down', async () => {
    const r = app(true);
    await r.press('4');
    expect(r.frame()).toMatch(/~ conn-er-fra/);
    expect(r.frame()).toMatch(/ {2}conn-er-ams/);
    await r.press('5');
    expect(r.frame()).toMatch(/\+ hub-sea/);
    await r.press(':', ...'diff', KEY.enter, KEY.enter);
    expect(r.frame()).toContain('Changes to conn-er-old');
    expect(r.frame()).toContain('- removed: in the snapshot, not read now');
    await r.press(KEY.esc);
    expect(r.frame()).toMatch(/diff {2}1\/4/);
  });

  it('a snapshot with nothing changed says so, naming the file and when it was taken', async () => {
    const b = fixtureBackend();
    const data = b.initial!;
    const same = { file: 'now.json', generatedAt: '2023-11-14T22:00:00.000Z', diff: { added: [], removed: [], changed: [] } };
    const r = renderApp({ backend: { ...b, initial: { ...data, baseline: same } }, autoLoad: false }, 120, 24);
    await r.press(':', ...'diff', KEY.enter);
    expect(r.frame()).toContain('no changes since now.json (taken 2023-11-14 22:00:00Z)');
    expect(r.frame()).not.toContain('no resources of this type');
  });

  it(':diff FILE loads a snapshot at run time; a bad file is one ✖ line and nothing changes', async () => {
    const r = app(false);
    await r.press(':', ...'diff', KEY.enter);
    expect(r.frame()).toContain('! no snapshot to compare with: type :diff FILE');
    await r.press(':', ...'diff nope.json', KEY.enter);
    await tick(50);
    expect(r.frame()).toContain('✖ nope.json: cannot read snapshot (ENOENT); check the path');
    await r.press('4');
    expect(r.frame()).not.toMatch(/~ conn-er-fra/);
    await r.press(':', ...'diff yesterday.json', KEY.enter);
    await tick(50);
    expect(r.frame()).toContain('✔ compared with yesterday.json: 1 added, 1 removed, 2 changed');
    expect(r.frame()).toMatch(/~ changed +conn-er-fra/);
  });

  it('without a core that can compare, :diff FILE says so', async () => {
    const r = renderApp({ backend: fixtureBackend(), autoLoad: false }, 100, 24);
    await r.press(':', ...'diff x.json', KEY.enter);
    await tick(50);
    expect(r.frame()).toContain('✖ comparing with a snapshot is not available here');
  });
});
