import { Console } from 'node:console';
import { EventEmitter } from 'node:events';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BootHandle } from '../../src/ui/boot/mount-boot.js';
import { eraseCommand, writePlainBootFrame } from '../../src/ui/boot/plain-frame.js';

/** A terminal's stdout as Ink and the plain frame see it: a TTY of a given width that records every write. */
class FakeTty extends EventEmitter {
  isTTY = true;
  columns = 60;
  rows = 12;
  writes: string[] = [];
  write = (s: string) => {
    this.writes.push(s);
    return true;
  };
}

/** A TTY stdin that never types anything (Ink only needs raw mode and the stream methods). */
class FakeStdin extends EventEmitter {
  isTTY = true;
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => null;
}

const SOURCE = { kind: 'snapshot', label: '/var/tmp/estate-2026-12-06.json' } as const;
const strip = (s: string) => s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
const SAVED_ENV = { ...process.env };
let boot: BootHandle | undefined;
let mountBoot: typeof import('../../src/ui/boot/mount-boot.js').mountBoot;
beforeAll(async () => {
  // mountBoot patches the console (patchConsole) as in the real terminal; vitest's console has no Console constructor.
  (console as unknown as { Console?: typeof Console }).Console ??= Console;
  // Ink draws only the last frame when CI is set (read when Ink loads); the explorer clears the markers the same way.
  for (const k of ['CI', 'CONTINUOUS_INTEGRATION']) if (k in process.env) process.env[k] = 'false';
  ({ mountBoot } = await import('../../src/ui/boot/mount-boot.js'));
});
afterAll(() => Object.assign(process.env, SAVED_ENV));
afterEach(() => {
  boot?.abandon();
  boot = undefined;
});

describe('boot frame', () => {
  it('writes the header and the step as plain text before Ink loads, cut to the terminal width', () => {
    const out = new FakeTty();
    out.columns = 40;
    const lines = writePlainBootFrame(out as unknown as NodeJS.WriteStream, SOURCE as never, 'reading snapshot /var/tmp/estate-2026-12-06.json');
    expect(lines).toBe(3);
    expect(out.writes.join('')).toBe('erscope │ snapshot: /var/tmp/estate-202…\n\n⠋ reading snapshot /var/tmp/estate-2026…\n');
  });

  it('writes nothing when stdout is not a terminal', () => {
    const out = new FakeTty();
    out.isTTY = false;
    expect(writePlainBootFrame(out as unknown as NodeJS.WriteStream, SOURCE as never, 'reading')).toBe(0);
    expect(out.writes).toEqual([]);
  });

  it("Ink's frame takes the plain lines' place: cursor up over them and clear, then the full boot frame", () => {
    const out = new FakeTty();
    const lines = writePlainBootFrame(out as unknown as NodeJS.WriteStream, SOURCE as never, 'reading snapshot');
    boot = mountBoot(SOURCE as never, 'reading snapshot', { stdout: out as unknown as NodeJS.WriteStream, stdin: new FakeStdin() as unknown as NodeJS.ReadStream, plainLines: lines });
    expect(out.writes[1]).toBe(eraseCommand(3));
    expect(eraseCommand(3)).toBe('\u001b[3A\r\u001b[J');
    const frame = strip(out.writes.slice(2).join(''));
    expect(frame).toContain('erscope │ snapshot: /var/tmp/estate-2026-12-06.json');
    expect(frame).toMatch(/⠋ reading snapshot…/);
    expect(frame).toContain('q quit');
  });

  it('without a plain frame Ink draws at once, with nothing erased', () => {
    const out = new FakeTty();
    boot = mountBoot(SOURCE as never, 'reading snapshot', { stdout: out as unknown as NodeJS.WriteStream, stdin: new FakeStdin() as unknown as NodeJS.ReadStream });
    expect(out.writes.some((w) => w.includes('\u001b[3A'))).toBe(false);
    expect(strip(out.writes.join(''))).toContain('erscope │ snapshot: /var/tmp/estate-2026-12-06.json');
  });
});
