import { SOURCE_FLAGS, str, type FlagValues } from './flags.js';
import type { CommandIO } from './io.js';
import { COMMANDS, type CommandSpec } from './registry.js';
import { LIVE_COMMANDS } from './registry-live.js';

/** The explorer (no subcommand): the TUI on a terminal, the inventory table otherwise. */
export const EXPLORER: CommandSpec = {
  name: 'explorer',
  summary: 'open the interactive explorer',
  usage: '[source flags] [--write] [--dry-run] [--diff SNAPSHOT.json]',
  positionals: { min: 0, max: 0 },
  flags: {
    ...SOURCE_FLAGS,
    write: { type: 'boolean', help: 'allow writes (create, fix) after a typed confirmation; default is read-only' },
    'read-only': { type: 'boolean', help: 'never write (the default); write commands are not even bound' },
    'dry-run': { type: 'boolean', help: 'show write plans but never send them' },
    diff: { type: 'string', value: 'FILE', help: 'compare with a saved snapshot: :diff lists what was added, removed or changed since' },
  },
  run: async (values: FlagValues, _p: string[], io: CommandIO) => {
    if (!io.stdout.isTTY || !process.stdin.isTTY) {
      const inventory = COMMANDS.find((c) => c.name === 'inventory')!;
      const v: FlagValues = { ...values, format: 'table' };
      delete v.write;
      delete v['read-only'];
      delete v['dry-run'];
      delete v.diff;
      return inventory.run(v, [], io);
    }
    const { runExplorer } = await import('./explorer.js');
    return runExplorer(values, io);
  },
};

/** Every subcommand, headless and live, in help order. */
export function allCommands(): CommandSpec[] {
  return [...COMMANDS, ...LIVE_COMMANDS];
}

/** Convenience for commands that only need a string flag. */
export { str };
