import type { Key } from 'ink';
import { fixChoices, isFixable } from '../../actions/fix.js';
import type { Finding } from '../../checks/types.js';
import { keyMatches, keyOf, type CommandId } from '../keymap.js';
import { confirmApply, errorText, leaveOp, openReview, replanOp, startFix, type WriteEnv } from './flow.js';
import { wizardKey } from './keys-wizard.js';
import { patchScreen, show } from './session.js';
import type { WriteScreen } from './types.js';
import { editFor, KIND_ORDER, pickCursorFor, prefillFor } from './wizard-model.js';
import { wizardOptions } from '../../actions/kinds/index.js';

const printable = (input: string, key: Key) => input.length > 0 && !key.ctrl && !key.meta && !key.return && !key.tab && !key.escape;

/** The text that switches a session to write mode; typed, so a stray keypress can never enable writes. */
export const WRITE_WORD = 'WRITE';

/** Cursor step for ↑/↓ (and j/k on pages without typing), wrapping within `n` rows. */
function step(input: string, key: Key, letters: boolean): number {
  if (key.upArrow || (letters && input === 'k')) return -1;
  if (key.downArrow || (letters && input === 'j')) return 1;
  if (key.pageUp) return -10;
  if (key.pageDown) return 10;
  return 0;
}

const wrap = (i: number, n: number) => (n <= 0 ? 0 : (i + n) % n);

/** Starts the write flow for a command: w (typed WRITE), o (operations), c (kind picker) or f (fix the finding). */
export function openWrite(env: WriteEnv, cmd: CommandId, resourceId: string | undefined, finding: Finding | undefined, fixable: Finding[]): void {
  const { store, writes, dispatch } = env;
  const mode = store.getState().mode;
  if (cmd === 'app.writeMode') {
    if (!writes) return dispatch({ type: 'message', text: '! writes are not available in this session', tone: 'warn' });
    if (mode === 'write') return dispatch({ type: 'message', text: `already in write mode${writes.dryRun ? ' (dry run)' : ''}`, tone: 'info' });
    return show(store, { kind: 'enable', draft: '' });
  }
  if (cmd === 'app.operations') {
    const ops = writes?.tracker.list() ?? [];
    return show(store, ops.length === 1 ? { kind: 'op', opId: ops[0]!.id, offset: 0 } : { kind: 'ops', cursor: 0 });
  }
  if (!writes || mode !== 'write') return;
  if (!env.graph) return dispatch({ type: 'message', text: '! nothing loaded yet: wait for the load to finish, then try again', tone: 'warn' });
  if (cmd === 'res.create') return show(store, { kind: 'pick', cursor: pickCursorFor(env.graph, resourceId), ...(resourceId ? { selection: resourceId } : {}) });
  if (cmd !== 'res.fix') return;
  const f = finding ? (isFixable(finding) ? finding : undefined) : fixable.find(isFixable);
  if (!f) {
    const what = finding ? `${finding.ruleId} has no automatic fix: ${finding.fix?.description ?? 'see the docs link'}` : `no finding with an automatic fix here: open the findings view (7) and press ${keyOf('res.fix')} on one`;
    return dispatch({ type: 'message', text: `! ${what}`, tone: 'warn' });
  }
  if (fixChoices(f).length) return show(store, { kind: 'fix', finding: f, cursor: 0 });
  startFix(env, f);
}

function enableKey(env: WriteEnv, s: Extract<WriteScreen, { kind: 'enable' }>, input: string, key: Key): void {
  if (key.escape) return show(env.store, undefined);
  if (key.return) {
    if (s.draft !== WRITE_WORD) return show(env.store, { ...s, draft: '', error: `type ${WRITE_WORD} in capitals to enable writes (esc stays read-only)` });
    try {
      env.writes!.enable();
    } catch (e) {
      return show(env.store, { ...s, draft: '', error: errorText(e) });
    }
    env.store.set((st) => ({ ...st, mode: 'write', screen: undefined }));
    const dry = env.writes!.dryRun ? ' (dry run: plans are shown, never sent)' : '';
    return env.dispatch({ type: 'message', text: `✔ write mode: c creates, f fixes; every apply asks for the resource name${dry}`, tone: 'warn' });
  }
  if (key.backspace || key.delete) return show(env.store, { ...s, draft: s.draft.slice(0, -1) });
  if (printable(input, key)) show(env.store, { ...s, draft: s.draft + input, error: undefined });
}

/** Opens the wizard of one kind directly (`erscope create KIND` on a terminal); false when writes or data are not ready. */
export function openCreateWizard(env: WriteEnv, action: string): boolean {
  const kind = KIND_ORDER.find((k) => k === action);
  if (!kind || !env.graph || !env.writes || env.store.getState().mode !== 'write') return false;
  const values = prefillFor(env.graph, kind, undefined);
  show(env.store, { kind: 'wizard', action: kind, values, ...editFor(wizardOptions(env.graph, kind, values), 0) });
  return true;
}

function pickKey(env: WriteEnv, s: Extract<WriteScreen, { kind: 'pick' }>, input: string, key: Key): void {
  if (key.escape) return show(env.store, undefined);
  const d = step(input, key, true);
  if (d) return show(env.store, { ...s, cursor: wrap(s.cursor + Math.sign(d), KIND_ORDER.length) });
  const n = Number(input);
  const cursor = Number.isInteger(n) && n >= 1 && n <= KIND_ORDER.length ? n - 1 : key.return ? s.cursor : -1;
  if (cursor < 0 || !env.graph) return;
  const action = KIND_ORDER[cursor]!;
  const values = prefillFor(env.graph, action, s.selection);
  show(env.store, { kind: 'wizard', action, values, ...editFor(wizardOptions(env.graph, action, values), 0), ...(s.selection ? { selection: s.selection } : {}) });
}

function fixKey(env: WriteEnv, s: Extract<WriteScreen, { kind: 'fix' }>, input: string, key: Key): void {
  const choices = fixChoices(s.finding);
  if (key.escape) return show(env.store, undefined);
  const d = step(input, key, true);
  if (d) return show(env.store, { ...s, cursor: wrap(s.cursor + Math.sign(d), choices.length), error: undefined });
  if (key.return && choices[s.cursor]) startFix(env, s.finding, choices[s.cursor]!.label, s);
}

function reviewKey(env: WriteEnv, s: Extract<WriteScreen, { kind: 'review' }>, input: string, key: Key): void {
  if (key.escape) return show(env.store, s.back);
  const d = step(input, key, false);
  if (d) return patchScreen(env.store, 'review', (r) => ({ ...r, offset: Math.max(0, r.offset + d) }));
  if (key.return) return confirmApply(env, s);
  if (keyMatches('ctrl+u', input, key)) return patchScreen(env.store, 'review', (r) => ({ ...r, confirm: '' }));
  if (key.backspace || key.delete) return patchScreen(env.store, 'review', (r) => ({ ...r, confirm: r.confirm.slice(0, -1), error: undefined }));
  if (printable(input, key) && !env.writes?.dryRun) patchScreen(env.store, 'review', (r) => ({ ...r, confirm: r.confirm + input, error: undefined }));
}

function opKey(env: WriteEnv, s: Extract<WriteScreen, { kind: 'op' }>, input: string, key: Key): void {
  const op = env.writes?.tracker.get(s.opId);
  if (key.escape || input === 'q') return leaveOp(env, op);
  const d = step(input, key, true);
  if (d) return patchScreen(env.store, 'op', (o) => ({ ...o, offset: Math.max(0, o.offset + d) }));
  if (!op || s.busy) return;
  if (input === 'o') return show(env.store, { kind: 'ops', cursor: 0 });
  if (input === 'r' && (op.status === 'conflict' || op.status === 'failed')) return replanOp(env, op);
  if (key.return && op.status === 'failed') return openReview(env, op.plan);
  const reveal = op.result?.status === 'succeeded' ? op.result.reveal : undefined;
  if (input === 'y' && reveal && !env.store.getState().revealed.includes(op.id)) env.copy(reveal.value, `${reveal.label} (not shown again)`);
}

function opsKey(env: WriteEnv, s: Extract<WriteScreen, { kind: 'ops' }>, input: string, key: Key): void {
  const ops = env.writes?.tracker.list() ?? [];
  if (key.escape || input === 'q') return show(env.store, undefined);
  const d = step(input, key, true);
  if (d) return show(env.store, { ...s, cursor: wrap(s.cursor + Math.sign(d), ops.length) });
  const op = ops[s.cursor];
  if (key.return && op) show(env.store, { kind: 'op', opId: op.id, offset: 0 });
}

/** Routes one key to the open write screen; ctrl-c keeps its quit-twice meaning everywhere. */
export function writeKey(env: WriteEnv, input: string, key: Key): void {
  const s = env.store.getState().screen;
  if (!s) return;
  if (keyMatches('ctrl+c', input, key)) {
    if (env.state.ctrlCArmed) return env.quit();
    return env.dispatch({ type: 'ctrlC', armed: true });
  }
  if (env.state.ctrlCArmed) env.dispatch({ type: 'ctrlC', armed: false });
  if (env.state.message) env.dispatch({ type: 'message' });
  switch (s.kind) {
    case 'enable': return enableKey(env, s, input, key);
    case 'pick': return pickKey(env, s, input, key);
    case 'wizard': return wizardKey(env, s, input, key);
    case 'fix': return fixKey(env, s, input, key);
    case 'review': return reviewKey(env, s, input, key);
    case 'op': return opKey(env, s, input, key);
    case 'ops': return opsKey(env, s, input, key);
  }
}
