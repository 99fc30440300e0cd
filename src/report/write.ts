import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ErscopeError } from '../errors.js';

/**
 * Writes a report atomically: a temp file beside the target renamed over it, so a reader (or a crash) never sees half a
 * report. Shared by `erscope export --out` and the TUI's export key; failures become one-line ErscopeErrors.
 */
export async function writeReportFile(file: string, text: string): Promise<void> {
  const target = resolve(file);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new ErscopeError(`cannot write ${file}: ${code}; check the directory exists and is writable`);
  }
}
