import { Box, Text } from 'ink';
import { useExplorer } from '../context.js';
import { CommandLine } from './CommandLine.js';
import { FilterLine } from './FilterLine.js';
import { ExportLine } from './ExportLine.js';
import { ProgressBar } from './ProgressBar.js';
import { Styled } from './Styled.js';

/** The one line for prompts, messages and load errors, with the background progress bar on the right. */
export function StatusLine({ inputEnabled }: { inputEnabled: boolean }) {
  const { state, width } = useExplorer();
  let left;
  if (state.mode === 'command') left = <CommandLine draft={state.draft} candidates={state.candidates} />;
  else if (state.mode === 'filter') left = <FilterLine draft={state.draft} />;
  else if (state.mode === 'export') left = <ExportLine draft={state.draft} base={state.exportBase ?? 'erscope-view'} />;
  else if (state.message) left = <Styled tone={state.message.tone}>{state.message.text}</Styled>;
  else if (state.loadError)
    left = <Styled tone="error">{`✖ refresh failed: ${state.loadError}${state.data ? ' (showing last data)' : ''}`}</Styled>;
  else if (!inputEnabled) left = <Styled tone="warn">! keyboard input unavailable: stdin is not a terminal</Styled>;
  else left = <Text> </Text>;
  const barWidth = width >= 100 ? 20 : 10;
  return (
    <Box width={width} height={1}>
      <Box flexGrow={1} flexShrink={1} overflow="hidden">
        <Text wrap="truncate-end">{left}</Text>
      </Box>
      {state.loading ? (
        <Box flexShrink={0} marginLeft={1}>
          <ProgressBar progress={state.loading} width={barWidth} />
        </Box>
      ) : null}
    </Box>
  );
}
