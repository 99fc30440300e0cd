import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { createExplorerBackend } from '../../src/cli/explorer-backend.js';
import { openSource, type OpenedSource } from '../../src/cli/source.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { scenarioPath } from '../../src/emulator/scenarios/index.js';
import type { ExplorerBackend } from '../../src/ui/backend.js';
import { KEY, renderApp, tick } from './harness.js';

// One end-to-end check of the live path: App over the real backend (SDK → HTTPS → emulator), the emulator clock
// frozen (timeScale 0) and moved with advance(), so the contoso timeline takes cn-prod-weu-er-ams down at 60 s.
let emu: RunningEmulator | undefined;
let src: OpenedSource | undefined;
let backend: ExplorerBackend | undefined;
afterEach(async () => {
  cleanup();
  backend?.live?.monitor.stop();
  await src?.close();
  await emu?.close();
  emu = src = backend = undefined;
});

const TARGET = 'cn-prod-weu-er-ams';

/** Waits (generously) until the condition holds; the assertions after it are on content, never on elapsed time. */
async function until(cond: () => boolean, what: string, limitMs = 20_000): Promise<void> {
  for (let waited = 0; !cond(); waited += 25) {
    if (waited > limitMs) throw new Error(`never saw: ${what}`);
    await tick(25);
  }
}

describe('live status over the emulator', () => {
  it('a connection going NotConnected shows in the header badge and the events view', async () => {
    emu = await startEmulator({ scenarioFile: scenarioPath('contoso'), timeScale: 0 });
    src = await openSource({ endpoint: emu.endpoint, 'ca-cert': emu.caCertPath }, { env: {}, pollIntervalMs: 5 });
    backend = createExplorerBackend(src, {});
    expect(backend.live).toBeDefined();
    expect(backend.diagnose).toBeDefined();
    const monitor = backend.live!.monitor;
    const r = renderApp({ backend, initialView: 'connections' }, 160, 24);
    await until(() => r.frame().includes(TARGET), 'the connections view loaded');
    // A filter keeps the table (and the watched set) small, so each frame is cheap.
    await r.press('/', ...'weu-er-a', KEY.enter);

    const rows = r.frame().split('\n').slice(3);
    const index = rows.findIndex((l) => l.startsWith(TARGET + ' '));
    expect(index).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < index; i++) await r.press('j');
    const polled = () => Object.values(monitor.snapshot().resources).find((x) => x.name === TARGET);
    await until(() => polled()?.selected === true && polled()?.status === 'Connected', 'a first fast poll of the selected row');
    await until(() => /LIVE/.test(r.frame()), 'the live columns');
    const row = () => r.frame().split('\n').find((l) => l.startsWith(TARGET + ' ')) ?? '';
    // The LIVE column replaces the inventory-time STATUS column, so the row shows the status once.
    expect(row()).toMatch(/✔ Connected/);
    expect(r.frame()).not.toMatch(/\bSTATUS\b/);

    emu.advance(60);
    // Moving off the row and back re-selects it, which polls it at once (no waiting for the 3 s fast interval).
    await r.press(index > 0 ? 'k' : 'j', index > 0 ? 'j' : 'k');
    await until(() => r.frame().includes('⚠ 1 change'), 'the header badge');
    expect(r.frame()).toContain(`${TARGET} connectionStatus Connected → NotConnected`);
    expect(row()).toMatch(/✖ NotConnected/);

    await r.press(':', ...'events', KEY.enter);
    await until(() => !r.frame().includes('⚠ 1 change'), 'acknowledgement on opening the events view');
    const body = r.frame().split('\n').slice(2);
    expect(body[0]).toMatch(/^TIME\s+S RESOURCE\s+FIELD\s+CHANGE/);
    expect(body[1]).toMatch(new RegExp(`^\\d\\d:\\d\\d:\\d\\d ✖ ${TARGET}\\s+connectionStatus\\s+Connected → NotConnected`));
    expect(monitor.snapshot().unacknowledged).toBe(0);
  });
});
