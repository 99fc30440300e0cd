import { afterEach, describe, expect, it } from 'vitest';

// Chalk decides its colour level when ink is first imported; ink-testing-library's stdout is not a terminal, so force
// colour before the UI modules load (this file runs in its own process).
process.env.FORCE_COLOR = '1';
const { cleanup } = await import('ink-testing-library');
const { makeTheme } = await import('../../src/ui/theme.js');
const { fixtureBackend } = await import('./fixture.js');
const { renderApp } = await import('./harness.js');

afterEach(() => cleanup());

const BLUE = '\u001b[34m';
const MAGENTA = '\u001b[35m';
const raw = (theme: ReturnType<typeof makeTheme>) => renderApp({ backend: fixtureBackend(), autoLoad: false, theme }, 120, 24).lastFrame() ?? '';

describe('a skin from config.yaml', () => {
  it('redraws a semantic token in the user colour (accent: magenta → blue)', () => {
    const plain = raw(makeTheme({}, undefined));
    expect(plain).toContain(MAGENTA);
    expect(plain).not.toContain(BLUE);
    const skinned = raw(makeTheme({}, undefined, { accent: { color: 'blue' }, stub: { color: 'blue' } }));
    expect(skinned).toContain(BLUE);
    expect(skinned).not.toContain(MAGENTA);
  });

  it('loses to NO_COLOR: no colour at all, only bold and inverse', () => {
    const frame = raw(makeTheme({ NO_COLOR: '1' }, undefined, { accent: { color: 'blue' }, ok: { color: 'green' } }));
    expect(frame).not.toMatch(/\u001b\[3[0-9](;|m)/);
    expect(frame).toContain('\u001b[1m'); // bold still carries meaning
  });
});
