/** Block characters from lowest to highest; a sparkline cell is one of these. */
export const SPARK_BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/** Options for sparkline rendering. */
export interface SparklineOptions {
  /** Number of cells; the newest values are kept (left-padded with spaces when the series is shorter). */
  width?: number;
  /** Fixed top of the scale; default is the series maximum, so the tallest sample fills a cell. */
  max?: number;
  /** Cell drawn for a missing sample (null/NaN); default a space. */
  gap?: string;
}

/** Renders a series of non-negative numbers as ▁▂▃▄▅▆▇█ (pure); an all-zero series is a flat ▁ line so "idle" is visible. */
export function sparkline(series: ReadonlyArray<number | null | undefined>, opts: SparklineOptions = {}): string {
  const gap = opts.gap ?? ' ';
  const values = opts.width !== undefined ? series.slice(Math.max(0, series.length - opts.width)) : series.slice();
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const top = opts.max ?? (finite.length ? Math.max(...finite) : 0);
  const cells = values.map((v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return gap;
    if (top <= 0 || v <= 0) return SPARK_BLOCKS[0];
    const idx = Math.ceil((Math.min(v, top) / top) * SPARK_BLOCKS.length) - 1;
    return SPARK_BLOCKS[Math.max(0, Math.min(SPARK_BLOCKS.length - 1, idx))];
  });
  const pad = opts.width !== undefined ? Math.max(0, opts.width - cells.length) : 0;
  return ' '.repeat(pad) + cells.join('');
}

/** Human rate for status columns: bits per second with a unit (ExpressRoute bandwidth is sold in bps). */
export function formatRate(bytesPerSecond: number | undefined): string {
  if (bytesPerSecond === undefined || !Number.isFinite(bytesPerSecond)) return '–';
  const bps = bytesPerSecond * 8;
  const units = ['bps', 'kbps', 'Mbps', 'Gbps', 'Tbps'];
  let v = bps;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u += 1;
  }
  return `${v >= 100 || u === 0 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}
