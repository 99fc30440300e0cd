import { REPORT_FORMATS, isReportFormat, type ReportFormat } from '../../report/formats.js';
import type { Page } from '../store.js';
import type { PageContent } from './page.js';

/** What an empty export prompt means: Enter alone writes Markdown. */
export const DEFAULT_EXPORT_FORMAT: ReportFormat = 'md';

/** Hops around a detail page's resource that `e` exports (the same default as `erscope export --focus`). */
export const DETAIL_EXPORT_DEPTH = 2;

/** The format the prompt's text names (empty = the default), or undefined for anything else. */
export function exportFormatOf(draft: string): ReportFormat | undefined {
  const d = draft.trim().toLowerCase();
  if (d === '') return DEFAULT_EXPORT_FORMAT;
  return isReportFormat(d) ? d : undefined;
}

/** Tab in the prompt: a complete format moves to the next one, a prefix completes to the first format it starts. */
export function cycleExportFormat(draft: string): ReportFormat {
  const exact = exportFormatOf(draft);
  if (exact) return REPORT_FORMATS[(REPORT_FORMATS.indexOf(exact) + 1) % REPORT_FORMATS.length]!;
  const d = draft.trim().toLowerCase();
  return REPORT_FORMATS.find((f) => f.startsWith(d)) ?? DEFAULT_EXPORT_FORMAT;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Local wall-clock stamp `yyyymmdd-hhmmss`, so exports sort by time and never overwrite each other within a second's work. */
export function exportStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

/** File name without extension, e.g. `erscope-connections-20261122-014500`; the label is reduced to safe file-name characters. */
export function exportBaseName(label: string, ms: number): string {
  const slug = label.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 60) || 'view';
  return `erscope-${slug}-${exportStamp(ms)}`;
}

/** The word in the file name for the page on top: a table's view id, or a detail page's resource name. */
export function exportLabel(page: Page, nameOf: (id: string) => string | undefined): string {
  if (page.kind === 'table') return page.view;
  if (page.kind === 'detail') return nameOf(page.id) ?? 'resource';
  return page.kind;
}

/** What the page shows, as report scope: every row left after scope and filter (not only the visible window), or a neighbourhood. */
export type ExportScope = { nodeIds: string[] } | { focus: string; depth: number };

/** The export scope of the top page, or a one-line reason why there is nothing to export. */
export function exportScopeFor(page: Page, content: PageContent): ExportScope | { refusal: string } {
  if (page.kind === 'detail') return { focus: page.id, depth: DETAIL_EXPORT_DEPTH };
  if (page.kind !== 'table' || content.kind !== 'table') return { refusal: '! export works on table and detail pages' };
  const ids = [...new Set(content.order.map((i) => content.rows[i]!.id))];
  if (ids.length === 0) return { refusal: '! nothing to export: no rows match the filter (esc clears it)' };
  return { nodeIds: ids };
}
