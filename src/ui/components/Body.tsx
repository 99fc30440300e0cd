import { Box, Text } from 'ink';
import { useExplorer } from '../context.js';
import type { PageContent } from '../model/page.js';
import type { Page } from '../store.js';
import { DetailPane } from './DetailPane.js';
import { HelpOverlay } from './HelpOverlay.js';
import { LineList } from './LineList.js';
import { PathView } from './PathView.js';
import { Styled } from './Styled.js';
import { Table } from './Table.js';
import { DiagnosePane } from './DiagnosePane.js';
import { EventsView } from '../views/EventsView.js';
import { useLiveTable } from '../hooks/useLive.js';

/** Fix text of the selected finding under the findings table, so the remedy is on screen without drilling in. */
function FindingPreview({ content, rows }: { content: PageContent; rows: number }) {
  const { width } = useExplorer();
  const f = content.kind === 'table' ? content.selected?.finding : undefined;
  const lines = f ? [`${f.title}: fix: ${f.fix?.description ?? 'see docs'}`, `docs: ${f.docs}`].slice(0, rows - 1) : [];
  return (
    <Box flexDirection="column" height={rows}>
      <Styled tone="muted">{'─'.repeat(Math.max(0, width))}</Styled>
      {lines.map((l, i) => (
        <Text key={i} wrap="truncate-end">
          <Styled tone="ok">{l}</Styled>
        </Text>
      ))}
    </Box>
  );
}

/** The body of the top page: help, a table, a detail pane, a path view or the events placeholder. */
export function Body({ page, content, height, pageSize, previewRows }: { page: Page; content: PageContent; height: number; pageSize: number; previewRows: number }) {
  const { state, model, backend, width } = useExplorer();
  const liveTable = useLiveTable(page, width);
  if (state.mode === 'help') return <HelpOverlay mode={backend.mode} offset={state.helpOffset} height={height} />;
  if (content.kind === 'table' && page.kind === 'table') {
    const empty = !state.data ? (state.loadError ? '✖ nothing loaded (see status line)' : 'loading…') : state.filter ? `no rows match "${state.filter}" (esc clears)` : model && content.view.emptyText ? content.view.emptyText(model) : 'no resources of this type';
    return (
      <Box flexDirection="column">
        <Table
          placed={content.placed}
          rows={content.rows}
          cells={content.cells}
          order={content.order}
          cursor={page.cursor}
          offset={page.offset}
          height={pageSize}
          sort={page.sort}
          model={model}
          emptyText={empty}
          live={liveTable}
        />
        {previewRows ? <FindingPreview content={content} rows={previewRows} /> : null}
      </Box>
    );
  }
  if (content.kind !== 'lines') return null;
  if (page.kind === 'detail') return <DetailPane lines={content.lines} cursor={page.cursor} offset={page.offset} height={height} />;
  if (page.kind === 'path' || page.kind === 'resiliency' || page.kind === 'diff') return <PathView lines={content.lines} cursor={page.cursor} offset={page.offset} height={height} />;
  if (page.kind === 'events') return <EventsView lines={content.lines} cursor={page.cursor} offset={page.offset} height={height} />;
  if (page.kind === 'diagnose') return <DiagnosePane id={page.id} lines={content.lines} cursor={page.cursor} offset={page.offset} height={height} />;
  return <LineList lines={content.lines} offset={page.offset} height={height} />;
}
