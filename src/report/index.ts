import { renderCsv } from './csv.js';
import type { ReportFormat } from './formats.js';
import { buildDiagram, type Diagram } from './diagram.js';
import { renderDot } from './dot.js';
import { sourceLine } from './escape.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderMermaid } from './mermaid.js';
import { buildReportModel, scopeDescription, type ReportInput, type ReportModel } from './model.js';
import { renderSarif } from './sarif.js';
import { renderSvg } from './svg.js';

export { REPORT_FORMATS, isReportFormat, type ReportFormat } from './formats.js';

/** A rendered report with what the diagram shows, for callers that report counts (CLI summary line, tests). */
export interface RenderedReport {
  text: string;
  model: ReportModel;
  diagram: Diagram;
  /** Inline SVG (html only). */
  svg?: string;
}

/** Renders one format from already-prepared input; scope errors (unknown --focus) surface as ErscopeError. */
export async function renderReportDetailed(format: ReportFormat, input: ReportInput): Promise<RenderedReport> {
  const model = buildReportModel(input);
  const diagram = buildDiagram(input.graph, model, input.collapseAt);
  const title = `erscope: ${sourceLine(model.meta.source)}`;
  const stamp = `erscope ${model.meta.erscopeVersion}, generated ${model.meta.generatedAt}, source ${sourceLine(model.meta.source)}, ${scopeDescription(model)}`;
  switch (format) {
    case 'md':
      return { text: renderMarkdown(model, renderMermaid(diagram)), model, diagram };
    case 'json':
      return { text: renderJson(model), model, diagram };
    case 'html': {
      const svg = await renderSvg(renderDot(diagram, title));
      return { text: renderHtml(model, diagram, svg), model, diagram, svg };
    }
    case 'dot':
      return { text: renderDot(diagram, title, stamp), model, diagram };
    case 'mermaid':
      return { text: renderMermaid(diagram, stamp), model, diagram };
    case 'sarif':
      return { text: renderSarif(model), model, diagram };
    case 'csv':
      return { text: renderCsv(model), model, diagram };
  }
}

/** Renders one format to text; pass `nodeIds` to export exactly what a TUI view shows, or `focus`/`depth` for a neighbourhood. */
export async function renderReport(format: ReportFormat, input: ReportInput): Promise<string> {
  return (await renderReportDetailed(format, input)).text;
}

export type { ReportInput, ReportModel } from './model.js';
export type { Diagram } from './diagram.js';
