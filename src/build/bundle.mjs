// Builds the fast entry: an esbuild bundle split into lazily loaded chunks (first frame ~190 ms vs ~500 ms for tsc
// output, platform notes §5; `--version` and headless commands never parse Ink, React or the report renderers).
// Two destinations, one build:
// - a clone: `npm ci` (prepare) and src/bin/erscope.mjs (when the source is newer) write under node_modules/.cache,
//   so the repository's top level stays clean;
// - the published package: `npm pack`/`npm publish` (prepack) write src/bin/dist/, the folder `files` ships next to
//   the launcher, and postpack removes it again (`--pack` / `--clean-pack`).
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { patchesPlugin } from './bundle-patches.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = `${root}node_modules/.cache/erscope`;
/** Absolute path of the entry chunk the launcher runs in a clone. */
export const bundlePath = `${outDir}/cli.mjs`;
/** The folder a packed tarball ships (gitignored; exists only between prepack and postpack). */
export const packDir = `${root}src/bin/dist`;

/** The esbuild options every build of product code shares (the CLI bundle, and the render bench that measures it). */
export function productBuildOptions() {
  return {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    logLevel: 'error',
    plugins: [patchesPlugin],
    alias: { 'react-devtools-core': `${root}src/build/rdt-stub.mjs` },
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" },
  };
}

/** Builds into a fresh directory and swaps it in, so a failed build never leaves a half-written entry. */
export async function buildBundle(dir = outDir) {
  const { build } = await import('esbuild');
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  await build({ ...productBuildOptions(), entryPoints: { cli: `${root}src/cli/entry.ts` }, splitting: true, outdir: tmp, outExtension: { '.js': '.mjs' } });
  // Bundled scenarios resolve next to the running module (import.meta.url), so every one travels with the bundle.
  const scenarios = `${root}src/emulator/scenarios/`;
  for (const f of readdirSync(scenarios).filter((n) => n.endsWith('.json'))) copyFileSync(scenarios + f, `${tmp}/${f}`);
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return `${dir}/cli.mjs`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const mode = process.argv[2];
  if (mode === '--clean-pack') {
    rmSync(packDir, { recursive: true, force: true });
  } else if (!mode && process.env.npm_lifecycle_event === 'prepare' && ['pack', 'publish'].includes(process.env.npm_command ?? '')) {
    // npm runs `prepare` on pack and publish too; the tarball only needs prepack's build, so skip the second one.
  } else {
    const started = Date.now();
    const built = await buildBundle(mode === '--pack' ? packDir : outDir);
    process.stderr.write(`erscope: built ${built} in ${Date.now() - started} ms\n`);
  }
}
