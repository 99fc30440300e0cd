#!/usr/bin/env node
// Launcher. An installed package runs the bundle `npm pack` built next to this file (src/bin/dist). A clone runs the
// bundle `npm ci` built under node_modules/.cache, (re)building it when missing or older than the source, and falls
// back to the TypeScript source via tsx when esbuild is not installed.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const packed = fileURLToPath(new URL('./dist/cli.mjs', import.meta.url));
const bundle = `${root}node_modules/.cache/erscope/cli.mjs`;

/** Newest modification time under src/ (a few ms for ~300 files), so an edited checkout never runs a stale bundle. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${entry.name}`;
    if (p === `${root}src/bin/dist`) continue;
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

// A checkout ignores a leftover src/bin/dist (an interrupted `npm pack`): it may be older than the source.
const checkout = existsSync(`${root}.git`);
if (!checkout && existsSync(packed)) {
  await import(pathToFileURL(packed).href);
} else {
  await runFromCheckout();
}

async function runFromCheckout() {
  const fresh = () => existsSync(bundle) && (!checkout || statSync(bundle).mtimeMs >= newestSource(`${root}src`));
  if (!fresh()) {
    try {
      const { buildBundle } = await import('../build/bundle.mjs');
      await buildBundle();
    } catch {
      // esbuild missing (production install without dev dependencies): run from source below.
    }
  }
  if (fresh()) {
    await import(pathToFileURL(bundle).href);
    return;
  }
  // tsx finds tsconfig.json (jsx: react-jsx) from the working directory; point it at ours wherever erscope runs.
  process.env.TSX_TSCONFIG_PATH = `${root}tsconfig.json`;
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('erscope: this copy has neither a built bundle nor the dev tools to build one: reinstall erscope, or run `npm ci` in a clone\n');
    process.exit(70);
  }
  register();
  await import(pathToFileURL(`${root}src/cli/entry.ts`).href);
}
