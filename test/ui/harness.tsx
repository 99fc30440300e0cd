import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { expect } from 'vitest';
import { App, type AppProps } from '../../src/ui/App.js';
import { makeTheme } from '../../src/ui/theme.js';
import { NOW } from './fixture.js';

const SNAP_DIR = join(import.meta.dirname, '..', '..', 'snapshots', 'ui');

/** Removes ANSI escapes (SGR and OSC) so frames compare as plain text. */
export function stripAnsi(s: string): string {
  return s.replace(/\u001b\][^\u0007]*\u0007/g, '').replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}

/** Lets ink read stdin, run effects and write the next frame. */
export async function tick(ms = 20): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/**
 * Renders the App through ink-testing-library on a fake terminal of `columns`×`rows`. The library's fake stdout
 * reports 100 columns from a getter; we shadow it on the instance before the real tree mounts.
 */
export function renderApp(props: AppProps, columns = 80, rows = 24) {
  const r = render(<></>);
  Object.defineProperty(r.stdout, 'columns', { value: columns, configurable: true, writable: true });
  Object.defineProperty(r.stdout, 'rows', { value: rows, configurable: true, writable: true });
  r.rerender(<App now={NOW} theme={makeTheme({ NO_COLOR: '1' })} {...props} />);
  const frame = () => stripAnsi(r.lastFrame() ?? '');
  const press = async (...keys: string[]) => {
    // useInput attaches ink's stdin listener in a passive effect; a key written before that would be lost.
    for (let i = 0; i < 200 && r.stdin.listenerCount('readable') === 0; i++) await tick(5);
    for (const k of keys) {
      r.stdin.write(k);
      await tick();
    }
  };
  const resize = async (c: number, h = rows) => {
    (r.stdout as unknown as { columns: number }).columns = c;
    (r.stdout as unknown as { rows: number }).rows = h;
    r.stdout.emit('resize');
    await tick();
  };
  return { ...r, frame, press, resize };
}

/** Key sequences as a terminal sends them. */
export const KEY = { enter: '\r', esc: '\u001b', tab: '\t', down: '\u001b[B', up: '\u001b[A', ctrlC: '\u0003', backspace: '\u007f' };

/**
 * Golden frame check: compares a frame (ANSI stripped, line ends trimmed) with snapshots/ui/<name>.txt.
 * A missing golden is written only when UPDATE_GOLDEN is set (`UPDATE_GOLDEN=1 npm test`); otherwise the test fails.
 */
export function expectGolden(name: string, frame: string): void {
  const text = frame.split('\n').map((l) => l.trimEnd()).join('\n') + '\n';
  const file = join(SNAP_DIR, `${name}.txt`);
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(SNAP_DIR, { recursive: true });
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
    return;
  }
  if (!existsSync(file)) throw new Error(`missing golden ${file}: run UPDATE_GOLDEN=1 npm test to create it, then review it`);
  expect(text).toBe(readFileSync(file, 'utf8'));
}
