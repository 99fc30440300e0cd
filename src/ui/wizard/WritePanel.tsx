import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { useExplorer } from '../context.js';
import { LineList } from '../components/LineList.js';
import { PlanReview } from '../components/PlanReview.js';
import { Styled } from '../components/Styled.js';
import { opLines } from './op-lines.js';
import { enableLines, fixLines, opsLines, pickLines, wizardLines, type ScreenLines } from './screen-lines.js';
import type { WriteBackend, WriteState } from './types.js';
import { wizardFields } from './wizard-model.js';

/** Re-renders every second while something is running, so elapsed seconds move without any event from ARM. */
function useSecondTick(active: boolean): number {
  const [, set] = useState(0);
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => set((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, [active]);
  return Date.now();
}

/** Keeps the highlighted line inside the window. */
function windowed(s: ScreenLines, height: number, offset = 0): { offset: number } {
  if (s.cursor < 0) return { offset: Math.min(offset, Math.max(0, s.lines.length - height)) };
  return { offset: Math.max(0, Math.min(s.cursor - height + 1, s.lines.length - height)) };
}

/** The body while a write screen is open: WRITE prompt, kind picker, wizard step, fix choice, review, operation or list. */
export function WritePanel({ state, writes, height }: { state: WriteState; writes?: WriteBackend; height: number }) {
  const { model, width } = useExplorer();
  const screen = state.screen;
  const ops = writes?.tracker.list() ?? [];
  const now = useSecondTick(ops.some((o) => o.status === 'running'));
  if (!screen) return null;
  if (screen.kind === 'review') {
    return <PlanReview plan={screen.plan} offset={screen.offset} height={height} confirm={screen.confirm} checking={screen.checking} dryRun={writes?.dryRun ?? true} {...(screen.error ? { error: screen.error } : {})} />;
  }
  let s: ScreenLines;
  let offset = 0;
  if (screen.kind === 'enable') s = enableLines(screen, width, writes?.dryRun ?? false);
  else if (screen.kind === 'pick') s = pickLines(screen, screen.selection ? model?.node(screen.selection)?.name : undefined);
  else if (screen.kind === 'fix') s = fixLines(screen, width);
  else if (screen.kind === 'ops') s = opsLines(ops, screen.cursor, now);
  else if (screen.kind === 'op') {
    s = opLines(writes?.tracker.get(screen.opId), state.verify[screen.opId], state.revealed.includes(screen.opId), width, now);
    offset = screen.offset;
  } else {
    const fields = model ? wizardFields(model.data.graph, screen) : [];
    s = wizardLines(screen, fields, width, Math.max(3, height - 10));
  }
  const opScreen = screen.kind === 'op' ? screen : undefined;
  const extra = opScreen?.busy ? 1 : opScreen?.error ? 1 : 0;
  const listHeight = Math.max(1, height - extra);
  const w = windowed(s, listHeight, offset);
  return (
    <Box flexDirection="column" height={height}>
      <LineList lines={s.lines} offset={w.offset} height={listHeight} {...(s.cursor >= 0 ? { cursor: s.cursor } : {})} />
      {opScreen?.busy ? <Styled tone="info">⟳ re-reading the resource to re-plan…</Styled> : null}
      {!opScreen?.busy && opScreen?.error ? (
        <Text wrap="truncate-end">
          <Styled tone="error">{`✖ ${opScreen.error}`}</Styled>
        </Text>
      ) : null}
    </Box>
  );
}
