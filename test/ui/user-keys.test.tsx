import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { installKeymap } from '../../src/ui/keymap.js';
import { rebindKeys } from '../../src/ui/keymap-user.js';
import { fixtureBackend } from './fixture.js';
import { KEY, renderApp } from './harness.js';

// A user's config.yaml `keys:` rebinding, installed the way main() does it, then driven through the real App.
afterEach(() => {
  cleanup();
  installKeymap();
});

function rebound(overrides: Record<string, string | string[]>, extra: object = {}) {
  installKeymap(rebindKeys(overrides));
  return renderApp({ backend: fixtureBackend(), autoLoad: false, ...extra }, 160, 40);
}

describe('rebinding keys from config.yaml', () => {
  it('shows the rebound keys in the footer and the help, and the help closes with them', async () => {
    const r = rebound({ quit: 'x', 'app.help': 'H' });
    const footer = r.frame().split('\n').at(-1)!;
    expect(footer).toContain('x quit');
    expect(footer).toContain('H help');
    expect(footer).not.toMatch(/\bq quit|\? help/);
    await r.press('?');
    expect(r.frame()).not.toContain('(esc, H or x closes'); // the old help key does nothing
    await r.press('H');
    expect(r.frame()).toContain('(esc, H or x closes; ↑/↓ scroll)');
    expect(r.frame()).toMatch(/ x {15}quit \(back on a sub-page\)/);
    expect(r.frame()).toMatch(/ H {15}help/);
    await r.press('x');
    expect(r.frame()).not.toContain('closes; ↑/↓ scroll');
  });

  it('the new key runs the command and the old one no longer does', async () => {
    let quits = 0;
    const r = rebound({ quit: 'x', 'nav.down': ['down', 'n'] }, { onQuit: () => (quits += 1) });
    await r.press('q');
    expect(quits).toBe(0);
    await r.press('j'); // no longer "down": the selection stays on the first circuit
    await r.press(KEY.enter);
    expect(r.frame()).toContain('circuits › er-ams-1');
    await r.press(KEY.esc, 'n', KEY.enter);
    expect(r.frame()).toMatch(/circuits › er-(?!ams-1)/);
    await r.press(KEY.esc, 'x');
    expect(quits).toBe(1);
  });

});
