import { normalizeId } from '../arm/arm-id.js';
import { analyzeResiliency, MODEL_LABEL } from '../checks/resiliency/analyze.js';
import { RESILIENCY_SOURCES } from '../checks/resiliency/sources.js';
import type { ResiliencyModel, ScoreItem, SpofKind } from '../checks/resiliency/types.js';
import { redactText } from '../redact.js';
import type { TopologyGraph } from '../topology/types.js';
import { html, md } from './escape.js';

/** One VNet or hub in a report: the resiliency analysis, secret-free and without the live path objects. */
export interface ReportResiliency {
  id: string;
  kind: 'vnet' | 'hub';
  name: string;
  subscriptionId: string;
  /** Spoke VNets: the VNet whose gateways they use. */
  via?: string;
  score: number;
  model: ResiliencyModel;
  peeringLocations: string[];
  providers: string[];
  circuits: Array<{ id: string; name: string; peeringLocation?: string; provider?: string; usable: boolean; down?: string; stub?: string }>;
  gateways: Array<{ id: string; name: string; sku: string; zoneRedundant: boolean }>;
  backups: Array<{ kind: string; id: string; text: string }>;
  spofs: Array<{ kind: SpofKind; resourceId?: string; text: string }>;
  items: Array<Omit<ScoreItem, 'sources'> & { sources: string[] }>;
}

/** The analysis of every in-scope VNet/hub, weakest first, names and reasons passed through the text redactor. */
export function reportResiliency(graph: TopologyGraph, inScope: (key: string) => boolean): ReportResiliency[] {
  return analyzeResiliency(graph).filter((t) => inScope(normalizeId(t.id))).map((t) => ({
    id: t.id, kind: t.kind, name: redactText(t.name), subscriptionId: t.subscriptionId, ...(t.via ? { via: t.via } : {}), score: t.score, model: t.model,
    peeringLocations: t.peeringLocations, providers: t.providers,
    circuits: t.circuits.map((c) => ({
      id: c.id, name: redactText(c.name), usable: c.usable,
      ...(c.peeringLocation ? { peeringLocation: c.peeringLocation } : {}), ...(c.provider ? { provider: c.provider } : {}),
      ...(c.down ? { down: c.down } : {}), ...(c.stub ? { stub: c.stub } : {}),
    })),
    gateways: t.gateways.map((g) => ({ id: g.id, name: redactText(g.name), sku: g.sku, zoneRedundant: g.zoneRedundant })),
    backups: t.backups.map((b) => ({ kind: b.kind, id: b.id, text: redactText(b.text) })),
    spofs: t.spofs.map((s) => ({ kind: s.kind, ...(s.resourceId ? { resourceId: s.resourceId } : {}), text: redactText(s.text) })),
    items: t.items.map((i) => ({ ...i, reason: redactText(i.reason), sources: i.sources.map((k) => RESILIENCY_SOURCES[k].url) })),
  }));
}

/** The backup kinds of a target in words ("2nd location + VPN", "none"). */
export function backupWords(r: ReportResiliency): string {
  const kinds = new Set(r.backups.map((b) => b.kind));
  const out = [kinds.has('second-location') ? '2nd location' : '', kinds.has('vpn') ? 'VPN' : '', kinds.has('global-reach') ? 'Global Reach' : ''].filter(Boolean);
  return out.length ? out.join(' + ') : 'none';
}

/** Zone redundancy in words: every gateway listed with its SKU and whether it survives a zone outage. */
export function zoneWords(r: ReportResiliency): string {
  return r.gateways.map((g) => `${g.name} ${g.sku} ${g.zoneRedundant ? '(zone-redundant)' : '(single zone)'}`).join(', ') || 'no gateway';
}

/** "hub", "VNet" or "spoke of vnet-hub". */
function kindWords(r: ReportResiliency): string {
  return r.kind === 'hub' ? 'hub' : r.via ? `spoke of ${r.via.split('/').pop()}` : 'VNet';
}

/** The label line a diagram node of a VNet/hub carries. */
export function resiliencyLabel(r: ReportResiliency): string {
  return `resiliency ${r.score}/100 ${MODEL_LABEL[r.model]}${r.spofs.length ? `, ${r.spofs.length} SPOF` : ''}`;
}

const HOW = 'Score 0-100 per VNet with a gateway and per Virtual WAN hub: site resiliency 40 (maximum 40, ExpressRoute Metro 20, one location 10), circuits 15, metros 10, providers 5, gateway zone redundancy 20, backup path 10. Each reason names the Microsoft guidance it follows.';

function mdTable(headers: string[], rows: string[][]): string[] {
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** The Markdown section: one summary row per VNet/hub, then each one's score factors, single points of failure and circuits. */
export function resiliencyMarkdown(rows: ReportResiliency[]): string[] {
  const out = ['## Resiliency', '', md(HOW), ''];
  if (rows.length === 0) return [...out, 'No VNet with a gateway and no Virtual WAN hub in scope.', ''];
  out.push(...mdTable(['Score', 'VNet / hub', 'Model', 'Peering locations', 'Zones', 'Backup', 'Single points of failure'], rows.map((r) => [
    String(r.score), `${md(r.name)} (${kindWords(r)})`, md(MODEL_LABEL[r.model]), md(r.peeringLocations.join(', ') || '-'),
    md(zoneWords(r)), md(backupWords(r)), md(r.spofs.map((s) => s.text).join('; ') || 'none'),
  ])), '');
  const refs = sourceNumbers(rows);
  for (const r of rows) {
    out.push(`### ${md(r.name)}: ${r.score}/100, ${md(MODEL_LABEL[r.model])}`, '', `- Resource: ${md(r.id)}`);
    for (const i of r.items) out.push(`- ${i.factor} ${i.points}/${i.max}: ${md(i.reason)} ${i.sources.map((u) => `\\[${refs.get(u)}\\]`).join('')}`);
    out.push(`- Single points of failure: ${md(r.spofs.map((s) => s.text).join('; ') || 'none')}`);
    out.push(`- Circuits: ${md(r.circuits.map((c) => `${c.name} (${c.stub ? (c.stub === 'missing' ? 'missing' : 'no access') : `${c.peeringLocation ?? '?'}, ${c.provider ?? '?'}`}${c.usable ? '' : `; down: ${c.down}`})`).join(', ') || 'none')}`);
    out.push(`- Backup paths: ${md(r.backups.map((b) => b.text).join('; ') || 'none')}`, '');
  }
  out.push('Guidance:', '');
  for (const [u, n] of refs) out.push(`${n}. <${u}>`);
  return [...out, ''];
}

/** Each cited page numbered once, in order of first use. */
function sourceNumbers(rows: ReportResiliency[]): Map<string, number> {
  const refs = new Map<string, number>();
  for (const r of rows) for (const i of r.items) for (const u of i.sources) if (!refs.has(u)) refs.set(u, refs.size + 1);
  return refs;
}

/** The HTML section: a sortable summary table and one collapsible block of reasons per VNet/hub. */
export function resiliencyHtml(rows: ReportResiliency[], table: (id: string, headers: string[], rows: Array<Array<string | { text: string; sort?: string | number; cls?: string; raw?: boolean }>>) => string): string {
  if (rows.length === 0) return `<section id="resiliency"><h2>Resiliency</h2><p>${html(HOW)}</p><p>No VNet with a gateway and no Virtual WAN hub in scope.</p></section>`;
  const cls = (s: number) => (s >= 80 ? 'res-good' : s >= 50 ? 'res-fair' : 'res-poor');
  const summary = table('resiliency-table', ['Score', 'VNet / hub', 'Model', 'Peering locations', 'Zones', 'Backup', 'Single points of failure'], rows.map((r) => [
    { text: String(r.score), sort: r.score, cls: cls(r.score) }, `${r.name} (${kindWords(r)})`, MODEL_LABEL[r.model], r.peeringLocations.join(', ') || '-',
    zoneWords(r), backupWords(r), r.spofs.map((s) => s.text).join('; ') || 'none',
  ]));
  const details = rows.map((r) => `<details id="resiliency-${html(normalizeId(r.id).replace(/[^a-z0-9]+/g, '-'))}"><summary><strong>${html(r.name)}</strong> ${r.score}/100, ${html(MODEL_LABEL[r.model])}</summary><ul>
${r.items.map((i) => `<li>${html(i.factor)} ${i.points}/${i.max}: ${html(i.reason)} ${i.sources.map((u, n) => `<a href="${html(u)}">[${n + 1}]</a>`).join('')}</li>`).join('\n')}
<li>Single points of failure: ${html(r.spofs.map((s) => s.text).join('; ') || 'none')}</li>
<li>Backup paths: ${html(r.backups.map((b) => b.text).join('; ') || 'none')}</li></ul></details>`).join('\n');
  return `<section id="resiliency"><h2>Resiliency</h2><p>${html(HOW)}</p>${summary}\n${details}</section>`;
}
