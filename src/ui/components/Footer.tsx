import { Text } from 'ink';
import { memo } from 'react';
import type { ExplorerMode } from '../backend.js';
import { useExplorer } from '../context.js';
import { bindingsFor, keyLabel, type Binding, type PageKind } from '../keymap.js';
import { Styled } from './Styled.js';

function label(b: Binding, top: boolean): string {
  return b.id === 'app.quit' && !top ? 'back' : (b.short ?? b.description);
}

/** The keys that matter on this page, generated from the key table; as many as fit, help always last. */
export function Footer({ view }: { view: PageKind }) {
  const { backend, state, width } = useExplorer();
  return <FooterKeys mode={backend.mode} view={view} top={state.stack.length === 1} width={width} />;
}

// Memoised on its inputs: the explorer's context changes on every key, the footer only with the page, mode or width.
const FooterKeys = memo(function FooterKeys({ mode, view, top, width }: { mode: ExplorerMode; view: PageKind; top: boolean; width: number }) {
  const all = bindingsFor(mode, view).filter((b) => b.footer);
  const help = all.find((b) => b.id === 'app.help');
  const rest = all.filter((b) => b !== help);
  const cost = (b: Binding) => keyLabel(b.keys.slice(0, 1)).length + 1 + label(b, top).length + 2;
  let budget = width - (help ? cost(help) : 0);
  const shown = rest.filter((b) => {
    const c = cost(b);
    if (c > budget) return false;
    budget -= c;
    return true;
  });
  if (help) shown.push(help);
  return (
    <Text wrap="truncate-end">
      {shown.map((b, i) => (
        <Text key={b.id}>
          {i ? '  ' : ''}
          <Styled tone={b.dangerous ? 'warn' : 'accent'}>{keyLabel(b.keys.slice(0, 1))}</Styled>
          <Styled tone="muted">{` ${label(b, top)}`}</Styled>
        </Text>
      ))}
    </Text>
  );
});
