import { evidenceLines, VERDICT_GLYPH } from '../../diagnose/format.js';
import type { Conclusion, DiagnosisStep, Verdict } from '../../diagnose/types.js';
import type { Tone } from '../theme.js';
import { GLYPH } from '../theme.js';
import type { DiagnoseRunState } from './diagnose-run.js';
import { line, wrapText, wrapped, type Line } from './lines.js';

/** Placeholder glyph of the running step; DiagnosePane swaps it for the current spinner frame. */
export const SPIN_MARK = '◐';

/** Colour token per verdict (the glyph carries the meaning without colour). */
export const VERDICT_TONE: Record<Verdict, Tone> = { pass: 'ok', fail: 'error', warn: 'warn', skipped: 'stub' };

/** Prefix for the tree key of a step head line (enter/space toggles its evidence). */
export const STEP_KEY = 'step:';

function stepLines(s: DiagnosisStep, n: number, open: boolean, width: number): Line[] {
  const ev = evidenceLines(s.evidence);
  const mark = ev.length === 0 ? ' ' : open ? GLYPH.expanded : GLYPH.collapsed;
  const head: Line = {
    ...line(
      ` ${mark} `,
      { text: VERDICT_GLYPH[s.verdict], tone: VERDICT_TONE[s.verdict] },
      ` ${String(n).padStart(2)} `,
      { text: s.title, tone: 'title' },
      { text: ev.length && !open ? `  (${ev.length} evidence)` : '', tone: 'muted' },
    ),
    treeKey: STEP_KEY + s.id,
  };
  const out = [head, ...wrapped(s.detail, width, '        ', s.verdict === 'pass' ? 'muted' : VERDICT_TONE[s.verdict])];
  if (open) for (const e of ev) out.push(...wrapped(e, width, '        │ ', 'info'));
  return out;
}

function progressLines(run: DiagnoseRunState): Line[] {
  return run.progress.map((p) =>
    p.verdict
      ? line('   ', { text: VERDICT_GLYPH[p.verdict], tone: VERDICT_TONE[p.verdict] }, ` ${p.message}`)
      : line('   ', { text: SPIN_MARK, tone: 'info' }, ` ${p.message}…`),
  );
}

/** The conclusion drawn as a box, so the answer stands apart from the evidence above it. */
export function conclusionBox(c: Conclusion, width: number, failed: boolean): Line[] {
  const outer = Math.max(24, width - 2);
  const inner = outer - 4;
  const title = '─ conclusion ';
  const body = [
    ...wrapText(`Most likely fault: ${c.fault}`, inner).map((t) => ({ text: t, tone: (failed ? 'error' : 'ok') as Tone })),
    ...wrapText(`Next action: ${c.nextAction}`, inner).map((t) => ({ text: t, tone: 'plain' as Tone })),
  ];
  return [
    line(' ', { text: `┌${title}${'─'.repeat(Math.max(0, outer - 2 - title.length))}┐`, tone: 'accent' }),
    ...body.map((b) => line(' ', { text: '│ ', tone: 'accent' }, { text: b.text.padEnd(inner), tone: b.tone }, { text: ' │', tone: 'accent' })),
    line(' ', { text: `└${'─'.repeat(outer - 2)}┘`, tone: 'accent' }),
  ];
}

/** Every line of the diagnose page: title, live progress (running) or the steps with evidence (done), then the conclusion. */
export function diagnoseLines(run: DiagnoseRunState | undefined, title: string, expanded: ReadonlySet<string>, width: number): Line[] {
  const out: Line[] = [line({ text: `Diagnosis of ${title}`, tone: 'title' })];
  if (!run) return [...out, line({ text: '  nothing running (esc goes back)', tone: 'muted' })];
  if (run.status === 'running') {
    out.push(line({ text: `  running the ExpressRoute troubleshooting flow… (esc aborts)`, tone: 'muted' }), line(''));
    return [...out, ...progressLines(run)];
  }
  if (run.status === 'failed') {
    return [...out, line(''), ...wrapped(`${GLYPH.error} diagnosis failed: ${run.error ?? 'unknown error'}`, width, '  ', 'error')];
  }
  const d = run.diagnosis!;
  const counts = (['pass', 'fail', 'warn', 'skipped'] as const)
    .map((v) => [v, d.steps.filter((s) => s.verdict === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${VERDICT_GLYPH[v]}${n}`)
    .join(' ');
  out.push(line({ text: `  ${d.steps.length} steps: ${counts}   (enter/space: evidence)`, tone: 'muted' }), line(''));
  d.steps.forEach((s, i) => out.push(...stepLines(s, i + 1, expanded.has(STEP_KEY + s.id), width)));
  out.push(line(''), ...conclusionBox(d.conclusion, width, d.steps.some((s) => s.verdict === 'fail')));
  return out;
}
