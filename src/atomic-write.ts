import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ErscopeError } from './errors.js';

/**
 * Writes a file atomically (temp file beside the target, then rename) so no reader or crash ever sees half a report,
 * snapshot or output; every failure becomes one ErscopeError line naming the file and the fix.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const target = resolve(file);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new ErscopeError(`cannot write ${file} (${code}): check the directory exists and is writable`);
  }
}
