#!/usr/bin/env node
// Launcher: run the esbuild bundle (fast start); (re)build it when missing or older than the source; fall back to the
// TypeScript source via tsx when esbuild is not installed.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = `${root}node_modules/.cache/erscope/cli.mjs`;

/** Newest modification time under src/ (a few ms for ~300 files), so an edited checkout never runs a stale bundle. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

// Only a development checkout can have source newer than its bundle; an installed copy skips the walk at start-up.
const checkout = existsSync(`${root}.git`);
const fresh = () => existsSync(bundle) && (!checkout || statSync(bundle).mtimeMs >= newestSource(`${root}src`));
const stale = !fresh();
if (stale) {
  try {
    const { buildBundle } = await import('../build/bundle.mjs');
    await buildBundle();
  } catch {
    // esbuild missing (production install without dev dependencies): run from source below.
  }
}
if (fresh()) {
  await import(pathToFileURL(bundle).href);
} else {
  // tsx finds tsconfig.json (jsx: react-jsx) from the working directory; point it at ours wherever erscope runs.
  process.env.TSX_TSCONFIG_PATH = `${root}tsconfig.json`;
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(`${root}src/cli/entry.ts`).href);
}
