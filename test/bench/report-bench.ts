import { renderReportDetailed } from '../../src/report/index.js';
import type { ReportInput } from '../../src/report/model.js';
import { graphviz } from '../../src/report/svg.js';
import { synthEstate } from '../report/synth.js';

/** One measured configuration. */
export interface ReportBenchRow {
  label: string;
  nodes: number;
  diagramNodes: number;
  collapsed: boolean;
  /** Median of the runs, milliseconds. */
  medianMs: number;
  runsMs: number[];
  /** Highest RSS seen while rendering (sampled every 2 ms and around each run) minus RSS before, MiB. */
  peakRssDeltaMiB: number;
  bytes: number;
}

const MiB = 1024 * 1024;

async function measure(label: string, input: ReportInput, runs: number): Promise<ReportBenchRow> {
  const times: number[] = [];
  let diagramNodes = 0;
  let collapsed = false;
  let bytes = 0;
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 2);
  try {
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const r = await renderReportDetailed('html', input);
      times.push(performance.now() - t);
      peak = Math.max(peak, process.memoryUsage().rss);
      diagramNodes = r.diagram.nodes.length;
      collapsed = r.diagram.collapsed;
      bytes = r.text.length;
    }
  } finally {
    clearInterval(timer);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    label, nodes: input.graph.order, diagramNodes, collapsed, bytes,
    medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10,
    runsMs: times.map((t) => Math.round(t)),
    peakRssDeltaMiB: Math.round(((peak - before) / MiB) * 10) / 10,
  };
}

/**
 * HTML export cost at 1,000 nodes (collapsed diagram, complete tables) against a 100-node baseline in the same process,
 * plus 1,000 nodes with collapse disabled for scale; prints a table and the ratios. Graphs are synthesized, no emulator.
 */
export async function benchReport(runs = 5): Promise<{ rows: ReportBenchRow[]; timeRatio: number; rssRatio: number; loadMs: number }> {
  const t0 = performance.now();
  await graphviz();
  const loadMs = Math.round(performance.now() - t0);
  const small = synthEstate(100);
  const large = synthEstate(1000);
  await renderReportDetailed('html', small);
  const rows = [
    await measure('html 100 nodes (baseline)', small, runs),
    await measure('html 1,000 nodes (collapsed diagram)', large, runs),
    await measure('html 1,000 nodes (collapse off)', { ...large, collapseAt: Number.POSITIVE_INFINITY }, Math.max(1, Math.ceil(runs / 2))),
  ];
  const [base, big] = rows as [ReportBenchRow, ReportBenchRow];
  const timeRatio = Math.round((big.medianMs / base.medianMs) * 100) / 100;
  const rssRatio = Math.round((Math.max(big.peakRssDeltaMiB, 0.1) / Math.max(base.peakRssDeltaMiB, 0.1)) * 100) / 100;
  console.log(`report bench (Graphviz WASM load ${loadMs} ms, ${runs} runs each; process maxRSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB)`);
  console.table(rows.map((r) => ({ case: r.label, nodes: r.nodes, 'diagram nodes': r.diagramNodes, 'median ms': r.medianMs, 'peak RSS +MiB': r.peakRssDeltaMiB, 'KiB out': Math.round(r.bytes / 1024) })));
  console.log(`ratio 1,000 / 100 nodes: time ×${timeRatio}, peak RSS delta ×${rssRatio} (RSS is sampled on the event loop; Graphviz layout is synchronous, so the after-run sample bounds it)`);
  return { rows, timeRatio, rssRatio, loadMs };
}

if (import.meta.url === `file://${process.argv[1]}`) await benchReport();
