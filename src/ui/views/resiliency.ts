import { analyzeResiliency, MODEL_LABEL, resiliencyOf } from '../../checks/resiliency/analyze.js';
import type { ResiliencyTarget } from '../../checks/resiliency/types.js';
import type { Model } from '../model/model.js';
import { GLYPH, type Tone } from '../theme.js';
import type { Column, Row, ViewDef } from './types.js';

/** The analysis behind a row (computed once per graph by the core). */
export function targetOf(m: Model, r: Row): ResiliencyTarget | undefined {
  return resiliencyOf(m.data.graph, r.id);
}

/** Tone of a score: ok from 80, warn from 50, error below. */
export function scoreTone(score: number): Tone {
  return score >= 80 ? 'ok' : score >= 50 ? 'warn' : 'error';
}

/** Score then a glyph, so colour is never the only signal (✔ 80+, ! 50–79, ✖ below) and the column sorts by number. */
export function scoreText(score: number): string {
  return `${String(score).padStart(3)} ${score >= 80 ? GLYPH.ok : score >= 50 ? GLYPH.warn : GLYPH.error}`;
}

/** The backup a target falls back on, in a word. */
export function backupText(t: ResiliencyTarget): string {
  const kinds = new Set(t.backups.map((b) => b.kind));
  const out = [kinds.has('second-location') ? '2nd location' : '', kinds.has('vpn') ? 'VPN' : '', kinds.has('global-reach') ? 'Global Reach' : ''].filter(Boolean);
  return out.length ? out.join(' + ') : 'none';
}

/** Zone redundancy of the weakest judged gateway: "✔ ErGw1AZ", "✖ Standard", "-" without a gateway. */
export function zoneText(t: ResiliencyTarget): string {
  const er = t.gateways.filter((g) => g.kind === 'expressroute');
  const judged = er.length ? er : t.gateways;
  const worst = [...judged].sort((a, b) => a.zoneScore - b.zoneScore)[0];
  return worst ? `${worst.zoneRedundant ? GLYPH.ok : GLYPH.error} ${worst.sku}` : '-';
}

const col = (title: string, min: number, priority: number, get: (t: ResiliencyTarget, m: Model) => string, extra: Partial<Column> = {}): Column => ({
  title, min, priority, ...extra,
  get: (r, m) => {
    const t = targetOf(m, r);
    return t ? get(t, m) : '';
  },
});

/** `:resiliency` (key 9): one row per VNet with a gateway and per Virtual WAN hub, weakest first; enter shows why. */
export const resiliencyView: ViewDef = {
  id: 'resiliency',
  title: 'resiliency',
  aliases: ['resiliency', 'res', 'spof'],
  rows: (m) => analyzeResiliency(m.data.graph).map((t) => ({ id: t.id, ...(m.node(t.id) ? { node: m.node(t.id)! } : {}) })),
  columns: [
    col('SCORE', 6, 0, (t) => scoreText(t.score), { tone: (r, m) => scoreTone(targetOf(m, r)?.score ?? 0) }),
    col('NAME', 12, 0, (t) => t.name, { flex: 2 }),
    col('KIND', 5, 5, (t) => (t.kind === 'hub' ? 'hub' : t.via ? 'spoke' : 'VNet')),
    col('MODEL', 9, 1, (t) => MODEL_LABEL[t.model]),
    col('CIRCUITS', 8, 4, (t) => `${t.circuits.filter((c) => c.usable).length}/${t.circuits.length}`),
    col('LOCATIONS', 12, 2, (t) => t.peeringLocations.join(', ') || '-', { flex: 2 }),
    col('ZONES', 10, 2, zoneText, { tone: (r, m) => (zoneText(targetOf(m, r)!).startsWith(GLYPH.ok) ? 'ok' : 'warn') }),
    col('BACKUP', 8, 3, backupText),
    col('SPOF', 10, 1, (t) => (t.spofs.length ? `${t.spofs.length}: ${t.spofs.map((s) => s.text).join('; ')}` : '-'), {
      flex: 3, tone: (r, m) => ((targetOf(m, r)?.spofs.length ?? 0) > 0 ? 'warn' : 'ok'),
    }),
    col('SUB', 10, 6, (t, m) => m.subName(t.subscriptionId), { flex: 1 }),
  ],
};
