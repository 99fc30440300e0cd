// Kept apart from index.ts so the TUI can list formats without loading the renderers (and WASM Graphviz) at startup.

/** Every export format, in the order help text lists them. */
export const REPORT_FORMATS = ['md', 'json', 'html', 'dot', 'mermaid', 'sarif', 'csv'] as const;

/** One export format. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** True when `s` names an export format. */
export function isReportFormat(s: string): s is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(s);
}
