import { Text } from 'ink';
import { useEffect, useState } from 'react';
import { useExplorer, useTheme } from '../context.js';
import { Styled } from '../components/Styled.js';
import { runningOps, runningText } from './session.js';

/** Count of running writes, live from the session's operation tracker. */
function useRunning(): number {
  const { backend } = useExplorer();
  const tracker = backend.writes?.tracker;
  const [n, setN] = useState(() => runningOps(tracker?.list() ?? []).length);
  useEffect(() => {
    if (!tracker) return;
    setN(runningOps(tracker.list()).length);
    return tracker.subscribe(() => setN(runningOps(tracker.list()).length));
  }, [tracker]);
  return n;
}

/** The header's mode badge (READ-ONLY / WRITE / DRY-RUN, following the live switch) and "N operations running". */
export function ModeBadge({ tiny }: { tiny: boolean }) {
  const { backend } = useExplorer();
  const theme = useTheme();
  const running = useRunning();
  const write = backend.mode === 'write';
  const label = write ? (backend.writes?.dryRun ? ' DRY-RUN ' : ' WRITE ') : tiny ? ' RO ' : ' READ-ONLY ';
  return (
    <Text>
      <Text {...theme.tone(write ? 'warn' : 'info')} inverse>
        {label}
      </Text>
      {running ? <Styled tone="info">{` ⟳ ${runningText(running)} (o) `}</Styled> : null}
    </Text>
  );
}
