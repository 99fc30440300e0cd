import type { TrackedOperation } from '../../actions/tracker.js';
import { redactText } from '../../redact.js';
import { line, wrapped, type Line } from '../model/lines.js';
import { qualifiedName } from '../model/model.js';
import { GLYPH, SEVERITY_LOOK } from '../theme.js';
import type { ScreenLines } from './screen-lines.js';
import type { VerifyView } from './types.js';

/** Seconds an operation has been (or was) running. */
export function elapsedSeconds(op: TrackedOperation, now: number): number {
  const ms = op.status === 'running' ? now - op.startedAt : Math.max(op.last?.elapsedMs ?? 0, 0);
  return Math.max(0, Math.round(ms / 1000));
}

function verifyLines(v: VerifyView | undefined, width: number): Line[] {
  const out = [line({ text: 'Verify', tone: 'title' })];
  if (!v || v.status === 'running') return [...out, line({ text: '  ⟳ re-reading the resource and its neighbours…', tone: 'info' })];
  if (v.status === 'error') return [...out, ...wrapped(`${GLYPH.error} verify could not run: ${v.message}`, width, '  ', 'error')];
  const r = v.result;
  for (const n of r.notes) out.push(...wrapped(`${GLYPH.ok} ${redactText(n)}`, width, '  ', 'ok'));
  for (const p of r.problems) out.push(...wrapped(`${GLYPH.error} ${redactText(p)}`, width, '  ', 'error'));
  if (r.findings.length === 0) out.push(line({ text: `  ${GLYPH.ok} no findings remain on the resource or its neighbours`, tone: 'ok' }));
  for (const f of r.findings) {
    const sev = SEVERITY_LOOK[f.severity];
    out.push(...wrapped(`${sev.glyph} remains: ${f.ruleId} (${f.severity}) on ${qualifiedName(f.resourceId)}: ${f.title}`, width, '  ', sev.tone));
  }
  return out;
}

/**
 * One operation: live progress while ARM works, then the conflict (changes since the plan), the failure (ARM code and
 * message) or the verify result; a secret returned by the write is shown here once, with a copy key.
 */
export function opLines(op: TrackedOperation | undefined, verify: VerifyView | undefined, spent: boolean, width: number, now: number): ScreenLines {
  if (!op) return { lines: [line({ text: 'operation not found', tone: 'error' })], cursor: -1 };
  const out: Line[] = [];
  const secs = elapsedSeconds(op, now);
  const r = op.result;
  if (op.status === 'running' || !r) {
    out.push(line({ text: 'Applying: ', tone: 'title' }, op.plan.title));
    const p = op.last;
    out.push(line({ text: `  ⟳ ${p ? `step ${p.step}/${p.steps}  ${p.state}` : 'starting'}`, tone: 'info' }, { text: `  ${secs} s elapsed`, tone: 'muted' }));
    out.push(...wrapped('esc leaves this page; the operation keeps running (o brings it back)', width, '  ', 'muted'));
    return { lines: out, cursor: -1 };
  }
  if (r.status === 'conflict') {
    out.push(...wrapped(`${GLYPH.error} conflict: ${redactText(r.message)}`, width, '', 'error'));
    out.push(line({ text: 'Changes since the plan', tone: 'title' }));
    if (r.changes.length === 0) out.push(line({ text: '  (no property differences: only the etag moved)', tone: 'muted' }));
    for (const c of r.changes) out.push(line({ text: `  ${redactText(c)}`, tone: c.startsWith('-') ? 'error' : c.startsWith('+') ? 'ok' : 'warn' }));
    out.push(line({ text: '  r re-plan and review again  ·  esc close', tone: 'accent' }));
    return { lines: out, cursor: -1 };
  }
  if (r.status === 'failed') {
    out.push(...wrapped(`${GLYPH.error} failed: ${r.code}: ${redactText(r.message)}${r.httpStatus ? ` (HTTP ${r.httpStatus})` : ''}`, width, '', 'error'));
    out.push(...wrapped('nothing changed in the plan: ⏎ review it again to retry  ·  r re-plan from the current resource  ·  esc close', width, '  ', 'accent'));
    return { lines: out, cursor: -1 };
  }
  out.push(line({ text: `${GLYPH.ok} applied: `, tone: 'ok' }, op.plan.title, { text: `  (${secs} s)`, tone: 'muted' }));
  if (r.reveal && !spent) {
    out.push(line(''), line({ text: `${r.reveal.label}:`, tone: 'title' }), line('    ', { text: r.reveal.value, tone: 'accent' }));
    out.push(...wrapped(`${GLYPH.warn} shown once: it will not be shown again. y copies it (OSC 52); store it now`, width, '  ', 'warn'));
  } else if (r.reveal) {
    out.push(line({ text: '  the secret was shown once and is not shown again', tone: 'muted' }));
  }
  out.push(line(''), ...verifyLines(verify, width));
  return { lines: out, cursor: -1 };
}
