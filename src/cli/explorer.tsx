import { EXIT } from './exit-codes.js';
import { baseExplorerBackend } from './explorer-base.js';
import { withExport } from './explorer-export.js';
import type { FlagValues } from './flags.js';
import type { CommandIO } from './io.js';
import { openSource } from './source.js';

/** Opens the source and runs the explorer until the user quits; the source (and any in-process emulator) is closed after. */
export async function runExplorer(values: FlagValues, _io: CommandIO, opts: { startCreate?: string } = {}): Promise<number> {
  const src = await openSource(values);
  try {
    // Ink draws only the final frame when CI/CONTINUOUS_INTEGRATION is set (read once, when ink loads); someone at an
    // interactive terminal is not a CI job, so clear the markers before the first import of the UI.
    for (const k of ['CI', 'CONTINUOUS_INTEGRATION']) if (k in process.env) process.env[k] = 'false';
    const ui = import('../ui/mount.js');
    // A snapshot needs neither live status nor writes: skip loading the SDK-bound parts so the first frame comes sooner.
    const backend = src.snapshot
      ? withExport(baseExplorerBackend(src, values))
      : (await import('./explorer-backend.js')).createExplorerBackend(src, values);
    const { mountExplorer } = await ui;
    try {
      await mountExplorer(backend, opts.startCreate ? { startCreate: opts.startCreate } : {});
    } finally {
      backend.live?.monitor.stop();
    }
    return EXIT.ok;
  } finally {
    await src.close();
  }
}
