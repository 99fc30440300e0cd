import { Box, Text } from 'ink';
import { memo } from 'react';
import { useTheme } from '../context.js';
import type { Model } from '../model/model.js';
import { fit, type PlacedColumn } from '../model/table.js';
import { GLYPH } from '../theme.js';
import type { Row } from '../views/types.js';

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
}

const TableRow = memo(function TableRow({ row, text, placed, selected, model }: { row: Row; text: string[]; placed: PlacedColumn[]; selected: boolean; model?: Model }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end" {...(selected ? theme.tone('selection') : {})}>
      {placed.map((p, i) => (
        <Text key={p.index} {...(selected || !model || !p.col.tone ? {} : theme.tone(p.col.tone(row, model)))}>
          {(i ? ' ' : '') + fit(text[p.index] ?? '', p.width)}
        </Text>
      ))}
    </Text>
  );
});

/** The windowed resource table: header plus only the rows that fit; a million rows cost the same as forty. */
export function Table({ placed, rows, cells, order, cursor, offset, height, sort, model, emptyText }: TableProps) {
  const theme = useTheme();
  const header = placed
    .map((p, i) => {
      const mark = sort?.col === p.index ? (sort.desc ? GLYPH.desc : GLYPH.asc) : '';
      return (i ? ' ' : '') + fit(p.col.title + mark, p.width);
    })
    .join('');
  const window = order.slice(offset, offset + Math.max(0, height));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" {...theme.tone('title')}>
        {header}
      </Text>
      <Box flexDirection="column" height={Math.max(0, height)} overflow="hidden">
        {window.length === 0 ? (
          <Text {...theme.tone('muted')}>{emptyText}</Text>
        ) : (
          window.map((ri, i) => (
            <TableRow key={rows[ri]!.id + ':' + ri} row={rows[ri]!} text={cells[ri]!} placed={placed} selected={offset + i === cursor} model={model} />
          ))
        )}
      </Box>
    </Box>
  );
}
