import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
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
    await makeParents(dirname(target));
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new ErscopeError(`cannot write ${file}: ${describeWriteError(err)}`);
  }
}

/** One clause naming why a write failed and what to do, for the errno codes a full disk, a bad path or a read-only place give. */
export function describeWriteError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk is full (${code}); free some space or write elsewhere (nothing was written)`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code}); choose a path you can write`;
    case 'EROFS':
      return 'the file system is read-only (EROFS); choose another path';
    case 'ENOENT':
      return 'the directory does not exist and cannot be created (ENOENT); check the path';
    case 'ENOTDIR':
      return 'part of the path is a file, not a directory (ENOTDIR); check the path';
    case 'EISDIR':
      return 'it is a directory (EISDIR); name a file';
    default:
      return `${code ?? (err as Error)?.message ?? String(err)}; check the directory exists and is writable`;
  }
}

/**
 * Creates missing parent directories one level at a time. Not `mkdir({recursive: true})`: on Node 20 that loops
 * forever under /proc (mkdir there answers ENOENT for a parent that exists), which made `--out /proc/x/y` hang.
 */
async function makeParents(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    const kind = await stat(d).then((s) => (s.isDirectory() ? 'dir' : 'other'), (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? 'none' : Promise.reject(e)));
    if (kind === 'dir') break;
    if (kind === 'other') throw Object.assign(new Error(`${d} is not a directory`), { code: 'ENOTDIR' });
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) await mkdir(d).catch((e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? undefined : Promise.reject(e)));
}
