import { Box, Text } from 'ink';
import { memo } from 'react';
import { useTheme } from '../context.js';
import type { Model } from '../model/model.js';
import { fit, type PlacedColumn } from '../model/table.js';
import { GLYPH, type Tone } from '../theme.js';
import type { Row } from '../views/types.js';
import type { Seg } from '../model/lines.js';
import type { LiveTableColumns } from '../model/status-columns.js';

interface TableProps {
  placed: PlacedColumn[];
  rows: Row[];
  cells: string[][];
  order: number[];
  cursor: number;
  offset: number;
  /** Lines available for the body rows (header excluded). */
  height: number;
  sort?: { col: number; desc: boolean };
  model?: Model;
  emptyText: string;
  /** Live status columns drawn after the static ones (values change every poll, so they stay out of `cells`). */
  live?: LiveTableColumns;
}

interface TableRowProps {
  row: Row;
  text: string[];
  placed: PlacedColumn[];
  selected: boolean;
  model?: Model;
  extra?: Seg[];
}

/** Live cells are built afresh on every render: compare them by content, so an unchanged row is not drawn again. */
function sameRow(a: TableRowProps, b: TableRowProps): boolean {
  if (a.row !== b.row || a.text !== b.text || a.placed !== b.placed || a.selected !== b.selected || a.model !== b.model) return false;
  if (a.extra === b.extra) return true;
  if (!a.extra || !b.extra || a.extra.length !== b.extra.length) return false;
  return a.extra.every((s, i) => s.text === b.extra![i]!.text && s.tone === b.extra![i]!.tone);
}

const TableRow = memo(function TableRow({ row, text, placed, selected, model, extra }: TableRowProps) {
  const theme = useTheme();
  // Adjacent cells with the same tone become one Text: Ink's per-node layout and width measuring dominate frame cost.
  const runs: Array<{ tone: Tone; text: string }> = [];
  placed.forEach((p, i) => {
    const tone: Tone = selected || !model || !p.col.tone || !theme.color ? 'plain' : p.col.tone(row, model);
    const cell = (i ? ' ' : '') + fit(text[p.index] ?? '', p.width);
    const last = runs[runs.length - 1];
    if (last && last.tone === tone) last.text += cell;
    else runs.push({ tone, text: cell });
  });
  for (const s of extra ?? []) runs.push({ tone: selected || !theme.color ? 'plain' : (s.tone ?? 'plain'), text: s.text });
  return (
    <Text wrap="truncate-end" {...(selected ? theme.tone('selection') : {})}>
      {runs.map((r, i) => (r.tone === 'plain' ? r.text : <Text key={i} {...theme.tone(r.tone)}>{r.text}</Text>))}
    </Text>
  );
}, sameRow);

/** The windowed resource table: header plus only the rows that fit; a million rows cost the same as forty. */
export function Table({ placed, rows, cells, order, cursor, offset, height, sort, model, emptyText, live }: TableProps) {
  const theme = useTheme();
  const header =
    placed
      .map((p, i) => {
        const mark = sort?.col === p.index ? (sort.desc ? GLYPH.desc : GLYPH.asc) : '';
        return (i ? ' ' : '') + fit(p.col.title + mark, p.width);
      })
      .join('') + (live?.header ?? '');
  const window = order.slice(offset, offset + Math.max(0, height));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" {...theme.tone('title')}>
        {header}
      </Text>
      <Box flexDirection="column" height={Math.max(0, height)} overflowY="hidden">
        {window.length === 0 ? (
          <Text {...theme.tone('muted')}>{emptyText}</Text>
        ) : (
          window.map((ri, i) => (
            <TableRow key={rows[ri]!.id + ':' + ri} row={rows[ri]!} text={cells[ri]!} placed={placed} selected={offset + i === cursor} model={model} extra={live?.cells(rows[ri]!)} />
          ))
        )}
      </Box>
    </Box>
  );
}
