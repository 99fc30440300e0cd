import { SEVERITIES } from '../checks/types.js';
import type { Diagram } from './diagram.js';
import { SEVERITY_COLOURS } from './dot.js';

/**
 * Escapes label text for Mermaid: anything outside a small safe set becomes a `#code;` entity, so quotes, brackets,
 * pipes, HTML and Mermaid keywords in resource names cannot break out of the label.
 */
export function mermaidText(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\u0000-\u001f\u007f]/g, ' ')) {
    out += /[A-Za-z0-9 ,.:/_()!-]/.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  }
  return out;
}

/** Renders the diagram as a Mermaid flowchart; node and subgraph ids are generated (n0, c0) so ARM ids never reach the syntax. */
export function renderMermaid(diagram: Diagram, comment?: string): string {
  const out: string[] = ['flowchart LR'];
  if (comment) out.push(`  %% ${comment.replace(/[\r\n\u2028\u2029]+/g, ' ')}`);
  const nodeId = new Map(diagram.nodes.map((n, i) => [n.id, `n${i}`]));
  const clusterId = new Map(diagram.clusters.map((c, i) => [c.id, `c${i}`]));
  const nodeLine = (n: Diagram['nodes'][number], indent: string): string => {
    const label = n.lines.map(mermaidText).join('<br/>');
    return `${indent}${nodeId.get(n.id)}["${label}"]`;
  };
  const byCluster = new Map<string, Diagram['nodes']>();
  for (const n of diagram.nodes) byCluster.set(n.cluster, [...(byCluster.get(n.cluster) ?? []), n]);
  const emit = (parent: string | undefined, indent: string): void => {
    for (const c of diagram.clusters.filter((x) => x.parent === parent)) {
      out.push(`${indent}subgraph ${clusterId.get(c.id)}["${mermaidText(c.label)}"]`);
      for (const n of byCluster.get(c.id) ?? []) out.push(nodeLine(n, `${indent}  `));
      emit(c.id, `${indent}  `);
      out.push(`${indent}end`);
    }
  };
  emit(undefined, '  ');
  for (const n of diagram.nodes) if (!clusterId.has(n.cluster)) out.push(nodeLine(n, '  '));
  for (const e of diagram.edges) {
    const label = e.label ? `|"${mermaidText(e.label)}"|` : '';
    out.push(`  ${nodeId.get(e.from)} ${e.both ? '<-->' : '-->'}${label} ${nodeId.get(e.to)}`);
  }
  for (const s of SEVERITIES) {
    const c = SEVERITY_COLOURS[s];
    out.push(`  classDef sev_${s} fill:${c.fill},stroke:${c.border},stroke-width:2px`);
  }
  out.push('  classDef stub stroke-dasharray:5 5');
  for (const s of SEVERITIES) {
    const ids = diagram.nodes.filter((n) => n.worst === s).map((n) => nodeId.get(n.id));
    if (ids.length > 0) out.push(`  class ${ids.join(',')} sev_${s}`);
  }
  const stubs = diagram.nodes.filter((n) => n.stub).map((n) => nodeId.get(n.id));
  if (stubs.length > 0) out.push(`  class ${stubs.join(',')} stub`);
  return out.join('\n') + '\n';
}
