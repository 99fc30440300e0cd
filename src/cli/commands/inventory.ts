import { ErscopeError } from '../../errors.js';
import { EXIT } from '../exit-codes.js';
import { formatInventoryTable } from '../format-inventory.js';
import type { CommandIO } from '../io.js';
import type { LoadedEstate } from '../load.js';
import { writeOutput } from '../output.js';

/** Options for `erscope inventory` after flags and source are resolved. */
export interface InventoryCommandOptions {
  estate: Pick<LoadedEstate, 'inventory' | 'graph'>;
  format: 'table' | 'json';
  out?: string;
}

/** Prints the inventory table or writes the versioned snapshot; exit 3 when some scope could not be read. */
export async function runInventory(opts: InventoryCommandOptions, io: CommandIO): Promise<number> {
  const { inventory, graph } = opts.estate;
  let text: string;
  if (opts.format === 'json') {
    const { toSnapshot } = await import('../../topology/snapshot.js');
    text = JSON.stringify(toSnapshot(inventory, graph), null, 2) + '\n';
  } else {
    text = formatInventoryTable(inventory, graph);
  }
  await writeOutput(text, opts.out, io);
  if (opts.out) io.stderr.write(`wrote ${opts.format === 'json' ? 'snapshot' : 'table'} to ${opts.out}\n`);
  if (inventory.issues.length > 0) {
    io.stderr.write(`inventory incomplete: ${inventory.issues.length} scope(s) forbidden or failed (exit 3)\n`);
    return EXIT.incomplete;
  }
  return EXIT.ok;
}

/** `erscope diff OLD NEW`: what was added, removed and changed between two snapshots. */
export async function runDiff(oldFile: string, newFile: string, format: 'text' | 'json', io: CommandIO): Promise<number> {
  const { readSnapshot } = await import('../../topology/snapshot.js');
  const { diffSnapshots, formatDiffText } = await import('../../topology/diff.js');
  if (oldFile === newFile) throw new ErscopeError('diff needs two different snapshot files: erscope diff OLD.json NEW.json');
  const d = diffSnapshots(readSnapshot(oldFile), readSnapshot(newFile));
  io.stdout.write(format === 'json' ? JSON.stringify(d, null, 2) + '\n' : formatDiffText(d));
  return EXIT.ok;
}
