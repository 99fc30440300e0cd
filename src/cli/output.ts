import { writeFileAtomic } from '../atomic-write.js';
import type { CommandIO } from './io.js';

/** Writes to --out atomically (nothing is ever half-written) or to stdout. */
export async function writeOutput(text: string, out: string | undefined, io: CommandIO): Promise<void> {
  if (out) await writeFileAtomic(out, text);
  else io.stdout.write(text);
}
