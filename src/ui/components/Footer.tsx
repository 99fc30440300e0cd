import { Text } from 'ink';
import { useExplorer } from '../context.js';
import { bindingsFor, keyLabel, type Binding, type PageKind } from '../keymap.js';
import { Styled } from './Styled.js';

function label(b: Binding, top: boolean): string {
  return b.id === 'app.quit' && !top ? 'back' : (b.short ?? b.description);
}

/** The keys that matter on this page, generated from the key table; as many as fit, help always last. */
export function Footer({ view }: { view: PageKind }) {
  const { backend, state, width } = useExplorer();
  const top = state.stack.length === 1;
  const all = bindingsFor(backend.mode, view).filter((b) => b.footer);
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
}
