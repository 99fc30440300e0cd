import type { Key } from 'ink';
import type { ExplorerMode } from './backend.js';

/** Every named command the explorer understands; views ask "is this command", never "is this key". */
export type CommandId =
  | 'app.quit'
  | 'app.interrupt'
  | 'app.help'
  | 'app.command'
  | 'app.refresh'
  | 'view.filter'
  | 'view.sortNext'
  | 'view.sortReverse'
  | 'view.export'
  | 'view.jump'
  | 'nav.back'
  | 'nav.up'
  | 'nav.down'
  | 'nav.pageUp'
  | 'nav.pageDown'
  | 'nav.top'
  | 'nav.bottom'
  | 'nav.open'
  | 'tree.toggle'
  | 'res.path'
  | 'res.copyId'
  | 'res.copyJson'
  | 'res.diagnose'
  | 'diag.toggle'
  | 'res.create'
  | 'res.fix'
  | 'app.writeMode'
  | 'app.operations';

/** Where a binding applies: the kind of page on top of the stack. */
export type PageKind = 'table' | 'detail' | 'path' | 'events' | 'diagnose' | 'resiliency' | 'diff';

/** One row of the key table: the single source for dispatch, help, footer and read-only filtering. */
export interface Binding {
  id: CommandId;
  keys: string[];
  description: string;
  category: 'general' | 'navigation' | 'view' | 'resource' | 'write';
  /** Page kinds where it applies; all when absent. */
  views?: PageKind[];
  /** Shown in the footer (the keys that matter on the page kinds in `views`). */
  footer?: boolean;
  /** One-word label for the footer. */
  short?: string;
  dangerous?: boolean;
  /** Write commands are not bound at all in read-only mode. */
  write?: boolean;
}

/** The key table. Order is the order of help and footer. */
export const KEYMAP: readonly Binding[] = [
  { id: 'nav.open', short: 'open', keys: ['enter'], description: 'open / drill in', category: 'navigation', views: ['table', 'detail', 'path', 'events', 'resiliency', 'diff'], footer: true },
  { id: 'nav.back', short: 'back', keys: ['esc'], description: 'back / clear filter', category: 'navigation', footer: true },
  { id: 'nav.up', keys: ['up', 'k'], description: 'move up', category: 'navigation' },
  { id: 'nav.down', keys: ['down', 'j'], description: 'move down', category: 'navigation' },
  { id: 'nav.pageUp', keys: ['pgup', 'ctrl+b'], description: 'page up', category: 'navigation' },
  { id: 'nav.pageDown', keys: ['pgdn', 'ctrl+f'], description: 'page down', category: 'navigation' },
  { id: 'nav.top', keys: ['home', 'g'], description: 'first row', category: 'navigation' },
  { id: 'nav.bottom', keys: ['end', 'G'], description: 'last row', category: 'navigation' },
  { id: 'view.filter', short: 'filter', keys: ['/'], description: 'filter (! inverts)', category: 'view', views: ['table'], footer: true },
  { id: 'app.command', short: 'cmd', keys: [':'], description: 'command (:conn @sub /loc)', category: 'view', footer: true },
  { id: 'view.jump', keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], description: 'switch view 1..9 (9: resiliency)', category: 'view' },
  { id: 'view.sortNext', short: 'sort', keys: ['s'], description: 'next sort column', category: 'view', views: ['table'], footer: true },
  { id: 'view.sortReverse', keys: ['S'], description: 'reverse sort', category: 'view', views: ['table'] },
  { id: 'tree.toggle', short: 'expand', keys: ['space', 'right'], description: 'expand / collapse tree node', category: 'view', views: ['detail'], footer: true },
  { id: 'res.path', short: 'paths', keys: ['p'], description: 'paths serving a VNet/gateway/hub', category: 'resource', views: ['table', 'detail', 'resiliency'], footer: true },
  { id: 'res.copyId', short: 'copy id', keys: ['y'], description: 'copy resource id', category: 'resource', views: ['table', 'detail', 'path', 'resiliency', 'diff'], footer: true },
  { id: 'res.copyJson', keys: ['Y'], description: 'copy resource JSON (redacted)', category: 'resource', views: ['table', 'detail', 'path', 'resiliency'] },
  { id: 'res.diagnose', short: 'diagnose', keys: ['d'], description: 'diagnose (ExpressRoute troubleshooting flow)', category: 'resource', views: ['table', 'detail', 'events'], footer: true },
  { id: 'diag.toggle', short: 'evidence', keys: ['enter', 'space'], description: 'show / hide the evidence of a step', category: 'view', views: ['diagnose'], footer: true },
  { id: 'res.create', short: 'create', keys: ['c'], description: 'create a connection', category: 'write', views: ['table', 'detail'], write: true, footer: true },
  { id: 'res.fix', short: 'fix', keys: ['f'], description: 'fix the selected finding', category: 'write', views: ['table', 'detail'], write: true, dangerous: true, footer: true },
  { id: 'app.refresh', short: 'refresh', keys: ['r'], description: 'refresh in background', category: 'general', footer: true },
  { id: 'app.writeMode', keys: ['w'], description: 'write mode (asks you to type WRITE)', category: 'general' },
  { id: 'app.operations', keys: ['o'], description: 'write operations (running and finished)', category: 'general' },
  { id: 'app.help', short: 'help', keys: ['?'], description: 'help', category: 'general', footer: true },
  { id: 'app.quit', short: 'quit', keys: ['q'], description: 'quit (back on a sub-page)', category: 'general', footer: true },
  // Last on purpose: the footer fills greedily in table order, so export only shows where the width leaves room.
  { id: 'view.export', short: 'export', keys: ['e'], description: 'export this view as a report', category: 'view', views: ['table', 'detail'], footer: true },
  { id: 'app.interrupt', keys: ['ctrl+c'], description: 'quit (press twice)', category: 'general' },
];

// The table in effect: KEYMAP, or a copy with the user's keys from config.yaml (src/ui/keymap-user.ts). One process
// runs one explorer, so a module-level table keeps every `matches` call site unchanged.
let active: readonly Binding[] = KEYMAP;

/** Puts a key table in effect for dispatch, help and footer (the user's rebinding); no argument restores KEYMAP. */
export function installKeymap(table: readonly Binding[] = KEYMAP): void {
  active = table;
}

/** The key table in effect. */
export function activeKeymap(): readonly Binding[] {
  return active;
}

/** The first key of a command in the table in effect, as help shows it ("e"), for messages that name a key. */
export function keyOf(id: CommandId): string {
  return keyLabel(active.find((b) => b.id === id)?.keys.slice(0, 1) ?? []);
}

/** The bindings live in a mode: write commands vanish in read-only mode. */
export function bindingsFor(mode: ExplorerMode, view?: PageKind): Binding[] {
  return active.filter((b) => (mode === 'write' || !b.write) && (!view || !b.views || b.views.includes(view)));
}

/** True when one key spec (e.g. "ctrl+c", "enter", "G") names this keypress. */
export function keyMatches(spec: string, input: string, key: Key): boolean {
  switch (spec) {
    case 'enter': return key.return;
    case 'esc': return key.escape;
    case 'tab': return key.tab && !key.shift;
    case 'up': return key.upArrow;
    case 'down': return key.downArrow;
    case 'left': return key.leftArrow;
    case 'right': return key.rightArrow;
    case 'pgup': return key.pageUp;
    case 'pgdn': return key.pageDown;
    case 'home': return key.home;
    case 'end': return key.end;
    case 'space': return input === ' ' && !key.ctrl;
    case 'backspace': return key.backspace || key.delete;
  }
  if (spec.startsWith('ctrl+')) return key.ctrl && input === spec.slice(5);
  return !key.ctrl && !key.meta && input === spec;
}

/** Is this keypress the given command, in this mode? Unbound (write in read-only) commands never match. */
export function matches(id: CommandId, input: string, key: Key, mode: ExplorerMode = 'read-only'): boolean {
  const b = active.find((x) => x.id === id);
  if (!b || (b.write && mode !== 'write')) return false;
  return b.keys.some((k) => keyMatches(k, input, key));
}

/** The first command this keypress means on this page, or undefined. */
export function commandFor(input: string, key: Key, mode: ExplorerMode, view: PageKind): CommandId | undefined {
  return bindingsFor(mode, view).find((b) => b.keys.some((k) => keyMatches(k, input, key)))?.id;
}

/** Human form of a key list for help and footer, e.g. "↑/k". */
export function keyLabel(keys: string[]): string {
  const pretty: Record<string, string> = { up: '↑', down: '↓', left: '←', right: '→', enter: '⏎', pgup: 'PgUp', pgdn: 'PgDn' };
  if (keys.length > 2 && keys.every((k) => /^\d$/.test(k))) return `${keys[0]}-${keys[keys.length - 1]}`;
  return keys.map((k) => pretty[k] ?? k).join('/');
}
