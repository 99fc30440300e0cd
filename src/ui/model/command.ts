import type { SubscriptionInfo } from '../../inventory/types.js';
import { VIEWS } from '../views/index.js';
import type { ViewId } from '../views/types.js';
import type { Scope } from '../store.js';

/** What a `:` command line means. */
export type ParsedCommand =
  | { kind: 'view'; view: ViewId; scope: Scope }
  | { kind: 'events' }
  | { kind: 'diff'; file: string }
  | { kind: 'quit' }
  | { kind: 'error'; message: string };

const EXTRA_ALIASES: Record<string, 'events' | 'quit'> = { events: 'events', ev: 'events', q: 'quit', quit: 'quit', 'q!': 'quit' };

/** Every alias command mode accepts, for completion and help. */
export function allAliases(): string[] {
  return [...VIEWS.flatMap((v) => v.aliases), ...Object.keys(EXTRA_ALIASES)];
}

/** Parses `alias [@sub] [/loc]`; anything unknown becomes a one-line error naming the fix. */
export function parseCommand(line: string): ParsedCommand {
  const [head, ...rest] = line.trim().split(/\s+/);
  const alias = (head ?? '').toLowerCase();
  if (alias === '') return { kind: 'error', message: 'empty command: type a view alias, e.g. :circuits (tab completes)' };
  const extra = EXTRA_ALIASES[alias];
  if (extra) return { kind: extra };
  const view = VIEWS.find((v) => v.aliases.includes(alias));
  // `:diff FILE` loads a baseline; the file may well start with "/", so it is never read as a /location scope.
  if (view?.id === 'diff' && rest.length > 0 && !rest.every((t) => t.startsWith('@'))) return { kind: 'diff', file: rest.join(' ') };
  if (!view) return { kind: 'error', message: `unknown command "${alias}": try ${VIEWS.map((v) => v.aliases[0]).join(', ')}, events or q` };
  const scope: Scope = {};
  for (const tok of rest) {
    if (tok.startsWith('@') && tok.length > 1) scope.sub = tok.slice(1);
    else if (tok.startsWith('/') && tok.length > 1) scope.loc = tok.slice(1);
    else return { kind: 'error', message: `unexpected "${tok}": scope with @subscription and /location, e.g. :${alias} @prod /weu` };
  }
  return { kind: 'view', view: view.id, scope };
}

function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let p = words[0]!;
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Tab completion of the last word: aliases first, `@` subscription names after; returns new text and the candidates. */
export function complete(line: string, subs: readonly SubscriptionInfo[]): { text: string; candidates: string[] } {
  const words = line.split(' ');
  const last = words[words.length - 1] ?? '';
  let pool: string[];
  let prefix = '';
  if (words.length === 1) pool = allAliases();
  else if (last.startsWith('@')) {
    prefix = '@';
    pool = subs.map((s) => s.displayName);
  } else return { text: line, candidates: [] };
  const q = last.slice(prefix.length).toLowerCase();
  const hits = [...new Set(pool.filter((w) => w.toLowerCase().startsWith(q)))];
  if (hits.length === 0) return { text: line, candidates: [] };
  const head = words.slice(0, -1);
  if (hits.length === 1) return { text: [...head, prefix + hits[0]!].join(' ') + ' ', candidates: [] };
  const cp = commonPrefix(hits.map((h) => h.toLowerCase()));
  const completed = cp.length > q.length ? prefix + cp : last;
  return { text: [...head, completed].join(' '), candidates: hits };
}
