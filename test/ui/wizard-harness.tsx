import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createExplorerBackend } from '../../src/cli/explorer-backend.js';
import { openSource, type OpenedSource } from '../../src/cli/source.js';
import type { FaultConfig } from '../../src/emulator/faults.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import type { ExplorerBackend } from '../../src/ui/backend.js';
import type { ViewId } from '../../src/ui/views/types.js';
import { actionsScenario } from '../actions/scenario.js';
import { KEY, renderApp, tick } from './harness.js';

// Every write is audited; keep the audit log of these tests out of the user's state directory.
process.env.ERSCOPE_STATE_DIR = mkdtempSync(join(tmpdir(), 'erscope-ui-audit-'));

/** A running write session: emulator, the real explorer backend (createExplorerBackend) and the rendered App. */
export interface WriteApp {
  emu: RunningEmulator;
  src: OpenedSource;
  backend: ExplorerBackend;
  r: ReturnType<typeof renderApp>;
  /** Presses keys, then waits until the frame satisfies `pred` (throws with the frame when it never does). */
  press(...keys: string[]): Promise<void>;
  until(pred: string | RegExp | ((frame: string) => boolean), what?: string): Promise<string>;
  close(): Promise<void>;
}

/** Options for one session: CLI flags (--write, --dry-run), emulator faults and the LRO poll interval. */
export interface WriteAppOptions {
  write?: boolean;
  dryRun?: boolean;
  faults?: FaultConfig;
  pollIntervalMs?: number;
  view?: ViewId;
  width?: number;
  height?: number;
  /** Open this kind's wizard once loaded, as `erscope create KIND` does on a terminal. */
  startCreate?: string;
}

/** Starts the emulator with the actions scenario and the explorer over it; resolves once the first load is on screen. */
export async function startWriteApp(o: WriteAppOptions = {}): Promise<WriteApp> {
  const emu = await startEmulator({ scenario: actionsScenario(), timeScale: 0, ...(o.faults ? { faults: o.faults } : {}) });
  const src = await openSource({ endpoint: emu.endpoint, 'ca-cert': emu.caCertPath }, { pollIntervalMs: o.pollIntervalMs ?? 5 });
  const backend = createExplorerBackend(src, { ...(o.write ? { write: true } : {}), ...(o.dryRun ? { 'dry-run': true } : {}) });
  const r = renderApp({ backend, initialView: o.view ?? 'circuits', ...(o.startCreate ? { startCreate: o.startCreate } : {}) }, o.width ?? 120, o.height ?? 40);
  const until = async (pred: string | RegExp | ((f: string) => boolean), what?: string): Promise<string> => {
    const test = typeof pred === 'function' ? pred : (f: string) => (typeof pred === 'string' ? f.includes(pred) : pred.test(f));
    for (let i = 0; i < 750; i++) {
      const f = r.frame();
      if (test(f)) return f;
      await tick(20);
    }
    throw new Error(`waited for ${what ?? String(pred)}; last frame:\n${r.frame()}`);
  };
  await until('er-ams', 'the first load');
  return {
    emu, src, backend, r, until,
    press: (...keys) => r.press(...keys),
    close: async () => {
      // Let a background refresh finish first: unmounting aborts it mid-flight, which is not what these tests are about.
      await until((f) => !/[█░]/.test(f), 'the background refresh to end').catch(() => undefined);
      backend.live?.monitor.stop();
      r.unmount();
      await src.close();
      await emu.close();
    },
  };
}

/** Filters the current table to one name and leaves the cursor on its first row. */
export async function select(app: WriteApp, view: string, name: string): Promise<void> {
  await app.press(view, '/', ...name, KEY.enter);
  await app.until((f) => f.includes(`filter: ${name}`));
}

/** The name the review asks for. */
export function confirmName(frame: string): string {
  const m = /type the resource name "([^"]+)" to apply/.exec(frame);
  if (!m) throw new Error(`no confirmation prompt on screen:\n${frame}`);
  return m[1]!;
}

/** Presses enter until the review page shows (accepting every default), at most `max` steps. */
export async function acceptDefaults(app: WriteApp, max = 20): Promise<string> {
  for (let i = 0; i < max; i++) {
    if (/Plan: /.test(app.r.frame())) break;
    await app.press(KEY.enter);
  }
  return app.until(/Plan: /, 'the review page');
}

/** Types the confirmation name and waits for the operation to finish with its verify step. */
export async function confirmAndVerify(app: WriteApp): Promise<string> {
  const name = confirmName(await app.until('type the resource name', 'the confirmation prompt'));
  await app.press(...name, KEY.enter);
  return app.until((f) => f.includes('✔ applied') && !f.includes('re-reading the resource'), 'the applied + verify page');
}

/** Ctrl-U clears a text field; ctrl-T shows/hides a secret. */
export const WKEY = { ...KEY, ctrlU: '\u0015', ctrlT: '\u0014', shiftTab: '\u001b[Z' };
