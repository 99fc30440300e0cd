import { SEVERITIES } from '../checks/types.js';
import { detailColumns, readPath } from './details.js';
import { findingLine, SEVERITY_MARK, type Diagram } from './diagram.js';
import { SEVERITY_COLOURS } from './dot.js';
import { html, sourceLine } from './escape.js';
import { nodeIndex, nodesByType, scopeDescription, type ReportModel } from './model.js';
import { STUB_STATUS } from '../topology/node-attrs.js';
import { resiliencyHtml } from './resiliency.js';

/** Blocks every fetch: the report must open offline and can never phone home, even if a name smuggled markup in. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

const STYLE = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1400px;padding:1rem 2rem;color:#1c2833}
h1{margin-bottom:.2rem}h2{border-bottom:1px solid #ccd;padding-bottom:.2rem;margin-top:2rem}
.meta{color:#455a64;margin:.2rem 0}.cards{display:flex;gap:2rem;flex-wrap:wrap}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #cfd8dc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#eceff1}table.sortable th{cursor:pointer}th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
.sev{font-weight:600;white-space:nowrap}.sev-high{color:#b71c1c}.sev-medium{color:#bf360c}.sev-low{color:#6d5600}.sev-info{color:#0d47a1}
.diagram{overflow:auto;border:1px solid #cfd8dc;padding:.5rem;max-height:85vh}.diagram svg{max-width:none;height:auto}
.legend span{display:inline-block;margin-right:1rem;padding:0 .4rem;border:2px solid}.legend .stub{border-style:dashed;border-color:#546e7a}
code{font-size:12px;word-break:break-all}.res-good{color:#1b5e20;font-weight:600}.res-fair{color:#8d6e00;font-weight:600}.res-poor{color:#b71c1c;font-weight:600}`;

/** Click a header to sort by it; numeric when both cells parse as numbers, `data-sort` overrides the text. */
const SORT_JS = `document.querySelectorAll('table.sortable th').forEach(function(th){th.addEventListener('click',function(){
var t=th.closest('table'),b=t.tBodies[0],i=Array.prototype.indexOf.call(th.parentNode.children,th),asc=th.getAttribute('aria-sort')!=='ascending';
t.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort')});th.setAttribute('aria-sort',asc?'ascending':'descending');
function v(r){var c=r.cells[i];return c?(c.getAttribute('data-sort')||c.textContent):''}
Array.prototype.slice.call(b.rows).sort(function(x,y){var a=v(x),c=v(y),na=parseFloat(a),nc=parseFloat(c);
var r=(!isNaN(na)&&!isNaN(nc))?na-nc:a.localeCompare(c);return asc?r:-r}).forEach(function(r){b.appendChild(r)})})});`;

type Cell = string | { text: string; sort?: string | number; cls?: string; raw?: boolean };

function table(id: string, headers: string[], rows: Cell[][]): string {
  const td = (c: Cell): string => {
    if (typeof c === 'string') return `<td>${html(c)}</td>`;
    const attrs = `${c.sort !== undefined ? ` data-sort="${html(c.sort)}"` : ''}${c.cls ? ` class="${c.cls}"` : ''}`;
    return `<td${attrs}>${c.raw ? c.text : html(c.text)}</td>`;
  };
  return [`<table class="sortable" id="${html(id)}"><thead><tr>${headers.map((h) => `<th>${html(h)}</th>`).join('')}</tr></thead><tbody>`,
    ...rows.map((r) => `<tr>${r.map(td).join('')}</tr>`), '</tbody></table>'].join('\n');
}

const sevCell = (s: (typeof SEVERITIES)[number]): Cell => ({ text: `${SEVERITY_MARK[s]} ${s}`, sort: SEVERITIES.indexOf(s), cls: `sev sev-${s}` });

function summary(model: ReportModel): string {
  const s = model.summary;
  return `<section id="summary"><h2>Summary</h2>
<p>${s.nodeCount} resources (${s.stubCount} referenced but not readable), ${s.edgeCount} relations, ${SEVERITIES.reduce((n, x) => n + s.bySeverity[x], 0)} findings${s.suppressed ? ` (+${s.suppressed} suppressed)` : ''}.</p>
<div class="cards"><div><h3>Findings by severity</h3>${table('summary-severity', ['Severity', 'Count'], SEVERITIES.map((x) => [sevCell(x), String(s.bySeverity[x])]))}</div>
<div><h3>Resources by type</h3>${table('summary-type', ['Type', 'Count'], s.byType.map((t) => [t.label, String(t.count)]))}</div>
<div><h3>Resources by subscription</h3>${table('summary-subscription', ['Subscription', 'Id', 'Count'], s.bySubscription.map((x) => [x.displayName, x.subscriptionId, String(x.count)]))}</div></div></section>`;
}

function diagramSection(diagram: Diagram, svg: string): string {
  const legend = SEVERITIES.map((s) => `<span style="border-color:${SEVERITY_COLOURS[s].border};background:${SEVERITY_COLOURS[s].fill}">${html(SEVERITY_MARK[s])} ${s}</span>`).join('');
  const note = diagram.collapsed
    ? `<p>${diagram.resourceCount} resources are too many to draw one by one: each box is a subscription, hub or peering-location group with its counts. The tables below list every resource.</p>`
    : '';
  return `<section id="topology"><h2>Topology</h2>${note}
<p class="legend">${legend}<span class="stub">dashed: referenced, not readable</span> Edges from connections show their routing weight.</p>
<div class="diagram" id="diagram">${svg}</div></section>`;
}

function findingsSection(model: ReportModel): string {
  if (model.findings.length === 0) return '<section id="findings"><h2>Findings</h2><p>No findings.</p></section>';
  const idx = nodeIndex(model);
  const rows = model.findings.map((f): Cell[] => {
    const n = idx.get(f.resourceId.toLowerCase());
    const docs = /^https?:\/\/[^\s<>"]+$/.test(f.docs) ? `<a href="${html(f.docs)}">docs</a>` : html(f.docs);
    const evidence = Object.keys(f.evidence).length > 0 ? `<br><code>${html(JSON.stringify(f.evidence))}</code>` : '';
    return [sevCell(f.severity), f.ruleId, { text: `${html(n ? `${n.name} (${n.typeLabel})` : f.resourceId)}<br><code>${html(f.resourceId)}</code>`, raw: true },
      f.title, { text: `${html(f.reason)}${evidence}`, raw: true }, f.fix?.description ?? '', { text: docs, raw: true },
      f.suppressed ? `suppressed: ${f.suppressed.reason}` : ''];
  });
  return `<section id="findings"><h2>Findings</h2>${table('findings-table', ['Severity', 'Rule', 'Resource', 'Title', 'Why', 'Fix', 'Docs', 'Note'], rows)}</section>`;
}

function resourcesSection(model: ReportModel): string {
  const parts = nodesByType(model).map((g) => {
    const cols = detailColumns(g.type);
    const rows = g.nodes.map((n): Cell[] => [
      { text: `${html(n.name)}${n.stub ? ` <em>(${STUB_STATUS[n.stub]})</em>` : ''}`, raw: true, sort: n.name },
      n.resourceGroup, n.subscriptionName, n.location ?? '', n.status,
      n.worst ? { text: findingLine(n.findingCounts)!, sort: SEVERITIES.indexOf(n.worst), cls: `sev sev-${n.worst}` } : { text: '', sort: 9 },
      ...cols.map((c) => readPath(n.body, c.path)),
    ]);
    const id = `type-${g.type.replace(/[^a-z0-9]+/g, '-')}`;
    return `<h3>${html(g.label)} (${g.nodes.length})</h3>\n${table(id, ['Name', 'Resource group', 'Subscription', 'Location', 'Status', 'Findings', ...cols.map((c) => c.header)], rows)}`;
  });
  return `<section id="resources"><h2>Resources</h2>\n${parts.join('\n')}</section>`;
}

function issuesSection(model: ReportModel): string {
  if (model.issues.length === 0) return '';
  return `<section id="issues"><h2>Inventory issues</h2>${table('issues-table', ['Scope', 'Kind', 'Family', 'Message'], model.issues.map((i) => [i.scope, i.kind, i.family ?? '', i.message]))}</section>`;
}

/** Renders the self-contained HTML report around an already-rendered inline SVG (no external scripts, fonts or requests). */
export function renderHtml(model: ReportModel, diagram: Diagram, svg: string): string {
  const { meta } = model;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="erscope ${html(meta.erscopeVersion)}">
<title>erscope report: ${html(sourceLine(meta.source))}</title>
<style>${STYLE}</style></head>
<body>
<header><h1>erscope report</h1>
<p class="meta">Source: <strong>${html(sourceLine(meta.source))}</strong></p>
<p class="meta">Generated: <time datetime="${html(meta.generatedAt)}">${html(meta.generatedAt)}</time>, erscope ${html(meta.erscopeVersion)}</p>
<p class="meta">Scope: ${html(scopeDescription(model))}</p></header>
${summary(model)}
${resiliencyHtml(model.resiliency, table)}
${diagramSection(diagram, svg)}
${findingsSection(model)}
${resourcesSection(model)}
${issuesSection(model)}
<script>${SORT_JS}</script>
</body></html>
`;
}
