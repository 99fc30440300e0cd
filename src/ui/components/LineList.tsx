import { Box } from 'ink';
import type { Line } from '../model/lines.js';
import { SegLine } from './Styled.js';

/** A windowed list of lines: only `height` lines from `offset` are rendered, whatever the total. */
export function LineList({ lines, offset, height, cursor }: { lines: Line[]; offset: number; height: number; cursor?: number }) {
  const visible = lines.slice(offset, offset + Math.max(0, height));
  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      {visible.map((l, i) => (
        <SegLine key={offset + i} segs={l.segs} selected={cursor === offset + i} />
      ))}
    </Box>
  );
}
