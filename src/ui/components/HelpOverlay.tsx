import type { ExplorerMode } from '../backend.js';
import { bindingsFor, keyLabel, keyOf } from '../keymap.js';
import { line, type Line } from '../model/lines.js';
import { VIEWS } from '../views/index.js';
import { LineList } from './LineList.js';

/** Help text generated from the key table and the view aliases, so it can never drift from the bindings. */
export function helpLines(mode: ExplorerMode): Line[] {
  const out: Line[] = [line({ text: 'Keys', tone: 'title' }, { text: `   (${keyOf('nav.back')}, ${keyOf('app.help')} or ${keyOf('app.quit')} closes; ↑/↓ scroll)`, tone: 'muted' })];
  const bindings = bindingsFor(mode);
  for (const cat of ['navigation', 'view', 'resource', 'write', 'general'] as const) {
    const inCat = bindings.filter((b) => b.category === cat);
    if (inCat.length === 0) continue;
    out.push(line({ text: ` ${cat}`, tone: 'accent' }));
    for (const b of inCat) {
      out.push(line({ text: `   ${keyLabel(b.keys).padEnd(16)}`, tone: b.dangerous ? 'warn' : 'info' }, b.description, { text: b.write ? '  (write)' : '', tone: 'warn' }));
    }
  }
  out.push(line({ text: ' command mode', tone: 'accent' }));
  VIEWS.forEach((v, i) => out.push(line({ text: `   ${i + 1}  :${v.aliases.join('|')}`.padEnd(30), tone: 'info' }, v.title)));
  out.push(line({ text: '      :events'.padEnd(30), tone: 'info' }, 'live status changes (opening acknowledges)'), line({ text: '      :q'.padEnd(30), tone: 'info' }, 'quit'));
  out.push(line({ text: '   scope: :conn @sub-name-or-id-prefix /location  (tab completes)', tone: 'muted' }));
  if (mode === 'read-only') out.push(line({ text: ' read-only: write commands (create, fix) are not bound', tone: 'muted' }));
  return out;
}

/** The help page, windowed like every other pane. */
export function HelpOverlay({ mode, offset, height }: { mode: ExplorerMode; offset: number; height: number }) {
  const lines = helpLines(mode);
  return <LineList lines={lines} offset={Math.min(offset, Math.max(0, lines.length - height))} height={height} />;
}
