import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESTATE_PRESETS, generateEstate } from '../../src/emulator/scenarios/generate-estate.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLE = `${ROOT}node_modules/.cache/erscope/cli.mjs`;
const PRELOAD = fileURLToPath(new URL('./usage-preload.cjs', import.meta.url));

/** One spawned run: wall time seen from here, CPU and peak RSS reported by the process itself. */
interface Run {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
}

/** Figures of the check bench; every ratio is against a baseline measured in the same run. */
export interface CheckBenchResult {
  nodes: number;
  load: Run;
  check: Run;
  timeRatio: number;
  cpuRatio: number;
  /** Peak RSS of `erscope check` from the snapshot and against the emulator (live, Resource Graph reader). */
  checkRssMb: { snapshot: number; live: number };
  /** Peak RSS of the explorer's data (inventory, graph, checks model and findings) from the snapshot and live. */
  explorerRssMb: { snapshot: number; live: number };
  /** Peak RSS of `erscope inventory` against the emulator (the live read alone). */
  inventoryLiveRssMb: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs the CLI bundle with the usage preload and returns its figures (the process must exit 0, 1 or 3). */
function runCli(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const usage = join(dir, 'usage.json');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', PRELOAD, BUNDLE, ...args], { env: { ...process.env, ...env, ERSCOPE_BENCH_USAGE: usage }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1 && r.status !== 3) throw new Error(`erscope ${args.join(' ')} exited ${r.status}: ${r.stderr?.toString().slice(0, 400)}`);
  const u = JSON.parse(readFileSync(usage, 'utf8')) as { maxRssKb: number; cpuMs: number };
  return { wallMs: Math.round(wallMs), cpuMs: u.cpuMs, maxRssMb: Math.round(u.maxRssKb / 1024) };
}

/** Bundles data-load-child.ts as the product is bundled and runs it against a source; returns its peak RSS. */
async function explorerData(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ maxRssMb: number; nodes: number; findings: number }> {
  const out = join(dir, 'data-load-child.mjs');
  const { build } = await import('esbuild');
  await build({
    entryPoints: [fileURLToPath(new URL('./data-load-child.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', target: 'node20',
    outfile: out, logLevel: 'error', jsx: 'automatic', define: { 'process.env.NODE_ENV': '"production"' },
    alias: { 'react-devtools-core': `${ROOT}src/build/rdt-stub.mjs` },
    banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" },
  });
  const r = spawnSync(process.execPath, ['--expose-gc', out, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`explorer data load exited ${r.status}: ${r.stderr.slice(0, 400)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { maxRssMb: number; nodes: number; findings: number };
}

/** Starts `erscope emulator --scenario FILE` in its own process (as Azure is out of ours) and reads its endpoint lines. */
function startEmulator(scenarioFile: string): Promise<{ env: NodeJS.ProcessEnv; stop: () => void }> {
  const child = spawn(process.execPath, [BUNDLE, 'emulator', '--scenario', scenarioFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let text = '';
    child.once('exit', (code) => reject(new Error(`emulator exited ${code} before serving`)));
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const endpoint = /^ERSCOPE_ENDPOINT=(.+)$/m.exec(text)?.[1];
      const ca = /^ERSCOPE_CA_CERT=(.+)$/m.exec(text)?.[1];
      if (endpoint && ca) resolve({ env: { ERSCOPE_ENDPOINT: endpoint, ERSCOPE_CA_CERT: ca }, stop: () => void child.kill() });
    });
  });
}

/**
 * `erscope check` against `erscope inventory` on the same 10,000-resource snapshot (each spawned as users run it,
 * median of `runs`), and the peak RSS of check, of the explorer's data and of the live inventory, with the emulator
 * serving the estate from its own process.
 */
export async function benchCheck(runs = 3): Promise<CheckBenchResult> {
  spawnSync(process.execPath, [`${ROOT}src/bin/erscope.mjs`, '--version'], { stdio: 'ignore' }); // (re)builds a stale bundle
  const dir = mkdtempSync(join(tmpdir(), 'erscope-check-bench-'));
  const scenarioFile = join(dir, 'estate.json');
  const snapshot = join(dir, 'snapshot.json');
  writeFileSync(scenarioFile, JSON.stringify(generateEstate({ ...ESTATE_PRESETS.bench, forbiddenSubscriptions: 1 })));
  const emu = await startEmulator(scenarioFile);
  try {
    runCli(dir, ['inventory', '--format', 'json', '--out', snapshot], emu.env);
    const loads: Run[] = [];
    const checks: Run[] = [];
    runCli(dir, ['check', '--snapshot', snapshot, '--fail-on', 'none']); // warm the file cache and the bundle's compile cache
    for (let i = 0; i < runs; i++) {
      loads.push(runCli(dir, ['inventory', '--snapshot', snapshot]));
      checks.push(runCli(dir, ['check', '--snapshot', snapshot, '--fail-on', 'none']));
    }
    const pick = (rs: Run[]): Run => ({ wallMs: median(rs.map((r) => r.wallMs)), cpuMs: median(rs.map((r) => r.cpuMs)), maxRssMb: Math.max(...rs.map((r) => r.maxRssMb)) });
    const load = pick(loads);
    const check = pick(checks);
    const explorerSnapshot = await explorerData(dir, ['--snapshot', snapshot]);
    const explorerLive = await explorerData(dir, [], emu.env);
    const checkLive = runCli(dir, ['check', '--fail-on', 'none'], emu.env);
    const inventoryLive = runCli(dir, ['inventory'], emu.env);
    return {
      nodes: explorerSnapshot.nodes,
      load, check,
      timeRatio: Math.round((check.wallMs / load.wallMs) * 100) / 100,
      cpuRatio: Math.round((check.cpuMs / load.cpuMs) * 100) / 100,
      checkRssMb: { snapshot: check.maxRssMb, live: checkLive.maxRssMb },
      explorerRssMb: { snapshot: explorerSnapshot.maxRssMb, live: explorerLive.maxRssMb },
      inventoryLiveRssMb: inventoryLive.maxRssMb,
    };
  } finally {
    emu.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the check bench's table: each figure with its baseline and target. */
export function printCheckBench(r: CheckBenchResult): void {
  console.log(`\ncheck bench: ${r.nodes} graph nodes (the 50-subscription / 10,000-resource estate, one subscription forbidden); each command spawned as users run it`);
  console.table({
    'check vs snapshot load (wall)': { measured: `${r.check.wallMs} ms`, baseline: `${r.load.wallMs} ms (erscope inventory --snapshot)`, ratio: r.timeRatio, target: '≤ 1.5' },
    'check vs snapshot load (CPU)': { measured: `${r.check.cpuMs} ms`, baseline: `${r.load.cpuMs} ms`, ratio: r.cpuRatio, target: '≤ 1.5' },
    'RSS: check --snapshot': { measured: `${r.checkRssMb.snapshot} MB`, baseline: `${r.load.maxRssMb} MB (inventory --snapshot)`, ratio: '', target: '≤ 200 MB' },
    'RSS: check (live, Resource Graph)': { measured: `${r.checkRssMb.live} MB`, baseline: `${r.inventoryLiveRssMb} MB (inventory, live)`, ratio: '', target: '≤ 200 MB' },
    'RSS: explorer data (snapshot)': { measured: `${r.explorerRssMb.snapshot} MB`, baseline: `${r.load.maxRssMb} MB (inventory --snapshot)`, ratio: '', target: '≤ 200 MB' },
    'RSS: explorer data (live)': { measured: `${r.explorerRssMb.live} MB`, baseline: `${r.inventoryLiveRssMb} MB (inventory, live)`, ratio: '', target: '≤ 200 MB' },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) printCheckBench(await benchCheck());
