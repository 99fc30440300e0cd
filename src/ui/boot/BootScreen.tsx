import { Box, Text, useInput, useStdin } from 'ink';
import { useEffect, useState } from 'react';
import type { SourceInfo } from '../../inventory/types.js';
import { Styled } from '../components/Styled.js';
import { useTerminalSize } from '../hooks/useTerminalSize.js';

/** Props of the frame drawn while the source opens and the explorer's code loads. */
export interface BootScreenProps {
  source: SourceInfo;
  /** What is being prepared right now, e.g. "starting the local emulator with the demo scenario". */
  step: string;
  /** Called on q or ctrl-c: the user leaves before the explorer took over. */
  onQuit: () => void;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * The explorer's chrome (header with the source, the step under way, a quit key) drawn the moment the process starts,
 * so a terminal never sits blank while the emulator, the SDK or a large snapshot load behind it.
 */
export function BootScreen({ source, step, onQuit }: BootScreenProps) {
  const { width, height } = useTerminalSize();
  const { isRawModeSupported } = useStdin();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), 120);
    return () => clearInterval(t);
  }, []);
  // Raw mode also keeps early keystrokes from echoing over the frame.
  useInput(
    (input, key) => {
      if (input === 'q' || (key.ctrl && input === 'c')) onQuit();
    },
    { isActive: isRawModeSupported === true },
  );
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate-end">
        <Styled tone="accent">erscope</Styled>
        <Styled tone="muted"> │ </Styled>
        <Text>{`${source.kind}: ${source.label}`}</Text>
      </Text>
      <Text> </Text>
      <Box flexDirection="column" height={Math.max(1, height - 5)}>
        <Text wrap="truncate-end">
          <Styled tone="info">{SPINNER[tick % SPINNER.length]}</Styled>
          <Text>{` ${step}…`}</Text>
        </Text>
      </Box>
      <Text> </Text>
      <Text>
        <Styled tone="accent">q</Styled>
        <Styled tone="muted"> quit</Styled>
      </Text>
    </Box>
  );
}
