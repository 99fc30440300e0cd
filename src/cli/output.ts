import { mkdirSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ErscopeError } from '../errors.js';
import type { CommandIO } from './io.js';

/** Writes to --out atomically (temp file + rename, so nothing is ever half-written) or to stdout. */
export async function writeOutput(text: string, out: string | undefined, io: CommandIO): Promise<void> {
  if (!out) {
    io.stdout.write(text);
    return;
  }
  const target = resolve(out);
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new ErscopeError(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; check the directory exists and is writable`);
  }
}
