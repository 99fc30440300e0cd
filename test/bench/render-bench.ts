import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RenderBenchRow } from './render-measure.js';

/** Keypress → frame target of issue 13 (one frame at 60 Hz). */
const TARGET_P95_MS = 16;
const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds render-measure.tsx the way the CLI is built (production React, the Ink/Yoga patches of
 * src/build/bundle-patches.mjs), so the figures are those of the code users run, not of tsx and React's dev build.
 */
async function buildMeasure(dir: string): Promise<string> {
  const { build } = await import('esbuild');
  const { productBuildOptions } = (await import(pathToFileURL(join(root, 'src/build/bundle.mjs')).href)) as { productBuildOptions: () => object };
  const out = join(dir, 'render-measure.mjs');
  await build({ ...productBuildOptions(), entryPoints: [join(root, 'test/bench/render-measure.tsx')], outfile: out });
  return out;
}

/** One estate measured in its own process (a fresh heap and JIT, as a user's session would have). */
function run(bundle: string, nodes: number, presses: number): RenderBenchRow {
  const out = execFileSync(process.execPath, [bundle, String(nodes), String(presses)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as RenderBenchRow;
}

/** Keypress (j/↑) → next frame on a 10,000-node estate vs a 100-node baseline, measured in the same run. */
export async function benchRender(presses = 60): Promise<{ baseline: RenderBenchRow; large: RenderBenchRow; medianRatio: number; p95Ratio: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'erscope-render-bench-'));
  try {
    const bundle = await buildMeasure(dir);
    const baseline = run(bundle, 100, presses);
    const large = run(bundle, 10_000, presses);
    const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 0.001)) * 100) / 100;
    const result = { baseline, large, medianRatio: ratio(large.medianMs, baseline.medianMs), p95Ratio: ratio(large.p95Ms, baseline.p95Ms) };
    console.log(`render bench: keypress → frame, connections view, 120×40, the bundled (production) UI; ${presses} presses each`);
    const head = ['estate', 'nodes', 'rows', 'median ms', 'p95 ms', 'target p95', 'cpu med', 'cpu p95'];
    const widths = [12, 8, 8, 12, 10, 12, 10, 10];
    const line = (cells: Array<string | number>) => '  ' + cells.map((c, i) => (i ? String(c).padStart(widths[i]!) : String(c).padEnd(widths[i]!))).join('');
    console.log(line(head));
    for (const [label, r] of [['baseline', baseline], ['large', large]] as const) {
      const verdict = r.p95Ms <= TARGET_P95_MS ? `≤ ${TARGET_P95_MS} ✔` : `≤ ${TARGET_P95_MS} ✖`;
      console.log(line([label, r.nodes, r.rows, r.medianMs, r.p95Ms, label === 'large' ? verdict : '', r.cpuMedianMs, r.cpuP95Ms]));
    }
    console.log(`  ratio large/baseline: median ×${result.medianRatio}, p95 ×${result.p95Ratio} (cpu = process CPU per press; steadier than wall time on a busy machine)`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchRender();
}
