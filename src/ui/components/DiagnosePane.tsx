import { useEffect, useState } from 'react';
import { useLiveView } from '../hooks/useLive.js';
import { SPIN_MARK } from '../model/diagnose-lines.js';
import type { Line } from '../model/lines.js';
import { LineList } from './LineList.js';

const FRAMES = [SPIN_MARK, '◓', '◑', '◒'];

/** The diagnosis page: step progress with a spinner while running, then verdicts, evidence and the boxed conclusion. */
export function DiagnosePane({ id, lines, cursor, offset, height }: { id: string; lines: Line[]; cursor: number; offset: number; height: number }) {
  const run = useLiveView()?.run;
  const running = run?.status === 'running' && run.resourceId === id;
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), 150);
    return () => clearInterval(t);
  }, [running]);
  const shown =
    running && frame
      ? lines.map((l) => (l.segs.some((s) => s.text === SPIN_MARK) ? { ...l, segs: l.segs.map((s) => (s.text === SPIN_MARK ? { ...s, text: FRAMES[frame]! } : s)) } : l))
      : lines;
  return <LineList lines={shown} cursor={running ? undefined : cursor} offset={offset} height={height} />;
}
