/**
 * A closed stdout (`erscope check | head`) is not an error: the reader has all it wanted. Node reports it as an EPIPE
 * 'error' event on process.stdout, which would otherwise crash with a stack trace; this turns it into a quiet exit 0
 * (or lets a long-running command, the emulator, stop cleanly first).
 */
type Stream = { on(event: 'error', fn: (e: NodeJS.ErrnoException) => void): unknown };

const closers = new Set<() => void>();
let closed = false;

/** Installs the guard on the process's streams once; EPIPE on stderr is ignored (nowhere left to say anything). */
export function guardClosedPipes(stdout: Stream = process.stdout, stderr: Stream = process.stderr, exit: (code: number) => void = (c) => process.exit(c)): void {
  stdout.on('error', (e) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
    if (closed) return;
    closed = true;
    if (closers.size === 0) exit(0);
    else for (const fn of closers) fn();
  });
  stderr.on('error', (e) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
  });
}

/** Registers a clean stop for when stdout closes (instead of the immediate exit); returns the unregister function. */
export function onStdoutClosed(fn: () => void): () => void {
  if (closed) fn();
  closers.add(fn);
  return () => void closers.delete(fn);
}

/** True once a write to stdout found its reader gone: later writes are dropped. */
export function stdoutClosed(): boolean {
  return closed;
}
