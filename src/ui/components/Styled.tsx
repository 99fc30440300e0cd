import { Text } from 'ink';
import type { ReactNode } from 'react';
import { useTheme } from '../context.js';
import type { Tone } from '../theme.js';
import type { Seg } from '../model/lines.js';

/** Text drawn with a semantic tone from the theme (no colour at all under NO_COLOR). */
export function Styled({ tone = 'plain', children }: { tone?: Tone; children: ReactNode }) {
  const style = useTheme().tone(tone);
  return <Text {...style}>{children}</Text>;
}

/** One line of segments, clipped to the terminal width; `selected` draws it in the selection style. */
export function SegLine({ segs, selected }: { segs: Seg[]; selected?: boolean }) {
  const theme = useTheme();
  const content = segs.map((s, i) => (
    <Text key={i} {...theme.tone(s.tone ?? 'plain')}>
      {s.text}
    </Text>
  ));
  return (
    <Text wrap="truncate-end" {...(selected ? theme.tone('selection') : {})}>
      {segs.some((s) => s.text !== '') ? content : ' '}
    </Text>
  );
}
