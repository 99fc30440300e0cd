import type { ExplorerBackend } from '../ui/backend.js';
import { baseExplorerBackend } from './explorer-base.js';
import { withExport } from './explorer-export.js';
import { withLive } from './explorer-live.js';
import { createExplorerWrites } from './explorer-write.js';
import type { FlagValues } from './flags.js';
import type { OpenedSource } from './source.js';

/** The full backend over a live source: reads, live status and diagnosis, the write path, and export. */
export function createExplorerBackend(src: OpenedSource, values: FlagValues): ExplorerBackend {
  return withExport(withLive({ ...baseExplorerBackend(src, values), writes: createExplorerWrites(src, values) }, src));
}
