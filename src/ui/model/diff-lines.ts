import { TYPE_LABEL } from '../../arm/resource-types.js';
import { GLYPH } from '../theme.js';
import { changeOf, takenAt } from '../views/diff.js';
import { line, wrapText, type Line } from './lines.js';
import type { Model } from './model.js';

/** A value as JSON on one line; absent stays visible as such (secrets were redacted before the diff was made). */
function show(v: unknown): string {
  return v === undefined ? '(absent)' : JSON.stringify(v);
}

/** The drill-down of one resource in the diff view: each changed property path with its old and new value. */
export function diffLines(m: Model, id: string, width: number): Line[] {
  const b = m.data.baseline;
  const c = b && changeOf(m, id);
  if (!b || !c) return [line({ text: `${GLYPH.ok} unchanged since the snapshot`, tone: 'ok' })];
  const when = takenAt(b.generatedAt);
  const out: Line[] = [
    { id, segs: [{ text: 'Changes to ', tone: 'title' }, { text: c.entry.name, tone: 'accent' }, { text: `  ${TYPE_LABEL[c.entry.type] ?? c.entry.type}`, tone: 'muted' }] },
    line({ text: `since ${b.file} (taken ${when})`, tone: 'muted' }),
    line({ text: c.entry.id, tone: 'muted' }),
    line(''),
  ];
  if (c.kind === 'added') return [...out, line({ text: '+ added: not in the snapshot, read now', tone: 'ok' })];
  if (c.kind === 'removed') return [...out, line({ text: '- removed: in the snapshot, not read now (deleted, or no longer readable)', tone: 'error' })];
  out.push(line({ text: `~ ${c.changes.length} propert${c.changes.length === 1 ? 'y' : 'ies'} changed (old → new)`, tone: 'warn' }));
  const w = Math.max(20, width - 6);
  for (const x of c.changes) {
    out.push(line(''), line({ text: `  ${x.path}`, tone: 'accent' }));
    for (const [i, part] of wrapText(show(x.before), w).entries()) out.push(line({ text: i === 0 ? '    - ' : '      ', tone: 'error' }, { text: part, tone: 'error' }));
    for (const [i, part] of wrapText(show(x.after), w).entries()) out.push(line({ text: i === 0 ? '    + ' : '      ', tone: 'ok' }, { text: part, tone: 'ok' }));
  }
  return out;
}
