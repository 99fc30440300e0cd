import { basename, join, resolve } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { ErscopeError } from '../errors.js';
import { isReportFormat, REPORT_FORMATS } from '../report/formats.js';
import type { ExplorerBackend, ExplorerData, ExportRequest, ExportResult } from '../ui/backend.js';

/** Where exports land and how they are stamped; tests point `exportDir` at a temp directory and pin the clock. */
export interface ExplorerExportOptions {
  /** Directory the TUI writes reports into; default the current working directory. */
  exportDir?: string;
  /** Report timestamp; default the wall clock. */
  generatedAt?: () => Date;
}

/** The path as the status line shows it: `./name` in the working directory, the full path anywhere else. */
function shownPath(dir: string, file: string): string {
  return dir === resolve(process.cwd()) ? `./${file}` : join(dir, file);
}

/**
 * Writes one report of exactly what a TUI view shows from already-loaded data (no network, so snapshots work too).
 * Every failure is one ErscopeError line; the file is written atomically so a half report never exists.
 */
export async function exportExplorerView(
  req: ExportRequest,
  data: ExplorerData | undefined,
  backend: Pick<ExplorerBackend, 'source' | 'subscriptions'>,
  opts: ExplorerExportOptions = {},
): Promise<ExportResult> {
  if (!data) throw new ErscopeError('nothing loaded yet: wait for the inventory to finish, then press e again');
  const format: string = req.format;
  if (!isReportFormat(format)) {
    throw new ErscopeError(`unknown format "${format.replace(/[^\x20-\x7e]/g, '?')}": use ${REPORT_FORMATS.join('|')}`);
  }
  if (req.file === '' || basename(req.file) !== req.file || req.file.startsWith('.')) {
    throw new ErscopeError(`export file name "${req.file}" must be a plain file name (no directories, not hidden)`);
  }
  // The renderers (and WASM Graphviz for html) load on first export, not when the explorer starts.
  const { renderReportDetailed } = await import('../report/index.js');
  const rendered = await renderReportDetailed(format, {
    graph: data.graph,
    findings: data.findings,
    inventoryIssues: data.inventoryIssues,
    source: backend.source,
    subscriptions: data.subscriptions?.length ? data.subscriptions : backend.subscriptions,
    ...(req.nodeIds ? { nodeIds: req.nodeIds } : {}),
    ...(req.focus !== undefined ? { focus: req.focus } : {}),
    ...(req.depth !== undefined ? { depth: req.depth } : {}),
    ...(opts.generatedAt ? { generatedAt: opts.generatedAt() } : {}),
  });
  const dir = resolve(opts.exportDir ?? process.cwd());
  await writeFileAtomic(join(dir, req.file), rendered.text);
  return { file: shownPath(dir, req.file), resources: rendered.model.summary.nodeCount, findings: rendered.model.findings.length };
}

/** Adds `exportView` to a backend, remembering the latest load (or the initial data) so `e` exports what is on screen. */
export function withExport(backend: ExplorerBackend, opts: ExplorerExportOptions = {}): ExplorerBackend {
  let latest: ExplorerData | undefined = backend.initial;
  return {
    ...backend,
    load: async (onProgress, signal) => {
      const data = await backend.load(onProgress, signal);
      latest = data;
      return data;
    },
    exportView: (req) => exportExplorerView(req, latest, backend, opts),
  };
}
