import type { Finding } from '../checks/types.js';
import { SEVERITIES } from '../checks/types.js';
import { detailColumns, readPath } from './details.js';
import { findingLine, SEVERITY_MARK } from './diagram.js';
import { md, sourceLine } from './escape.js';
import { nodeIndex, nodesByType, scopeDescription, type ReportModel, type ReportNode } from './model.js';
import { STUB_STATUS } from '../topology/node-attrs.js';
import { resiliencyMarkdown } from './resiliency.js';

function table(headers: string[], rows: string[][]): string[] {
  const out = [`| ${headers.map(md).join(' | ')} |`, `|${headers.map(() => ' --- ').join('|')}|`];
  for (const r of rows) out.push(`| ${r.join(' | ')} |`);
  return out;
}

function findingSection(f: Finding, i: number, nodes: Map<string, ReportNode>): string[] {
  const node = nodes.get(f.resourceId.toLowerCase());
  const what = node ? `${md(node.name)} (${md(node.typeLabel)})` : 'resource';
  const out = [`### ${i + 1}. ${md(`${SEVERITY_MARK[f.severity]} ${f.severity.toUpperCase()}`)}: ${md(f.title)}`, ''];
  out.push(`- Rule: ${md(f.ruleId)}`);
  out.push(`- Resource: ${what}, ${md(f.resourceId)}`);
  out.push(`- Why: ${md(f.reason)}`);
  out.push(`- Fix: ${f.fix ? md(f.fix.description) : 'no automatic fix; see the docs link'}`);
  const evidence = Object.keys(f.evidence).length > 0 ? JSON.stringify(f.evidence) : '';
  if (evidence) out.push(`- Evidence: ${md(evidence)}`);
  if (f.docs) out.push(`- Docs: ${/^https?:\/\/[^\s<>]+$/.test(f.docs) ? `<${f.docs}>` : md(f.docs)}`);
  if (f.suppressed) out.push(`- Suppressed: ${md(f.suppressed.reason)}`);
  out.push('');
  return out;
}

/** Renders the Markdown report: header, summary tables, findings with why and fix, a Mermaid diagram and a table per type. */
export function renderMarkdown(model: ReportModel, mermaid: string): string {
  const { meta, summary } = model;
  const out: string[] = ['# erscope report', ''];
  out.push(`- Source: ${md(sourceLine(meta.source))}`);
  out.push(`- Generated: ${md(meta.generatedAt)}`);
  out.push(`- erscope version: ${md(meta.erscopeVersion)}`);
  out.push(`- Scope: ${md(scopeDescription(model))}`);
  out.push('', '## Summary', '');
  out.push(`${summary.nodeCount} resources (${summary.stubCount} referenced but not readable), ${summary.edgeCount} relations, ` +
    `${SEVERITIES.reduce((n, s) => n + summary.bySeverity[s], 0)} findings${summary.suppressed ? ` (+${summary.suppressed} suppressed)` : ''}.`, '');
  out.push('### Findings by severity', '');
  out.push(...table(['Severity', 'Count'], SEVERITIES.map((s) => [md(`${SEVERITY_MARK[s]} ${s}`), String(summary.bySeverity[s])])), '');
  out.push('### Resources by type', '');
  out.push(...table(['Type', 'Count'], summary.byType.map((t) => [md(t.label), String(t.count)])), '');
  out.push('### Resources by subscription', '');
  out.push(...table(['Subscription', 'Id', 'Count'], summary.bySubscription.map((s) => [md(s.displayName), md(s.subscriptionId), String(s.count)])), '');
  out.push(...resiliencyMarkdown(model.resiliency));
  out.push('## Findings', '');
  if (model.findings.length === 0) out.push('No findings.', '');
  const idx = nodeIndex(model);
  model.findings.forEach((f, i) => out.push(...findingSection(f, i, idx)));
  out.push('## Topology', '', '```mermaid', mermaid.trimEnd(), '```', '');
  out.push('## Resources', '');
  for (const group of nodesByType(model)) {
    const cols = detailColumns(group.type);
    out.push(`### ${md(group.label)} (${group.nodes.length})`, '');
    const headers = ['Name', 'Resource group', 'Subscription', 'Location', 'Status', 'Findings', ...cols.map((c) => c.header)];
    const rows = group.nodes.map((n) => [
      md(n.name) + (n.stub ? ` (${STUB_STATUS[n.stub]})` : ''),
      md(n.resourceGroup), md(n.subscriptionName), md(n.location ?? ''), md(n.status),
      md(findingLine(n.findingCounts) ?? ''), ...cols.map((c) => md(readPath(n.body, c.path))),
    ]);
    out.push(...table(headers, rows), '');
  }
  if (model.issues.length > 0) {
    out.push('## Inventory issues', '');
    out.push(...table(['Scope', 'Kind', 'Family', 'Message'], model.issues.map((i) => [md(i.scope), md(i.kind), md(i.family ?? ''), md(i.message)])), '');
  }
  return out.join('\n');
}
