import { Box } from 'ink';
import { useExplorer } from '../context.js';
import { LineList } from '../components/LineList.js';
import { SegLine } from '../components/Styled.js';
import { useLiveView } from '../hooks/useLive.js';
import { eventHeader } from '../model/event-lines.js';
import type { Line } from '../model/lines.js';

/** The `:events` page: status changes newest first under a fixed column header; enter opens, d diagnoses. */
export function EventsView({ lines, cursor, offset, height }: { lines: Line[]; cursor: number; offset: number; height: number }) {
  const { width } = useExplorer();
  const events = useLiveView()?.events ?? [];
  const hasRows = lines.some((l) => l.id !== undefined);
  return (
    <Box flexDirection="column" height={height}>
      <SegLine segs={eventHeader(events, width).segs} />
      <LineList lines={lines} cursor={hasRows ? cursor : undefined} offset={offset} height={Math.max(0, height - 1)} />
    </Box>
  );
}
