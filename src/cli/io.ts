/** Where a command writes; injected so tests capture real output without spawning a process. */
export interface CommandIO {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
}

/** The process's own streams. */
export const processIO: CommandIO = { stdout: process.stdout, stderr: process.stderr };
