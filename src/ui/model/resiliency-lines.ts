import { MODEL_LABEL, resiliencyOf } from '../../checks/resiliency/analyze.js';
import { RESILIENCY_SOURCES } from '../../checks/resiliency/sources.js';
import type { SourceKey } from '../../checks/resiliency/sources.js';
import type { ResiliencyTarget } from '../../checks/resiliency/types.js';
import { GLYPH } from '../theme.js';
import { scoreTone } from '../views/resiliency.js';
import { line, wrapText, type Line, type Seg } from './lines.js';
import type { Model } from './model.js';
import { pathLines } from './paths.js';

const MODEL_SENTENCE: Record<ResiliencyTarget['model'], string> = {
  maximum: 'maximum resiliency: circuits in two or more distinct peering locations',
  high: 'high resiliency: an ExpressRoute Metro circuit across two sites of one metro',
  standard: 'standard resiliency: one peering location (not recommended for mission-critical workloads)',
  'vpn-only': 'no usable ExpressRoute path: on-premises is reached over VPN only',
  none: 'no usable path to on-premises',
};

function heading(text: string): Line {
  return line({ text: text, tone: 'accent' });
}

/** Wrapped text under a fixed-width first column, continuation lines indented to match. */
function row(head: Seg[], text: string, width: number, id?: string): Line[] {
  const indent = head.reduce((n, s) => n + s.text.length, 0);
  const parts = wrapText(text, Math.max(20, width - indent));
  return parts.map((p, i) => ({ ...(id ? { id } : {}), segs: [...(i === 0 ? head : [{ text: ' '.repeat(indent) }]), { text: p }] }));
}

/** The drill-down of one VNet or hub: score and its reasons, single points of failure, circuits, gateways, backups, paths, guidance. */
export function resiliencyLines(m: Model, id: string, width: number): Line[] {
  const t = resiliencyOf(m.data.graph, id);
  if (!t) return [line({ text: `${GLYPH.warn} no resiliency analysis: only VNets with a gateway and Virtual WAN hubs are scored`, tone: 'warn' })];
  const out: Line[] = [
    line({ text: 'Resiliency of ', tone: 'title' }, { text: t.name, tone: 'accent' }, { text: `  ${t.kind === 'hub' ? 'Virtual hub' : 'Virtual network'}  `, tone: 'muted' }, { text: `score ${t.score}/100`, tone: scoreTone(t.score) }, { text: `  ${MODEL_LABEL[t.model]}`, tone: 'info' }),
    ...row([{ text: '  ' }], MODEL_SENTENCE[t.model], width).map((l) => ({ ...l, segs: l.segs.map((s) => ({ ...s, tone: 'muted' as const })) })),
    ...(t.via ? row([{ text: '  ' }], `spoke: uses the gateways of ${m.node(t.via)?.name ?? t.via} through VNet peering (gateway transit), so it shares that VNet's paths and score`, width, t.via) : []),
    line(''),
    heading('Score'),
  ];
  const cited = new Map<SourceKey, number>();
  const cite = (keys: SourceKey[]) => keys.map((k) => {
    if (!cited.has(k)) cited.set(k, cited.size + 1);
    return `[${cited.get(k)}]`;
  }).join('');
  for (const i of t.items) {
    out.push(...row([{ text: `  ${i.factor.padEnd(10)}` }, { text: `${String(i.points).padStart(2)}/${String(i.max).padEnd(3)}`, tone: i.points === i.max ? 'ok' : i.points === 0 ? 'error' : 'warn' }, { text: ' ' }], `${i.reason} ${cite(i.sources)}`, width));
  }
  out.push(line(''), heading(`Single points of failure (${t.spofs.length})`));
  if (t.spofs.length === 0) out.push(line({ text: `  ${GLYPH.ok} none found`, tone: 'ok' }));
  for (const s of t.spofs) out.push(...row([{ text: `  ${GLYPH.error} `, tone: 'error' }], s.text, width, s.resourceId));
  out.push(line(''), heading(`Circuits (${t.circuits.filter((c) => c.usable).length} usable of ${t.circuits.length})`));
  if (t.circuits.length === 0) out.push(line({ text: '  none', tone: 'muted' }));
  for (const c of t.circuits) {
    const where = c.stub ? `${GLYPH.stub} ${c.stub === 'no-access' ? 'no access' : 'missing'}` : `${c.peeringLocation ?? '?'} · ${c.provider ?? '?'}`;
    out.push({ id: c.id, segs: [{ text: `  ${c.usable ? GLYPH.ok : GLYPH.error} `, tone: c.usable ? 'ok' : 'error' }, { text: c.name, tone: c.stub ? 'stub' : 'plain' }, { text: `  ${where}`, tone: 'info' }, { text: c.down ? `  down: ${c.down}` : '', tone: 'error' }] });
  }
  out.push(line(''), heading('Gateways'));
  if (t.gateways.length === 0) out.push(line({ text: '  none', tone: 'muted' }));
  for (const g of t.gateways) {
    out.push({ id: g.id, segs: [{ text: `  ${g.zoneRedundant ? GLYPH.ok : GLYPH.error} `, tone: g.zoneRedundant ? 'ok' : 'error' }, { text: g.name }, { text: `  ${g.kind === 'expressroute' ? 'ExpressRoute' : 'VPN'} ${g.sku}`, tone: 'info' }, { text: g.zoneRedundant ? '  zone-redundant' : '  single zone', tone: g.zoneRedundant ? 'muted' : 'error' }, { text: g.activeActive === false && g.kind === 'vpn' ? '  active-standby' : '', tone: 'warn' }] });
  }
  out.push(line(''), heading('Backup paths'));
  if (t.backups.length === 0) out.push(line({ text: '  none', tone: 'muted' }));
  for (const b of t.backups) out.push(...row([{ text: '  ' }], b.text, width, b.id));
  out.push(line(''), heading(`Paths (${t.paths.length}; ${GLYPH.preferred} = preferred)`));
  const sorted = [...t.paths].sort((a, b) => Number(b.preferred) - Number(a.preferred) || b.routingWeight - a.routingWeight || (a.kind < b.kind ? -1 : 1));
  for (const p of sorted) out.push(...pathLines(m, p));
  out.push(line(''), heading('Guidance'));
  for (const [k, n] of cited) out.push(...row([{ text: `  [${n}] ` }], RESILIENCY_SOURCES[k].url, width).map((l) => ({ ...l, segs: l.segs.map((s) => ({ ...s, tone: 'muted' as const })) })));
  return out;
}
