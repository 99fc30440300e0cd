import { Text } from 'ink';
import { REPORT_FORMATS } from '../../report/formats.js';
import { DEFAULT_EXPORT_FORMAT, exportFormatOf } from '../model/export.js';
import { Styled } from './Styled.js';

/** The `e` prompt: the formats, what was typed (empty shows the default) and the file that Enter will write. */
export function ExportLine({ draft, base }: { draft: string; base: string }) {
  const format = exportFormatOf(draft);
  return (
    <Text wrap="truncate-end">
      <Styled tone="accent">{`export as ${REPORT_FORMATS.join('|')}: `}</Styled>
      {draft === '' ? <Styled tone="muted">{DEFAULT_EXPORT_FORMAT}</Styled> : <Text>{draft}</Text>}
      <Text inverse> </Text>
      {format ? <Styled tone="muted">{` → ./${base}.${format}`}</Styled> : <Styled tone="warn">{'  unknown format (tab cycles)'}</Styled>}
    </Text>
  );
}
