import { Text } from 'ink';
import type { LoadProgress } from '../backend.js';
import { Styled } from './Styled.js';

/** A fixed-width bar with counts; an unknown total shows an indeterminate "loading…". */
export function ProgressBar({ progress, width = 20 }: { progress: LoadProgress; width?: number }) {
  if (progress.total <= 0) return <Styled tone="info">loading…</Styled>;
  const ratio = Math.max(0, Math.min(1, progress.done / progress.total));
  const full = Math.round(ratio * width);
  return (
    <Text>
      <Styled tone="info">{'█'.repeat(full)}</Styled>
      <Styled tone="muted">{'░'.repeat(width - full)}</Styled>
      <Text>{` ${progress.done}/${progress.total}${progress.label ? ' ' + progress.label : ''}`}</Text>
    </Text>
  );
}
