import type { WizardField } from '../../actions/kinds/index.js';
import { fixChoices } from '../../actions/fix.js';
import type { TrackedOperation } from '../../actions/tracker.js';
import type { Finding } from '../../checks/types.js';
import { line, wrapped, type Line } from '../model/lines.js';
import { GLYPH } from '../theme.js';
import { runningText } from './session.js';
import type { WriteScreen } from './types.js';
import { choicesOf, isTyped, KIND_ORDER, kindTitle, masked } from './wizard-model.js';

/** Lines plus the index of the highlighted one (or -1), so the panel can keep it in view. */
export interface ScreenLines {
  lines: Line[];
  cursor: number;
}

/** "type WRITE to enable writes" with what is typed so far. */
export function enableLines(s: Extract<WriteScreen, { kind: 'enable' }>, width: number, dryRun: boolean): ScreenLines {
  const lines = [
    line({ text: 'Enable writes', tone: 'title' }),
    line(''),
    ...wrapped('Write mode binds c (create) and f (fix). Nothing is sent without a reviewed plan and the resource name typed again.', width, '  '),
    ...(dryRun ? [line({ text: '  dry run: plans are shown, never sent', tone: 'info' })] : []),
    line(''),
    line({ text: '  type WRITE to enable writes: ', tone: 'warn' }, s.draft, { text: ' ', tone: 'selection' }),
    ...(s.error ? [line({ text: `  ${GLYPH.error} ${s.error}`, tone: 'error' })] : []),
  ];
  return { lines, cursor: -1 };
}

/** The kind picker: one row per creatable kind, the cursor on the kind the selection can seed. */
export function pickLines(s: Extract<WriteScreen, { kind: 'pick' }>, selectionName: string | undefined): ScreenLines {
  const lines = [line({ text: 'Create: pick what to create', tone: 'title' }, { text: selectionName ? `   (from ${selectionName})` : '', tone: 'muted' }), line('')];
  KIND_ORDER.forEach((k, i) => lines.push(line({ text: `  ${i === s.cursor ? '▸' : ' '} ${i + 1}  ${k.padEnd(15)}`, tone: 'accent' }, kindTitle(k))));
  return { lines, cursor: s.cursor + 2 };
}

function answerText(wf: WizardField): string {
  if (wf.field.input === 'secret') return wf.value ? masked(wf.value, false) : '(empty)';
  const names = wf.value.split(',').filter(Boolean).map((v) => wf.choices.find((c) => c.value === v)?.label ?? v);
  return names.join(',') || '(empty)';
}

/** One wizard step: progress, help, the input (list or text), hints, the validation message, and the answers so far. */
export function wizardLines(w: Extract<WriteScreen, { kind: 'wizard' }>, fields: WizardField[], width: number, listRows: number): ScreenLines {
  const wf = fields[w.step];
  const out: Line[] = [line({ text: `Create ${w.action}: `, tone: 'title' }, kindTitle(w.action))];
  if (!wf) return { lines: out, cursor: -1 };
  const before = fields.slice(0, w.step).map((f) => `${f.field.key}=${answerText(f)}`).join('  ');
  out.push(line({ text: `Step ${w.step + 1} of ${fields.length}: `, tone: 'accent' }, { text: wf.field.label, tone: 'title' }, { text: wf.field.required ? '' : '  (optional)', tone: 'muted' }));
  out.push(...wrapped(wf.field.help, width, '  ', 'muted'));
  let cursor = -1;
  if (isTyped(wf.field)) {
    const shown = wf.field.input === 'secret' ? masked(w.draft, w.show) : w.draft;
    out.push(line({ text: '  > ', tone: 'accent' }, shown, { text: ' ', tone: 'selection' }, { text: wf.field.input === 'secret' ? `   (ctrl-t ${w.show ? 'hides' : 'shows'})` : '', tone: 'muted' }));
  } else {
    const choices = choicesOf(wf);
    const start = Math.max(0, Math.min(w.cursor - Math.floor(listRows / 2), choices.length - listRows));
    const picked = new Set(w.draft.split(',').filter(Boolean).map((v) => v.toLowerCase()));
    if (choices.length === 0) out.push(line({ text: '  (no choices: go back and change an earlier answer)', tone: 'muted' }));
    choices.slice(start, start + listRows).forEach((c, i) => {
      if (start + i === w.cursor) cursor = out.length;
      const box = wf.field.input === 'multi' ? (picked.has(c.value.toLowerCase()) ? '[x] ' : '[ ] ') : '';
      const note = c.enabled ? (c.reason ? `! ${c.reason}` : (c.detail ?? '')) : `${GLYPH.error} ${c.reason ?? 'not available'}`;
      out.push(line({ text: `  ${start + i === w.cursor ? '▸' : ' '} ${box}${c.label.padEnd(18)} `, tone: c.enabled ? 'plain' : 'muted' }, { text: note, tone: c.enabled ? (c.reason ? 'warn' : 'muted') : 'muted' }));
    });
    if (choices.length > listRows) out.push(line({ text: `  … ${choices.length} choices (↑/↓ or type to jump)`, tone: 'muted' }));
    else if (w.draft && wf.field.input === 'select') out.push(line({ text: `  jump: ${w.draft}`, tone: 'muted' }));
  }
  for (const h of wf.hints) out.push(line({ text: `  ${GLYPH.info} ${h}`, tone: 'info' }));
  const error = w.error ?? (isTyped(wf.field) ? wf.error : undefined);
  if (error) out.push(...wrapped(`${GLYPH.error} ${error}`, width, '  ', 'error'));
  if (before) out.push(line(''), ...wrapped(`so far: ${before}`, width, '  ', 'muted'));
  return { lines: out, cursor };
}

/** The choices a fix needs before it can be planned. */
export function fixLines(s: Extract<WriteScreen, { kind: 'fix' }>, width: number): ScreenLines {
  const f: Finding = s.finding;
  const out = [line({ text: `Fix ${f.ruleId}: `, tone: 'title' }, f.title), ...wrapped(f.fix?.description ?? '', width, '  ', 'ok'), line('')];
  let cursor = -1;
  fixChoices(f).forEach((c, i) => {
    if (i === s.cursor) cursor = out.length;
    out.push(line({ text: `  ${i === s.cursor ? '▸' : ' '} ${c.label}`, tone: 'plain' }, { text: typeof c.value === 'string' && c.value !== c.label ? `  ${c.value}` : '', tone: 'muted' }));
  });
  if (s.error) out.push(...wrapped(`${GLYPH.error} ${s.error}`, width, '  ', 'error'));
  return { lines: out, cursor };
}

/** Every write of the session, newest first, with its state. */
export function opsLines(ops: TrackedOperation[], cursor: number, now: number): ScreenLines {
  const running = ops.filter((o) => o.status === 'running').length;
  const out = [line({ text: 'Operations', tone: 'title' }, { text: `   ${running ? runningText(running) : 'none running'}`, tone: 'muted' }), line('')];
  if (ops.length === 0) out.push(line({ text: '  (no writes in this session yet)', tone: 'muted' }));
  ops.forEach((o, i) => {
    const look = o.status === 'running' ? { g: '⟳', t: 'info' as const } : o.status === 'succeeded' ? { g: GLYPH.ok, t: 'ok' as const } : { g: GLYPH.error, t: 'error' as const };
    const secs = Math.round(((o.status === 'running' ? now : o.startedAt + (o.last?.elapsedMs ?? 0)) - o.startedAt) / 1000);
    out.push(line({ text: `  ${i === cursor ? '▸' : ' '} ${look.g} ${o.status.padEnd(10)}`, tone: look.t }, `${o.plan.title}`, { text: `  ${o.last?.state ?? ''} ${secs} s`, tone: 'muted' }));
  });
  return { lines: out, cursor: ops.length ? cursor + 2 : -1 };
}
