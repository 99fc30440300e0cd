import type { Key } from 'ink';
import { REPORT_FORMATS } from '../../report/formats.js';
import { keyOf } from '../keymap.js';
import { cycleExportFormat, exportBaseName, exportFormatOf, exportLabel, exportScopeFor } from '../model/export.js';
import type { KeyEnv } from './useKeys.js';

const printable = (input: string, key: Key) => input.length > 0 && !key.ctrl && !key.meta && !key.return && !key.tab && !key.escape;

/** The first line of whatever was thrown, so a failed export is one status line and never a crash. */
function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0]!.trim() || 'unknown error';
}

/** `e` on a table or detail page: opens the format prompt with the file name fixed now (or says why it cannot). */
export function startExport(env: KeyEnv): void {
  const { state, dispatch, backend, model } = env;
  if (!backend.exportView) return dispatch({ type: 'message', text: '! export not available', tone: 'warn' });
  if (!model) return dispatch({ type: 'message', text: `! nothing loaded yet: wait for the inventory, then press ${keyOf('view.export')} again`, tone: 'warn' });
  const top = state.stack[state.stack.length - 1]!;
  const label = exportLabel(top, (id) => model.node(id)?.name);
  dispatch({ type: 'exportPrompt', base: exportBaseName(label, (env.now ?? Date.now)()) });
}

/** Keys while the export prompt is open: type or tab through formats, Enter writes, esc cancels without writing. */
export function handleExportMode(env: KeyEnv, input: string, key: Key): void {
  const { state, dispatch } = env;
  if (key.escape) return dispatch({ type: 'mode', mode: 'normal' });
  if (key.tab) return dispatch({ type: 'draft', draft: cycleExportFormat(state.draft) });
  if (key.return) return runExport(env);
  if (key.backspace || key.delete) {
    if (state.draft === '') return dispatch({ type: 'mode', mode: 'normal' });
    return dispatch({ type: 'draft', draft: state.draft.slice(0, -1) });
  }
  if (!printable(input, key)) return;
  // Fast tabs arrive as one chunk ("\t\t") rather than as tab keys: replay each as a cycle; formats never hold spaces.
  let draft = state.draft;
  for (const ch of input) draft = ch === '\t' ? cycleExportFormat(draft) : /[\s\p{Cc}]/u.test(ch) ? draft : draft + ch;
  dispatch({ type: 'draft', draft });
}

function runExport(env: KeyEnv): void {
  const { state, dispatch, backend } = env;
  dispatch({ type: 'mode', mode: 'normal' });
  const format = exportFormatOf(state.draft);
  if (!format) {
    const typed = state.draft.trim().replace(/[^\x20-\x7e]/g, '?');
    return dispatch({ type: 'message', text: `✖ unknown format "${typed}": use ${REPORT_FORMATS.join('|')} (tab cycles)`, tone: 'error' });
  }
  const exportView = backend.exportView;
  if (!exportView) return dispatch({ type: 'message', text: '! export not available', tone: 'warn' });
  const top = state.stack[state.stack.length - 1]!;
  const scope = exportScopeFor(top, env.content);
  if ('refusal' in scope) return dispatch({ type: 'message', text: scope.refusal, tone: 'warn' });
  const file = `${state.exportBase ?? exportBaseName(exportLabel(top, () => undefined), Date.now())}.${format}`;
  dispatch({ type: 'message', text: `… writing ${file}`, tone: 'muted' });
  void Promise.resolve()
    .then(() => exportView({ format, file, ...scope }))
    .then(
      (r) => dispatch({ type: 'message', text: `✔ wrote ${r.file} (${r.resources} resources, ${r.findings} findings)`, tone: 'ok' }),
      (err: unknown) => dispatch({ type: 'message', text: `✖ export failed: ${oneLine(err)}`, tone: 'error' }),
    );
}
