import { normalizeId } from '../../arm/arm-id.js';
import type { Choice } from '../../actions/fields.js';
import { KINDS, wizardOptions, type WizardField } from '../../actions/kinds/index.js';
import type { ActionKind } from '../../actions/plan.js';
import type { TopologyGraph } from '../../topology/types.js';
import type { StepEdit, WriteScreen } from './types.js';

/** The kinds `c` offers, in picker order. */
export const KIND_ORDER: readonly ActionKind[] = ['connection', 'er-connection', 'global-reach', 'peering', 'vpn-connection', 'authorization'];

/** Picker label per kind: the spec's own title, so CLI and TUI say the same thing. */
export function kindTitle(kind: ActionKind): string {
  return KINDS[kind].title;
}

/** Text-like inputs take typed characters; the others pick from a list. */
export function isTyped(f: WizardField['field']): boolean {
  return f.input === 'text' || f.input === 'number' || f.input === 'secret';
}

/** The values a wizard starts from when `c` was pressed on a resource: that resource in the first field that offers it. */
export function prefillFor(graph: TopologyGraph, kind: ActionKind, selection: string | undefined): Record<string, string> {
  if (!selection) return {};
  const want = normalizeId(selection);
  for (const wf of wizardOptions(graph, kind, {})) {
    if (wf.field.input !== 'select') continue;
    if (wf.choices.some((c) => c.enabled && normalizeId(c.value) === want)) return { [wf.field.key]: wf.choices.find((c) => normalizeId(c.value) === want)!.value };
  }
  return {};
}

/** The picker row to start on: the first kind the selected resource can seed. */
export function pickCursorFor(graph: TopologyGraph, selection: string | undefined): number {
  const i = KIND_ORDER.findIndex((k) => Object.keys(prefillFor(graph, k, selection)).length > 0);
  return Math.max(0, i);
}

/** Choices of a field as the list shows them; bool fields get yes/no rows. */
export function choicesOf(wf: WizardField): Choice[] {
  if (wf.field.input === 'bool') return [{ value: 'true', label: 'true', enabled: true }, { value: 'false', label: 'false', enabled: true }];
  return wf.choices;
}

type Wizard = Extract<WriteScreen, { kind: 'wizard' }>;

/** The values with the field being typed applied, so hints and the error follow every keystroke. */
export function effectiveValues(w: Wizard, fields: WizardField[]): Record<string, string> {
  const f = fields[w.step];
  return f && isTyped(f.field) ? { ...w.values, [f.field.key]: w.draft } : w.values;
}

/** The active fields for the wizard right now (defaults filled, errors computed with the draft applied). */
export function wizardFields(graph: TopologyGraph, w: Wizard): WizardField[] {
  const base = wizardOptions(graph, w.action, w.values);
  const f = base[Math.min(w.step, base.length - 1)];
  if (!f || !isTyped(f.field)) return base;
  return wizardOptions(graph, w.action, { ...w.values, [f.field.key]: w.draft });
}

/** Editing state when arriving at a step: the current value in the draft, or the cursor on it (or the first usable row). */
export function editFor(fields: WizardField[], step: number): StepEdit {
  const s = Math.max(0, Math.min(step, fields.length - 1));
  const wf = fields[s];
  if (!wf) return { step: s, cursor: 0, draft: '', show: false };
  if (isTyped(wf.field)) return { step: s, cursor: 0, draft: wf.value, show: false };
  const choices = choicesOf(wf);
  if (wf.field.input === 'multi') return { step: s, cursor: 0, draft: wf.value, show: false };
  const at = choices.findIndex((c) => c.value.toLowerCase() === wf.value.toLowerCase());
  const first = choices.findIndex((c) => c.enabled);
  return { step: s, cursor: Math.max(0, at >= 0 ? at : first), draft: '', show: false };
}

/** The value the step would commit: the draft, the highlighted choice, or the toggled set. */
export function stepValue(wf: WizardField, edit: StepEdit): { value?: string; error?: string } {
  if (isTyped(wf.field) || wf.field.input === 'multi') return { value: edit.draft };
  const c = choicesOf(wf)[edit.cursor];
  if (!c) return { error: 'nothing to choose here: go back and change an earlier answer' };
  if (!c.enabled) return { error: `${c.label} cannot be used: ${c.reason ?? 'not available'}` };
  return { value: c.value };
}

/** Toggles one value in a comma-separated multi selection. */
export function toggleMulti(draft: string, value: string): string {
  const set = draft.split(',').map((s) => s.trim()).filter(Boolean);
  const i = set.findIndex((v) => v.toLowerCase() === value.toLowerCase());
  if (i >= 0) set.splice(i, 1);
  else set.push(value);
  return set.join(',');
}

/** The first choice whose label starts with (else contains) the typed text, for type-to-jump in lists. */
export function jumpTo(choices: Choice[], text: string, from: number): number {
  const t = text.toLowerCase();
  if (!t) return from;
  const starts = choices.findIndex((c) => c.label.toLowerCase().startsWith(t));
  const has = choices.findIndex((c) => c.label.toLowerCase().includes(t));
  return starts >= 0 ? starts : has >= 0 ? has : from;
}

/** A secret as the screen shows it: one bullet per character unless the user toggled it visible. */
export function masked(value: string, visible: boolean): string {
  return visible ? value : '•'.repeat(value.length);
}
