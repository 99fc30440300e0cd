import { appendFileSync } from 'node:fs';
import type { SourceInfo } from '../../inventory/types.js';

/**
 * The boot frame's first lines as plain text, written before Ink and React are even parsed: loading them costs about
 * 150 ms on a fast machine (platform notes §5), and the first frame should not wait for that. Ink's own boot frame
 * replaces these lines as soon as it is ready (`eraseCommand`). Returns how many lines were written (0 when stdout is
 * not a terminal, which the explorer then refuses anyway).
 */
export function writePlainBootFrame(stdout: NodeJS.WriteStream, source: SourceInfo, step: string): number {
  if (!stdout.isTTY) return 0;
  const width = Math.max(20, stdout.columns || 80);
  const fit = (s: string) => (s.length > width ? `${s.slice(0, width - 1)}…` : s);
  const lines = [fit(`erscope │ ${source.kind}: ${source.label}`), '', fit(`⠋ ${step}…`)];
  stdout.write(`${lines.join('\n')}\n`);
  noteFirstFrame();
  return lines.length;
}

/** The escape sequence that moves back over `lines` plain lines and clears them, so Ink draws in their place. */
export function eraseCommand(lines: number): string {
  return lines > 0 ? `\u001b[${lines}A\r\u001b[J` : '';
}

/**
 * For `npm run bench -- first-frame`: with ERSCOPE_FIRST_FRAME_LOG=FILE, appends when the first frame was written
 * (milliseconds since the process started) and the CPU time spent until then, which a loaded machine distorts less.
 */
export function noteFirstFrame(): void {
  const file = process.env.ERSCOPE_FIRST_FRAME_LOG;
  if (!file) return;
  const cpu = process.cpuUsage();
  appendFileSync(file, JSON.stringify({ ms: Math.round(performance.now()), cpuMs: Math.round((cpu.user + cpu.system) / 1000) }) + '\n');
}
