import { parseArmId } from '../arm/arm-id.js';
import { TYPE_LABEL } from '../arm/resource-types.js';
import { redact, redactText } from '../redact.js';
import type { Diagnosis, Verdict } from './types.js';

/** One glyph per verdict, used by the CLI text output and the UI's step list. */
export const VERDICT_GLYPH: Record<Verdict, string> = { pass: '✔', fail: '✖', warn: '!', skipped: '◌' };

function scalarText(v: unknown): string {
  if (typeof v === 'number' && !Number.isInteger(v)) return v.toFixed(1);
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Text for one evidence value: objects as "k=v" pairs, long or nested arrays as a count, so a line stays readable. */
function valueText(v: unknown): string {
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x !== 'object' || x === null) && v.length <= 6) return v.map(scalarText).join('; ');
    return `${v.length} entr${v.length === 1 ? 'y' : 'ies'}`;
  }
  if (v && typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined && x !== null && !(Array.isArray(x) && x.length === 0))
      .map(([k, x]) => `${k}=${x && typeof x === 'object' && !Array.isArray(x) ? `{${valueText(x)}}` : valueText(x)}`)
      .join(', ');
  }
  return scalarText(v);
}

/** Evidence as "key: value" lines (undefined values dropped, nested values as compact JSON). */
export function evidenceLines(evidence: Record<string, unknown>): string[] {
  return Object.entries(redact(evidence))
    .filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}: ${valueText(v)}`);
}

/** Plain-text report: numbered steps with glyphs, evidence indented, the conclusion last. */
export function formatDiagnosisText(d: Diagnosis, type?: string): string {
  const p = parseArmId(d.resourceId);
  const what = type ?? p.type ?? '';
  const out: string[] = [`Diagnosis of ${p.name ?? d.resourceId} (${TYPE_LABEL[what] ?? what})`, ''];
  d.steps.forEach((s, i) => {
    out.push(`${String(i + 1).padStart(2)} ${VERDICT_GLYPH[s.verdict]} ${s.title}: ${s.detail}`);
    for (const line of evidenceLines(s.evidence)) out.push(`      ${line}`);
  });
  out.push('', `Most likely fault: ${d.conclusion.fault}`, `Next action: ${d.conclusion.nextAction}`);
  return redactText(out.join('\n')) + '\n';
}

/** JSON output (the documented shape), secrets masked; `fault` codes stay for machines. */
export function formatDiagnosisJson(d: Diagnosis): string {
  return JSON.stringify(redact(d), null, 2) + '\n';
}
