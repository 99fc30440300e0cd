import type { Severity } from '../checks/types.js';
import type { Diagram, DiagramNode } from './diagram.js';

/** Fill and border colours per worst severity; the text mark in the label carries the same meaning without colour. */
export const SEVERITY_COLOURS: Record<Severity | 'none', { fill: string; border: string }> = {
  high: { fill: '#fde0dc', border: '#c62828' },
  medium: { fill: '#ffe9cc', border: '#e65100' },
  low: { fill: '#fff8c4', border: '#8d6e00' },
  info: { fill: '#e3f2fd', border: '#1565c0' },
  none: { fill: '#ffffff', border: '#546e7a' },
};

/**
 * Quotes a string for DOT. Inside quotes only `\"` is an escape for ids, but labels also treat `\n`, `\l`, `\N`… specially
 * and Graphviz decodes `&entity;`, so backslashes and ampersands are neutralised and control characters dropped.
 */
export function dotString(text: string): string {
  const cleaned = text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r?\n/g, ' ');
  return `"${cleaned}"`;
}

/** Label lines joined with DOT's centred line break, each line escaped on its own. */
function dotLabel(lines: string[]): string {
  return lines.map((l) => dotString(l).slice(1, -1)).join('\\n');
}

function nodeStmt(n: DiagramNode, indent: string): string {
  const c = SEVERITY_COLOURS[n.worst ?? 'none'];
  const style = ['filled', n.members !== undefined ? 'rounded' : '', n.stub ? 'dashed' : ''].filter(Boolean).join(',');
  const attrs = [
    `label="${dotLabel(n.lines)}"`,
    `fillcolor="${c.fill}"`,
    `color="${c.border}"`,
    `style="${style}"`,
    n.worst === 'high' || n.worst === 'medium' ? 'penwidth=2' : '',
    n.members !== undefined ? 'shape=box3d' : '',
  ].filter(Boolean);
  return `${indent}${dotString(n.id)} [${attrs.join(', ')}];`;
}

/** Renders the diagram as a Graphviz digraph: clusters per subscription with hub/peering-location clusters nested inside. */
export function renderDot(diagram: Diagram, title = 'erscope', comment?: string): string {
  const out: string[] = [];
  out.push(`digraph erscope {`);
  if (comment) out.push(`  // ${comment.replace(/[\r\n\u2028\u2029]+/g, ' ')}`);
  out.push(`  graph [label=${dotString(title)}, labelloc=t, rankdir=LR, fontname="Helvetica", fontsize=12, nodesep=0.25, ranksep=0.6, compound=true];`);
  out.push(`  node [shape=box, fontname="Helvetica", fontsize=10, margin="0.12,0.05"];`);
  out.push(`  edge [fontname="Helvetica", fontsize=9, color="#607d8b", fontcolor="#37474f"];`);
  const nodesByCluster = new Map<string, DiagramNode[]>();
  for (const n of diagram.nodes) {
    const list = nodesByCluster.get(n.cluster) ?? [];
    list.push(n);
    nodesByCluster.set(n.cluster, list);
  }
  const clusterIndex = new Map(diagram.clusters.map((c, i) => [c.id, i]));
  const emit = (parent: string | undefined, indent: string): void => {
    for (const c of diagram.clusters.filter((x) => x.parent === parent)) {
      out.push(`${indent}subgraph cluster_${clusterIndex.get(c.id)} {`);
      const nested = parent !== undefined;
      out.push(`${indent}  label=${dotString(c.label)}; style="rounded${nested ? ',dashed' : ''}"; color="${nested ? '#90a4ae' : '#37474f'}"; fontsize=${nested ? 10 : 12};`);
      for (const n of nodesByCluster.get(c.id) ?? []) out.push(nodeStmt(n, `${indent}  `));
      emit(c.id, `${indent}  `);
      out.push(`${indent}}`);
    }
  };
  emit(undefined, '  ');
  for (const n of diagram.nodes) if (!clusterIndex.has(n.cluster)) out.push(nodeStmt(n, '  '));
  for (const e of diagram.edges) {
    const attrs = [e.label ? `label=${dotString(e.label)}` : '', e.both ? 'dir=both' : ''].filter(Boolean);
    out.push(`  ${dotString(e.from)} -> ${dotString(e.to)}${attrs.length ? ` [${attrs.join(', ')}]` : ''};`);
  }
  out.push('}');
  return out.join('\n') + '\n';
}
