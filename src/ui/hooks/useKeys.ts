import { useInput, type Key } from 'ink';
import { useCallback, useRef, type Dispatch } from 'react';
import { redact } from '../../redact.js';
import type { ExplorerBackend } from '../backend.js';
import { subscriptionsOf } from '../backend.js';
import { commandFor, matches, type CommandId, type PageKind } from '../keymap.js';
import { complete, parseCommand } from '../model/command.js';
import type { Model } from '../model/model.js';
import { pathRootFor } from '../model/paths.js';
import { tablePage, type Action, type UiState } from '../store.js';
import { VIEWS } from '../views/index.js';
import { typeLabel } from '../views/misc.js';
import type { PageContent } from '../model/page.js';
import { handleLiveCommand } from './live-keys.js';
import { handleExportMode, startExport } from './export-keys.js';
import type { LiveView } from './useLive.js';

/** Everything the key handler needs to act on the top page. */
export interface KeyEnv {
  state: UiState;
  dispatch: Dispatch<Action>;
  backend: ExplorerBackend;
  model?: Model;
  content: PageContent;
  pageSize: number;
  quit(): void;
  refresh(): void;
  copy(text: string, what: string): void;
  /** Handlers for write commands (create, fix), injected later; absent = "not available yet". */
  onWrite?: (cmd: CommandId, resourceId: string | undefined) => void;
  /** Live status and the diagnosis runner (absent in bare embeds). */
  live?: LiveView;
  /** Clock for export file names (tests pin it); Date.now when absent. */
  now?: () => number;
}

const printable = (input: string, key: Key) => input.length > 0 && !key.ctrl && !key.meta && !key.return && !key.tab && !key.escape;

function handleCommandMode(env: KeyEnv, input: string, key: Key): void {
  const { state, dispatch } = env;
  if (key.escape) return dispatch({ type: 'mode', mode: 'normal' });
  if (key.tab) {
    const c = complete(state.draft, subscriptionsOf(env.backend, state.data));
    return dispatch({ type: 'draft', draft: c.text, candidates: c.candidates });
  }
  if (key.return) {
    const cmd = parseCommand(state.draft);
    dispatch({ type: 'mode', mode: 'normal' });
    if (cmd.kind === 'quit') return env.quit();
    if (cmd.kind === 'error') return dispatch({ type: 'message', text: `✖ ${cmd.message}`, tone: 'error' });
    if (cmd.kind === 'events') return dispatch({ type: 'root', page: { kind: 'events', cursor: 0, offset: 0 } });
    if (cmd.kind === 'diff') return void compareWith(env, cmd.file);
    dispatch({ type: 'root', page: tablePage(cmd.view, cmd.scope) });
    if (cmd.view === 'diff' && !state.data?.baseline) {
      dispatch({ type: 'message', text: '! no snapshot to compare with: type :diff FILE (saved by erscope inventory --format json --out FILE) or start with --diff FILE', tone: 'warn' });
    }
    return;
  }
  if (key.backspace || key.delete) {
    if (state.draft === '') return dispatch({ type: 'mode', mode: 'normal' });
    return dispatch({ type: 'draft', draft: state.draft.slice(0, -1) });
  }
  if (printable(input, key)) dispatch({ type: 'draft', draft: state.draft + input });
}

/** `:diff FILE`: the core reads and compares the snapshot; the diff view opens on the result, or one ✖ line says why not. */
async function compareWith(env: KeyEnv, file: string): Promise<void> {
  const { state, dispatch, backend } = env;
  if (!backend.compareWith || !state.data) {
    dispatch({ type: 'message', text: backend.compareWith ? '! nothing loaded yet to compare with' : '✖ comparing with a snapshot is not available here', tone: 'error' });
    return;
  }
  try {
    const baseline = await backend.compareWith(file, state.data.graph);
    dispatch({ type: 'loadDone', data: { ...state.data, baseline } });
    const d = baseline.diff;
    dispatch({ type: 'root', page: tablePage('diff') });
    dispatch({ type: 'message', text: `✔ compared with ${file}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`, tone: 'ok' });
  } catch (e) {
    dispatch({ type: 'message', text: `✖ ${(e as Error).message.split('\n')[0]}`, tone: 'error' });
  }
}

function handleFilterMode(env: KeyEnv, input: string, key: Key): void {
  const { state, dispatch } = env;
  if (key.escape) {
    dispatch({ type: 'filter', filter: '' });
    return dispatch({ type: 'mode', mode: 'normal' });
  }
  if (key.return) return dispatch({ type: 'mode', mode: 'normal' });
  let next = state.draft;
  if (key.backspace || key.delete) next = next.slice(0, -1);
  else if (printable(input, key)) next += input;
  else return;
  dispatch({ type: 'draft', draft: next });
  dispatch({ type: 'filter', filter: next });
}

/** The resource under the cursor; on a detail page a line without a resource falls back to the page's own resource. */
function selectedId(env: KeyEnv): string | undefined {
  const top = env.state.stack[env.state.stack.length - 1];
  return env.content.selected?.id ?? (top?.kind === 'detail' ? top.id : undefined);
}

function handleNormal(env: KeyEnv, input: string, key: Key, view: PageKind): void {
  const { state, dispatch, content, pageSize } = env;
  const cmd = commandFor(input, key, env.backend.mode, view);
  if (!cmd) return;
  const move = (a: { delta?: number; to?: number }) => dispatch({ type: 'move', ...a, count: content.count, pageSize });
  const id = selectedId(env);
  switch (cmd) {
    case 'nav.up': return move({ delta: -1 });
    case 'nav.down': return move({ delta: 1 });
    case 'nav.pageUp': return move({ delta: -pageSize });
    case 'nav.pageDown': return move({ delta: pageSize });
    case 'nav.top': return move({ to: 0 });
    case 'nav.bottom': return move({ to: content.count - 1 });
    case 'nav.open':
      // The resiliency table drills into the why (score, single points, paths), not the VNet's JSON.
      if (id && view === 'table' && state.stack[state.stack.length - 1]?.kind === 'table' && content.kind === 'table' && content.view.id === 'resiliency') {
        return dispatch({ type: 'push', page: { kind: 'resiliency', id, cursor: 0, offset: 0 } });
      }
      // The diff table drills into the property changes (old → new); a removed resource has no detail to open anyway.
      if (id && view === 'table' && content.kind === 'table' && content.view.id === 'diff') {
        return dispatch({ type: 'push', page: { kind: 'diff', id, cursor: 0, offset: 0 } });
      }
      if (id) dispatch({ type: 'push', page: { kind: 'detail', id, cursor: 0, offset: 0, expanded: [] } });
      return;
    case 'nav.back':
      if (view === 'table' && state.filter) return dispatch({ type: 'filter', filter: '' });
      return dispatch({ type: 'pop' });
    case 'app.quit':
      return state.stack.length > 1 ? dispatch({ type: 'pop' }) : env.quit();
    case 'app.help': return dispatch({ type: 'mode', mode: 'help' });
    case 'app.command': return dispatch({ type: 'mode', mode: 'command' });
    case 'app.refresh': return env.refresh();
    case 'view.filter': return dispatch({ type: 'mode', mode: 'filter', draft: state.filter });
    case 'view.export': return startExport(env);
    case 'view.jump': return dispatch({ type: 'root', page: tablePage(VIEWS[Number(input) - 1]!.id) });
    case 'view.sortNext':
    case 'view.sortReverse':
      if (content.kind === 'table') dispatch({ type: 'sort', cols: content.placed.map((p) => p.index), reverse: cmd === 'view.sortReverse' });
      return;
    case 'tree.toggle':
      if (content.kind === 'lines' && content.selected?.treeKey) dispatch({ type: 'toggleExpand', key: content.selected.treeKey });
      return;
    case 'res.path': {
      const top = state.stack[state.stack.length - 1];
      const pageId = top?.kind === 'detail' || top?.kind === 'resiliency' ? top.id : undefined;
      const m = env.model;
      const root = m && ((id && pathRootFor(m, id)) || (pageId && pathRootFor(m, pageId)));
      if (root) return dispatch({ type: 'push', page: { kind: 'path', id: root, cursor: 0, offset: 0 } });
      const n = id ? m?.node(id) : undefined;
      return dispatch({ type: 'message', text: `! no paths for ${n ? 'a ' + typeLabel(n.type) : 'this line'}: use p on a VNet, gateway, hub or connection`, tone: 'warn' });
    }
    case 'res.copyId':
      if (id) env.copy(id, 'resource id');
      return;
    case 'res.copyJson': {
      const n = id ? env.model?.node(id) : undefined;
      if (n) env.copy(JSON.stringify(redact(n.body), null, 2), 'JSON (secrets redacted)');
      return;
    }
    case 'res.create':
    case 'res.fix':
    case 'app.writeMode':
    case 'app.operations':
      if (env.onWrite) return env.onWrite(cmd, id);
      return dispatch({ type: 'message', text: `! ${cmd === 'res.fix' ? 'fix' : 'create'} is not available yet`, tone: 'warn' });
    case 'res.diagnose':
    case 'diag.toggle':
      return handleLiveCommand(env, cmd, id);
    case 'app.interrupt':
      return;
  }
}

/**
 * Splits a chunk of several keystrokes (a paste, or keys typed while the app was busy) into single keys, so none is
 * lost or misread: ":connections⏎" must act as ':' then the letters then Enter, in whatever mode each key lands.
 */
export function splitChunk(input: string, key: Key): Array<[string, Key]> {
  const none = Object.fromEntries(Object.keys(key).map((k) => [k, false])) as unknown as Key;
  const out: Array<[string, Key]> = [];
  const chars = [...input];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '\n' && chars[i - 1] === '\r') continue;
    if (ch === '\r' || ch === '\n') out.push(['', { ...none, return: true }]);
    else if (ch === '\t') out.push(['', { ...none, tab: true }]);
    else if (ch === '\x7f' || ch === '\b') out.push(['', { ...none, backspace: true }]);
    else out.push([ch, none]);
  }
  return out;
}

/** The single keystrokes in what Ink delivered: the chunk split when it holds several (see splitChunk), else itself. */
export function keystrokes(input: string, key: Key): Array<[string, Key]> {
  return [...input].length > 1 && !key.ctrl && !key.meta && !input.includes('\x1b') ? splitChunk(input, key) : [[input, key]];
}

/** Wires the keyboard to the store; `getEnv` is read per key so every key sees the state left by the previous one. */
export function useKeys(getEnv: () => KeyEnv, isActive: boolean): void {
  const ref = useRef(getEnv);
  ref.current = getEnv;
  const self = useRef<(input: string, key: Key) => void>(() => undefined);
  const handler = useCallback((input: string, key: Key) => {
    const keys = keystrokes(input, key);
    if (keys.length > 1) {
      for (const [i, k] of keys) self.current(i, k);
      return;
    }
    const env = ref.current();
    const { state, dispatch } = env;
    const view = state.stack[state.stack.length - 1]!.kind;
    if (matches('app.interrupt', input, key, env.backend.mode)) {
      if (state.ctrlCArmed) return env.quit();
      return dispatch({ type: 'ctrlC', armed: true });
    }
    if (state.ctrlCArmed) dispatch({ type: 'ctrlC', armed: false });
    if (state.message && state.mode === 'normal') dispatch({ type: 'message' });
    if (state.mode === 'help') {
      if (matches('nav.up', input, key)) return dispatch({ type: 'helpScroll', delta: -1 });
      if (matches('nav.down', input, key)) return dispatch({ type: 'helpScroll', delta: 1 });
      if ((['nav.back', 'app.help', 'app.quit'] as const).some((c) => matches(c, input, key)) || key.return) dispatch({ type: 'mode', mode: 'normal' });
      return;
    }
    if (state.mode === 'command') return handleCommandMode(env, input, key);
    if (state.mode === 'filter') return handleFilterMode(env, input, key);
    if (state.mode === 'export') return handleExportMode(env, input, key);
    handleNormal(ref.current(), input, key, view);
  }, []);
  self.current = handler;
  useInput(handler, { isActive });
}
