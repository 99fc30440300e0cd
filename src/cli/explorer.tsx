import { EXIT } from './exit-codes.js';
import { str, type FlagValues } from './flags.js';
import type { CommandIO } from './io.js';
import { chooseSource, openSource, sourcePreview, type OpenedSource } from './source.js';
import { currentUserConfig } from './user-config.js';

/**
 * Opens the source and runs the explorer until the user quits; the source (and any in-process emulator) is closed
 * after. The first frame (header with the source, the step under way) is drawn before anything slow: only Ink, React
 * and that frame are loaded first, then the emulator / SDK / snapshot open behind it, then the explorer takes over.
 */
export async function runExplorer(values: FlagValues, io: CommandIO, opts: { startCreate?: string } = {}): Promise<number> {
  const preview = sourcePreview(chooseSource(values)); // conflicting flags fail here, before the screen is touched
  const diffFile = str(values, 'diff');
  if (diffFile) (await import('../topology/snapshot.js')).readSnapshot(diffFile); // a bad baseline is one line, exit 2, before the screen
  // Ink draws only the final frame when CI/CONTINUOUS_INTEGRATION is set (read once, when ink loads); someone at an
  // interactive terminal is not a CI job, so clear the markers before the first import of the UI.
  for (const k of ['CI', 'CONTINUOUS_INTEGRATION']) if (k in process.env) process.env[k] = 'false';
  // The header and the step in plain text first (a few ms), then Ink's frame in its place once Ink has loaded.
  const { writePlainBootFrame } = await import('../ui/boot/plain-frame.js');
  const plainLines = process.stdin.isTTY ? writePlainBootFrame(process.stdout, preview.info, preview.step) : 0;
  const [{ mountBoot }, { makeTheme }] = await Promise.all([import('../ui/boot/mount-boot.js'), import('../ui/theme.js')]);
  // The user's skin (config.yaml) from the first frame on; makeTheme still drops every colour under NO_COLOR.
  const { skin } = currentUserConfig();
  const theme = skin ? makeTheme(process.env, undefined, skin) : undefined;
  const boot = mountBoot(preview.info, preview.step, { plainLines, ...(theme ? { theme } : {}) });
  // Let the frame reach the terminal before the (synchronous) parsing of the emulator, the SDK or a snapshot starts.
  await new Promise((r) => setImmediate(r));
  const opening = openSource(values);
  let src: OpenedSource | undefined;
  try {
    src = await Promise.race([opening, boot.quit.then(() => undefined)]);
  } catch (e) {
    boot.abandon();
    throw e;
  }
  if (!src) {
    // Quit before the source opened: wait for it so an in-process emulator still cleans up its files.
    boot.abandon();
    await opening.then((s) => s.close(), () => undefined);
    return EXIT.ok;
  }
  let quitting = false;
  void boot.quit.then(() => (quitting = true));
  try {
    boot.step('loading the explorer');
    // A snapshot needs neither live status nor writes: skip loading the SDK-bound parts so the first frame comes sooner.
    const backend = src.snapshot
      ? await snapshotBackend(src, values)
      : (await import('./explorer-backend.js')).createExplorerBackend(src, values);
    if (quitting) {
      boot.abandon();
      return EXIT.ok;
    }
    try {
      await boot.run(backend, { ...(theme ? { theme } : {}), ...(opts.startCreate ? { startCreate: opts.startCreate } : {}) });
    } finally {
      backend.live?.monitor.stop();
    }
    return EXIT.ok;
  } finally {
    await src.close();
    // After the screen is handed back: lines written while Ink owns the terminal would be drawn over.
    for (const w of src.warnings ?? []) io.stderr.write(`warning: ${w}\n`);
  }
}

async function snapshotBackend(src: OpenedSource, values: FlagValues) {
  const [{ baseExplorerBackend }, { withExport }] = await Promise.all([import('./explorer-base.js'), import('./explorer-export.js')]);
  return withExport(baseExplorerBackend(src, values));
}
