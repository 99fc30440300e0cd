import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateEstate } from '../../src/emulator/scenarios/generate-estate.js';

/** First-frame target of issue 13: the header and the source on screen within 250 ms of launch. */
const TARGET_MS = 250;
const root = fileURLToPath(new URL('../..', import.meta.url));

/** One launch: when the first frame reached the terminal, and when the data was on screen (if it came). */
interface Launch {
  firstMs: number;
  loadedMs?: number;
  /** As the process itself noted it (ERSCOPE_FIRST_FRAME_LOG): ms since its start, and CPU ms spent until then. */
  selfMs?: number;
  cpuMs?: number;
}

let launches = 0;

/**
 * Starts `argv` in a 120×40 pseudo-terminal (util-linux `script`) and times, from the spawn, the first output holding
 * `erscope` and the first holding `loaded`; then types q and waits for the exit, so an in-process emulator cleans up.
 */
function launch(dir: string, argv: string[], loaded: RegExp | undefined, timeoutMs = 60_000): Promise<Launch> {
  const log = join(dir, `first-frame-${launches++}.log`);
  const cmd = `stty cols 120 rows 40; exec ${argv.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ')}`;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('script', ['-qfec', cmd, '/dev/null'], { stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, NO_COLOR: '1', ERSCOPE_FIRST_FRAME_LOG: log } });
    let seen = '';
    const out: Launch = { firstMs: NaN };
    const quit = () => {
      child.stdin.write('q');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    };
    const timer = setTimeout(quit, timeoutMs);
    child.stdout.on('data', (d: Buffer) => {
      const now = performance.now() - t0;
      seen += d.toString('utf8');
      if (Number.isNaN(out.firstMs) && seen.includes('erscope')) {
        out.firstMs = now;
        if (!loaded) quit();
      }
      if (loaded && out.loadedMs === undefined && !Number.isNaN(out.firstMs) && loaded.test(seen)) {
        out.loadedMs = now;
        quit();
      }
    });
    child.on('error', reject);
    child.on('exit', () => {
      clearTimeout(timer);
      if (existsSync(log)) {
        const noted = JSON.parse(readFileSync(log, 'utf8').split('\n')[0]!) as { ms: number; cpuMs: number };
        out.selfMs = noted.ms;
        out.cpuMs = noted.cpuMs;
      }
      resolve(out);
    });
  });
}

const NODE_BASELINE =
  "const c = process.cpuUsage(); require('fs').appendFileSync(process.env.ERSCOPE_FIRST_FRAME_LOG, JSON.stringify({ ms: Math.round(performance.now()), cpuMs: Math.round((c.user + c.system) / 1000) }) + '\\n'); process.stdout.write('erscope\\n')";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : String(Math.round(x)));

/** Starts `erscope emulator --demo` and resolves with the endpoint and CA file it prints (for the --endpoint mode). */
function startEmulator(cli: string): Promise<{ endpoint: string; ca: string; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'emulator', '--demo'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const endpoint = /ERSCOPE_ENDPOINT=(\S+)/.exec(out)?.[1];
      const ca = /ERSCOPE_CA_CERT=(\S+)/.exec(out)?.[1];
      if (endpoint && ca) resolve({ endpoint, ca, stop: () => child.kill('SIGINT') });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`erscope emulator exited (${code}) before printing its endpoint`)));
  });
}

/** Writes a snapshot of the generated 10,000-resource estate with the bundled CLI (the file a large user would open). */
function largeSnapshot(dir: string, cli: string): string {
  const scenario = join(dir, 'estate.json');
  writeFileSync(scenario, JSON.stringify(generateEstate({ subscriptions: 50, resourcesTarget: 10_000, seed: 1 })));
  const snapshot = join(dir, 'estate-snapshot.json');
  spawnSync(process.execPath, [cli, 'inventory', '--scenario', scenario, '--format', 'json', '--out', snapshot], { stdio: 'ignore' });
  return snapshot;
}

/**
 * First frame of the explorer in each source mode vs `node -e` writing one line, all launched the same way in the same
 * run (so the pseudo-terminal's cost and the machine's load are in both).
 */
export async function benchFirstFrame(runs = 5, only: string[] = []): Promise<Record<string, { firstMs: number; loadedMs?: number; cpuMs?: number }>> {
  if (spawnSync('script', ['--version']).status !== 0) {
    console.log('first-frame bench: skipped (needs util-linux `script` for a pseudo-terminal)');
    return {};
  }
  // ERSCOPE_BENCH_CLI=path/cli.mjs measures another build (e.g. one of an older commit) instead of this checkout's.
  const cli = process.env.ERSCOPE_BENCH_CLI ?? join(root, 'node_modules/.cache/erscope/cli.mjs');
  if (!process.env.ERSCOPE_BENCH_CLI) execFileSync(process.execPath, [join(root, 'src/build/bundle.mjs')], { stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'erscope-first-frame-'));
  let stopEmulator = () => {};
  try {
    const wanted = (label: string) => only.length === 0 || only.some((o) => label.startsWith(o));
    const small = join(dir, 'demo-snapshot.json');
    if (wanted('--snapshot (demo)')) spawnSync(process.execPath, [cli, 'inventory', '--demo', '--format', 'json', '--out', small], { stdio: 'ignore' });
    const large = wanted('--snapshot (10k)') || wanted('--scenario (10k)') ? largeSnapshot(dir, cli) : '';
    const emulator = wanted('--endpoint') ? await startEmulator(cli) : undefined;
    if (emulator) stopEmulator = emulator.stop;
    const node = process.execPath;
    // The header says how old the data is once a load finished ("↻ 0s ago"); before that, "not loaded".
    const loaded = /↻ \d+[smh] ago/;
    const all: Array<[string, string[], RegExp | undefined]> = [
      // The same note as erscope's, written by a process that does nothing else.
      ['node -e (baseline)', [node, '-e', NODE_BASELINE], undefined],
      ['--demo', [node, cli, '--demo'], loaded],
      ['--snapshot (demo)', [node, cli, '--snapshot', small], loaded],
      ['--snapshot (10k)', [node, cli, '--snapshot', large], loaded],
      ['--scenario (10k)', [node, cli, '--scenario', join(dir, 'estate.json')], loaded],
      ['--endpoint (demo)', [node, cli, '--endpoint', emulator?.endpoint ?? '', '--ca-cert', emulator?.ca ?? ''], loaded],
      // No login on a bench machine: the frame still comes first, then the one-line "run az login" error.
      ['Azure (no login)', [node, cli], undefined],
    ];
    const modes = all.filter(([label]) => label.startsWith('node') || wanted(label));
    const result: Record<string, { firstMs: number; loadedMs?: number; cpuMs?: number }> = {};
    console.log(`first-frame bench: launch → first frame in a 120×40 pseudo-terminal, median of ${runs} launches (target ≤ ${TARGET_MS} ms)`);
    console.log(`  ${'mode'.padEnd(22)}${'first frame'.padStart(12)}${'worst'.padStart(8)}${'− node'.padStart(9)}${'target'.padStart(10)}${'in-process'.padStart(12)}${'cpu'.padStart(7)}${'data shown'.padStart(12)}`);
    // Round-robin over the modes, so a change in the machine's load hits every mode alike.
    const got = modes.map((): Launch[] => []);
    for (let i = 0; i < runs; i++) for (const [m, [, argv, marker]] of modes.entries()) got[m]!.push(await launch(dir, argv, marker));
    let base = 0;
    for (const [m, [label]] of modes.entries()) {
      const runsOf = got[m]!;
      const first = median(runsOf.map((g) => g.firstMs));
      const worst = Math.max(...runsOf.map((g) => g.firstMs));
      const loadedAll = runsOf.map((g) => g.loadedMs).filter((x): x is number => x !== undefined);
      const shown = loadedAll.length ? median(loadedAll) : undefined;
      const noted = runsOf.filter((g) => g.selfMs !== undefined);
      const self = noted.length ? median(noted.map((g) => g.selfMs!)) : undefined;
      const cpu = noted.length ? median(noted.map((g) => g.cpuMs!)) : undefined;
      if (label.startsWith('node')) base = first;
      result[label] = { firstMs: Math.round(first), ...(shown !== undefined ? { loadedMs: Math.round(shown) } : {}), ...(cpu !== undefined ? { cpuMs: cpu } : {}) };
      const verdict = label.startsWith('node') ? '' : first <= TARGET_MS ? `≤ ${TARGET_MS} ✔` : `≤ ${TARGET_MS} ✖`;
      console.log(`  ${label.padEnd(22)}${ms(first).padStart(12)}${ms(worst).padStart(8)}${(label.startsWith('node') ? '' : '+' + ms(first - base)).padStart(9)}${verdict.padStart(10)}${ms(self).padStart(12)}${ms(cpu).padStart(7)}${ms(shown).padStart(12)}`);
    }
    console.log('  (ms from spawn; − node: what erscope adds over starting Node itself; in-process / cpu: ms since the process');
    console.log('   started and CPU ms until the frame, as it noted them; data shown: the table with its rows, "↻ 0s ago")');
    return result;
  } finally {
    stopEmulator();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `first-frame-bench.ts [RUNS] [--demo,--snapshot,...]`: fewer launches or only some modes.
  await benchFirstFrame(Number(process.argv[2] ?? 5), process.argv[3]?.split(',') ?? []);
}
