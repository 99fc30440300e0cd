import { render } from 'ink';
import { ErscopeError } from '../errors.js';
import type { ExplorerBackend } from './backend.js';
import { App, type AppProps } from './App.js';

/** Options for mounting the explorer on a terminal. */
export interface MountOptions extends Omit<AppProps, 'backend' | 'onQuit'> {
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
}

/**
 * Renders the explorer full-screen-ish on the terminal and resolves when the user quits. Ink's own ctrl-c exit is
 * off because the explorer asks for ctrl-c twice.
 */
export async function mountExplorer(backend: ExplorerBackend, opts: MountOptions = {}): Promise<void> {
  const stdin = opts.stdin ?? process.stdin;
  const stdout = opts.stdout ?? process.stdout;
  if (!stdin.isTTY) {
    throw new ErscopeError('the explorer needs an interactive terminal: run it in a terminal, or use `erscope inventory` / `erscope check` for piped output');
  }
  const { stdin: _i, stdout: _o, ...appProps } = opts;
  const instance = render(<App backend={backend} {...appProps} />, { stdin, stdout, exitOnCtrlC: false, patchConsole: true });
  await instance.waitUntilExit();
}
