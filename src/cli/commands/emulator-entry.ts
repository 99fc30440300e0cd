import { runEmulatorCommand } from './emulator.js';

/** Standalone entry (`node --import tsx src/cli/commands/emulator-entry.ts ...`) for scripts and the spawned-process test. */
void runEmulatorCommand(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
  process.exitCode = code;
});
