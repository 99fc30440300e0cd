import { Text } from 'ink';
import { Fragment } from 'react';
import { useExplorer } from '../context.js';
import { Styled } from '../components/Styled.js';
import type { WriteScreen } from './types.js';
import { wizardFields } from './wizard-model.js';

/** Keys per write screen, as [key, label] pairs. */
export function writeKeys(screen: WriteScreen, input: string | undefined, dryRun: boolean): Array<[string, string]> {
  switch (screen.kind) {
    case 'enable': return [['⏎', 'enable'], ['esc', 'stay read-only']];
    case 'pick': return [['↑/↓', 'move'], ['1-6', 'pick'], ['⏎', 'start'], ['esc', 'cancel']];
    case 'wizard': {
      const extra: Array<[string, string]> = input === 'secret' ? [['ctrl-t', 'show/hide']] : input === 'multi' ? [['space', 'toggle']] : input === 'select' || input === 'bool' ? [['↑/↓', 'choose']] : [['ctrl-u', 'clear']];
      return [['⏎', 'next'], ...extra, ['tab', 'next field'], ['shift-tab', 'previous'], ['esc', 'back']];
    }
    case 'fix': return [['↑/↓', 'move'], ['⏎', 'plan'], ['esc', 'cancel']];
    case 'review': return dryRun ? [['↑/↓', 'scroll'], ['esc', 'back']] : [['type name + ⏎', 'apply'], ['↑/↓', 'scroll'], ['esc', 'back']];
    case 'op': return [['esc', 'leave (keeps running)'], ['o', 'operations'], ['r', 're-plan'], ['y', 'copy secret']];
    case 'ops': return [['↑/↓', 'move'], ['⏎', 'open'], ['esc', 'close']];
  }
}

/** The footer while a write screen is open: only the keys that screen understands. */
export function WriteFooter({ screen }: { screen: WriteScreen }) {
  const { model, backend } = useExplorer();
  const input = screen.kind === 'wizard' && model ? wizardFields(model.data.graph, screen)[screen.step]?.field.input : undefined;
  const dryRun = backend.writes?.dryRun ?? false;
  return (
    <Text wrap="truncate-end">
      {writeKeys(screen, input, dryRun).map(([k, label], i) => (
        <Fragment key={k}>
          {i ? '  ' : ''}
          <Styled tone="accent">{k}</Styled>
          <Styled tone="muted">{` ${label}`}</Styled>
        </Fragment>
      ))}
    </Text>
  );
}
