import type { ExplorerData, LoadProgress } from './backend.js';
import type { Tone } from './theme.js';
import type { ViewId } from './views/types.js';

/** `@sub /loc` narrowing of a table view, set from command mode. */
export interface Scope {
  sub?: string;
  loc?: string;
}

/** One entry of the page stack (breadcrumbs are the stack). */
export type Page =
  | { kind: 'table'; view: ViewId; scope: Scope; cursor: number; offset: number; sort?: { col: number; desc: boolean } }
  | { kind: 'detail'; id: string; cursor: number; offset: number; expanded: string[] }
  | { kind: 'path'; id: string; cursor: number; offset: number }
  | { kind: 'resiliency'; id: string; cursor: number; offset: number }
  | { kind: 'diff'; id: string; cursor: number; offset: number }
  | { kind: 'events'; cursor: number; offset: number }
  | { kind: 'diagnose'; id: string; cursor: number; offset: number; expanded: string[] };

/** What the keyboard is typing into right now. */
export type InputMode = 'normal' | 'command' | 'filter' | 'help' | 'export';

/** The whole UI state; data is the last good load, kept on screen when a refresh fails. */
export interface UiState {
  stack: Page[];
  mode: InputMode;
  /** Text being typed in command or filter mode. */
  draft: string;
  candidates: string[];
  /** Sticky table filter across views; a leading `!` inverts it. */
  filter: string;
  message?: { text: string; tone: Tone };
  ctrlCArmed: boolean;
  helpOffset: number;
  /** File name without extension offered by the export prompt, fixed when `e` opens it. */
  exportBase?: string;
  data?: ExplorerData;
  loading?: LoadProgress;
  /** Set when the latest load failed; the previous data (if any) is then stale. */
  loadError?: string;
}

/** Every state change the UI makes. */
export type Action =
  | { type: 'push'; page: Page }
  | { type: 'pop' }
  | { type: 'root'; page: Page }
  | { type: 'move'; delta?: number; to?: number; count: number; pageSize: number }
  | { type: 'sort'; cols: number[]; reverse: boolean }
  | { type: 'toggleExpand'; key: string }
  | { type: 'mode'; mode: InputMode; draft?: string }
  | { type: 'draft'; draft: string; candidates?: string[] }
  | { type: 'filter'; filter: string }
  | { type: 'message'; text?: string; tone?: Tone }
  | { type: 'ctrlC'; armed: boolean }
  | { type: 'helpScroll'; delta: number }
  | { type: 'exportPrompt'; base: string }
  | { type: 'loadStart' }
  | { type: 'loadProgress'; progress: LoadProgress }
  | { type: 'loadDone'; data: ExplorerData }
  | { type: 'loadFail'; error: string };

/** A fresh table page. */
export function tablePage(view: ViewId, scope: Scope = {}): Page {
  return { kind: 'table', view, scope, cursor: 0, offset: 0 };
}

/** Initial state: the given view on top, nothing loaded yet (or the backend's initial data). */
export function initialState(view: ViewId, data?: ExplorerData): UiState {
  return { stack: [tablePage(view)], mode: 'normal', draft: '', candidates: [], filter: '', ctrlCArmed: false, helpOffset: 0, data };
}

function mapTop(s: UiState, f: (p: Page) => Page): UiState {
  const top = s.stack[s.stack.length - 1]!;
  return { ...s, stack: [...s.stack.slice(0, -1), f(top)] };
}

/** Keeps the cursor inside the list and the window around the cursor. */
export function clampWindow(cursor: number, offset: number, count: number, pageSize: number): { cursor: number; offset: number } {
  const c = Math.max(0, Math.min(cursor, count - 1));
  const size = Math.max(1, pageSize);
  let o = Math.max(0, Math.min(offset, Math.max(0, count - size)));
  if (c < o) o = c;
  if (c >= o + size) o = c - size + 1;
  return { cursor: Math.max(0, c), offset: Math.max(0, o) };
}

/** The reducer behind every hook in the UI. */
export function reducer(s: UiState, a: Action): UiState {
  switch (a.type) {
    case 'push':
      return { ...s, stack: [...s.stack, a.page], message: undefined };
    case 'pop':
      return s.stack.length > 1 ? { ...s, stack: s.stack.slice(0, -1), message: undefined } : s;
    case 'root':
      return { ...s, stack: [a.page], message: undefined };
    case 'move':
      return mapTop(s, (p) => ({ ...p, ...clampWindow(a.to ?? p.cursor + (a.delta ?? 0), p.offset, a.count, a.pageSize) }));
    case 'sort':
      return mapTop(s, (p) => {
        if (p.kind !== 'table' || a.cols.length === 0) return p;
        if (a.reverse) return { ...p, sort: { col: p.sort?.col ?? a.cols[0]!, desc: !(p.sort?.desc ?? false) } };
        const i = p.sort ? a.cols.indexOf(p.sort.col) : -1;
        return { ...p, sort: { col: a.cols[(i + 1) % a.cols.length]!, desc: false }, cursor: 0, offset: 0 };
      });
    case 'toggleExpand':
      return mapTop(s, (p) =>
        p.kind !== 'detail' && p.kind !== 'diagnose' ? p : { ...p, expanded: p.expanded.includes(a.key) ? p.expanded.filter((k) => k !== a.key) : [...p.expanded, a.key] },
      );
    case 'mode':
      return { ...s, mode: a.mode, draft: a.draft ?? '', candidates: [], helpOffset: 0 };
    case 'draft':
      return { ...s, draft: a.draft, candidates: a.candidates ?? [] };
    case 'filter':
      return mapTop({ ...s, filter: a.filter }, (p) => ({ ...p, cursor: 0, offset: 0 }));
    case 'message':
      return { ...s, message: a.text === undefined ? undefined : { text: a.text, tone: a.tone ?? 'info' } };
    case 'ctrlC':
      return { ...s, ctrlCArmed: a.armed, message: a.armed ? { text: 'press ctrl-c again to quit', tone: 'warn' } : s.message };
    case 'helpScroll':
      return { ...s, helpOffset: Math.max(0, s.helpOffset + a.delta) };
    case 'exportPrompt':
      return { ...s, mode: 'export', draft: '', candidates: [], exportBase: a.base, message: undefined };
    case 'loadStart':
      return { ...s, loading: { done: 0, total: 0 } };
    case 'loadProgress':
      return { ...s, loading: a.progress };
    case 'loadDone':
      return { ...s, data: a.data, loading: undefined, loadError: undefined };
    case 'loadFail':
      return { ...s, loading: undefined, loadError: a.error };
  }
}

/** A tiny external store: the key handler reads fresh state synchronously, React reads it via useSyncExternalStore. */
export interface Store {
  getState(): UiState;
  dispatch(a: Action): void;
  subscribe(listener: () => void): () => void;
}

/** Creates the store around the reducer. */
export function createStore(initial: UiState): Store {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch: (a) => {
      const next = reducer(state, a);
      if (next === state) return;
      state = next;
      for (const l of [...listeners]) l();
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}
