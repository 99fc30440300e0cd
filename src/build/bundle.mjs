// Builds the fast entry: an esbuild bundle split into lazily loaded chunks (first frame ~190 ms vs ~500 ms for tsc
// output, platform notes §5; `--version` and headless commands never parse Ink, React or the report renderers).
// Runs from `npm ci` (prepare) and from src/bin/erscope.mjs when the source is newer; writes under node_modules/.cache
// so the repository's top level stays clean.
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = `${root}node_modules/.cache/erscope`;
/** Absolute path of the entry chunk the launcher runs. */
export const bundlePath = `${outDir}/cli.mjs`;

/** Builds into a fresh directory and swaps it in, so a failed build never leaves a half-written entry. */
export async function buildBundle() {
  const { build } = await import('esbuild');
  const tmp = `${outDir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  await build({
    entryPoints: { cli: `${root}src/cli/entry.ts` },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
    alias: { 'react-devtools-core': `${root}src/build/rdt-stub.mjs` },
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" },
  });
  // Bundled scenarios resolve next to the running module (import.meta.url), so they travel with the bundle.
  const scenarios = `${root}src/emulator/scenarios/`;
  for (const f of readdirSync(scenarios).filter((n) => n.endsWith('.json'))) copyFileSync(scenarios + f, `${tmp}/${f}`);
  if (existsSync(outDir)) rmSync(outDir, { recursive: true, force: true });
  renameSync(tmp, outDir);
  return bundlePath;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  await buildBundle();
  process.stderr.write(`erscope: built ${bundlePath} in ${Date.now() - started} ms\n`);
}
