import { Box, Text } from 'ink';
import { GLYPH } from '../theme.js';
import { Styled } from './Styled.js';

/** The typed-name gate before a write: what to type, what is typed so far, and why the last attempt was refused. */
export function ConfirmPrompt({ name, draft, error, note }: { name: string; draft: string; error?: string; note?: string }) {
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Styled tone="warn">{`type the resource name "${name}" to apply: `}</Styled>
        <Text>{draft}</Text>
        <Text inverse> </Text>
      </Text>
      <Text wrap="truncate-end">
        {error ? <Styled tone="error">{`${GLYPH.error} ${error}`}</Styled> : <Styled tone={note?.startsWith('!') ? 'warn' : 'muted'}>{note ?? ' '}</Styled>}
      </Text>
    </Box>
  );
}
