import { Text } from 'ink';
import { Styled } from './Styled.js';

/** The `:` prompt with the typed text, a cursor block and tab-completion candidates. */
export function CommandLine({ draft, candidates }: { draft: string; candidates: string[] }) {
  return (
    <Text wrap="truncate-end">
      <Styled tone="accent">:</Styled>
      <Text>{draft}</Text>
      <Text inverse> </Text>
      {candidates.length ? <Styled tone="muted">{'  ' + candidates.join(' ')}</Styled> : null}
    </Text>
  );
}
