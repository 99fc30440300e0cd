import { Text } from 'ink';
import { Styled } from './Styled.js';

/** The `/` prompt; a leading `!` is called out because it inverts the match. */
export function FilterLine({ draft }: { draft: string }) {
  return (
    <Text wrap="truncate-end">
      <Styled tone="accent">/</Styled>
      <Text>{draft}</Text>
      <Text inverse> </Text>
      <Styled tone="muted">{draft.startsWith('!') ? '  (inverted: rows NOT matching)' : '  (enter keeps, esc clears, ! inverts)'}</Styled>
    </Text>
  );
}
