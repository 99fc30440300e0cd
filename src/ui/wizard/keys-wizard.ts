import type { Key } from 'ink';
import { wizardOptions } from '../../actions/kinds/index.js';
import { keyMatches } from '../keymap.js';
import { buildFromWizard, type WriteEnv } from './flow.js';
import { show } from './session.js';
import type { WriteScreen } from './types.js';
import { choicesOf, editFor, isTyped, jumpTo, KIND_ORDER, stepValue, toggleMulti, wizardFields } from './wizard-model.js';

type Wizard = Extract<WriteScreen, { kind: 'wizard' }>;

const printable = (input: string, key: Key) => input.length > 0 && !key.ctrl && !key.meta && !key.return && !key.tab && !key.escape;

/** Moves to another step with the values so far; past the last field the plan is built, before the first the picker returns. */
function goTo(env: WriteEnv, w: Wizard, values: Record<string, string>, step: number): void {
  if (step < 0) return show(env.store, { kind: 'pick', cursor: KIND_ORDER.indexOf(w.action), ...(w.selection ? { selection: w.selection } : {}) });
  const fields = wizardOptions(env.graph!, w.action, values);
  if (step >= fields.length) return buildFromWizard(env, { ...w, values, error: undefined });
  show(env.store, { ...w, values, ...editFor(fields, step), error: undefined });
}

/** The values with this step's answer stored (a disabled or missing choice leaves the old value). */
function committed(w: Wizard, key: string, value: string | undefined): Record<string, string> {
  return value === undefined ? w.values : { ...w.values, [key]: value };
}

/**
 * One key on a wizard step: typing edits the draft (validated live), lists move with ↑/↓ or type-to-jump,
 * enter accepts and advances, tab/shift-tab move between fields, esc goes back, ctrl-t shows/hides a secret.
 */
export function wizardKey(env: WriteEnv, w: Wizard, input: string, key: Key): void {
  if (!env.graph) return;
  const fields = wizardFields(env.graph, w);
  const wf = fields[w.step];
  if (!wf) return goTo(env, w, w.values, w.step >= fields.length ? fields.length : -1);
  const typed = isTyped(wf.field);
  const choices = choicesOf(wf);
  const set = (patch: Partial<Wizard>) => show(env.store, { ...w, ...patch });
  const answer = stepValue(wf, w);

  if (key.escape) return goTo(env, w, typed ? committed(w, wf.field.key, w.draft) : w.values, w.step - 1);
  if (key.tab) return goTo(env, w, committed(w, wf.field.key, answer.value), Math.max(0, w.step + (key.shift ? -1 : 1)));
  if (key.return) {
    const error = answer.error ?? (typed ? wf.error : undefined);
    if (error) return set({ error });
    return goTo(env, w, committed(w, wf.field.key, answer.value), w.step + 1);
  }
  if (keyMatches('ctrl+t', input, key)) return set({ show: !w.show });
  if (keyMatches('ctrl+u', input, key)) return set({ draft: '', error: undefined });
  if (!typed) {
    if (key.upArrow || key.downArrow) {
      const n = Math.max(1, choices.length);
      return set({ cursor: (w.cursor + (key.upArrow ? -1 : 1) + n) % n, ...(wf.field.input === 'multi' ? {} : { draft: '' }), error: undefined });
    }
    if (wf.field.input === 'multi' && input === ' ') {
      const c = choices[w.cursor];
      return c ? set({ draft: toggleMulti(w.draft, c.value), error: undefined }) : undefined;
    }
    if (wf.field.input === 'multi') return;
    // Type-to-jump: the draft holds what was typed, the cursor follows the first matching choice.
    if (key.backspace || key.delete) return set({ draft: w.draft.slice(0, -1) });
    if (printable(input, key)) {
      const draft = w.draft + input;
      return set({ draft, cursor: jumpTo(choices, draft, w.cursor), error: undefined });
    }
    return;
  }
  if (key.backspace || key.delete) return set({ draft: w.draft.slice(0, -1), error: undefined });
  if (printable(input, key)) return set({ draft: w.draft + input, error: undefined });
}
