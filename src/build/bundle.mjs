// Builds the fast entry: one esbuild bundle (first frame ~190 ms vs ~500 ms for tsc output, platform notes §5).
// Runs from `npm ci` (prepare) and on first use by src/bin/erscope.mjs; writes under node_modules/.cache so the
// repository's top level stays clean.
import { copyFileSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Absolute path of the bundle the launcher runs. */
export const bundlePath = `${root}node_modules/.cache/erscope/cli.mjs`;

/** Bundles src/cli/entry.ts with the production React build; atomic so a failed build never leaves a broken entry. */
export async function buildBundle() {
  const { build } = await import('esbuild');
  mkdirSync(`${root}node_modules/.cache/erscope`, { recursive: true });
  const tmp = `${bundlePath}.${process.pid}.tmp.mjs`;
  await build({
    entryPoints: [`${root}src/cli/entry.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    outfile: tmp,
    logLevel: 'error',
    alias: { 'react-devtools-core': `${root}src/build/rdt-stub.mjs` },
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" },
  });
  renameSync(tmp, bundlePath);
  // Bundled scenarios resolve next to the running module (import.meta.url), so they travel with the bundle.
  const scenarios = `${root}src/emulator/scenarios/`;
  for (const f of readdirSync(scenarios).filter((n) => n.endsWith('.json'))) copyFileSync(scenarios + f, `${root}node_modules/.cache/erscope/${f}`);
  return bundlePath;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  await buildBundle();
  process.stderr.write(`erscope: built ${bundlePath} in ${Date.now() - started} ms\n`);
}
