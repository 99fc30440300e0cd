import { render, type Instance } from 'ink';
import { ErscopeError } from '../../errors.js';
import type { SourceInfo } from '../../inventory/types.js';
import type { ExplorerBackend } from '../backend.js';
import type { AppProps } from '../App.js';
import { ThemeContext } from '../context.js';
import type { Theme } from '../theme.js';
import { BootScreen } from './BootScreen.js';
import { eraseCommand, noteFirstFrame } from './plain-frame.js';

/** The terminal handed from the boot frame to the explorer. */
export interface BootHandle {
  /** Shows the step under way (opening the source, loading the explorer). */
  step(text: string): void;
  /** Resolves when the user presses q or ctrl-c before the explorer takes over. */
  readonly quit: Promise<void>;
  /** Replaces the boot frame with the explorer over `backend`; resolves when the user quits it. */
  run(backend: ExplorerBackend, appProps?: Omit<AppProps, 'backend' | 'onQuit'>): Promise<void>;
  /** Erases the boot frame and releases the terminal (the source did not open; the caller prints why, or the user quit). */
  abandon(): void;
}

/**
 * Draws the boot frame at once; only Ink, React and this frame are loaded before it, the explorer's own code is
 * imported by `run`. Ink's ctrl-c exit is off because the explorer asks for ctrl-c twice.
 */
export function mountBoot(
  source: SourceInfo,
  firstStep: string,
  io: { stdin?: NodeJS.ReadStream; stdout?: NodeJS.WriteStream; theme?: Theme; plainLines?: number } = {},
): BootHandle {
  const stdin = io.stdin ?? process.stdin;
  const stdout = io.stdout ?? process.stdout;
  if (!stdin.isTTY) {
    throw new ErscopeError('the explorer needs an interactive terminal: run it in a terminal, or use `erscope inventory` / `erscope check` for piped output');
  }
  let onQuit!: () => void;
  const quit = new Promise<void>((resolve) => (onQuit = resolve));
  const frame = (step: string) => (
    <ThemeContext.Provider value={io.theme}>
      <BootScreen source={source} step={step} onQuit={onQuit} />
    </ThemeContext.Provider>
  );
  // Ink draws where the cursor is: take the place of the plain frame written before Ink loaded (writePlainBootFrame).
  if (io.plainLines) stdout.write(eraseCommand(io.plainLines));
  const instance: Instance = render(frame(firstStep), { stdin, stdout, exitOnCtrlC: false, patchConsole: true });
  if (!io.plainLines) noteFirstFrame();
  let running = false;
  return {
    quit,
    step(text) {
      if (!running) instance.rerender(frame(text));
    },
    async run(backend, appProps = {}) {
      const { App } = await import('../App.js');
      running = true;
      instance.rerender(<App backend={backend} {...appProps} />);
      await instance.waitUntilExit();
    },
    abandon() {
      instance.clear();
      instance.unmount();
    },
  };
}
