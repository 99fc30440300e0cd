#!/usr/bin/env node
// Launcher: run the esbuild bundle (fast start); build it on first use; fall back to the TypeScript source via tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = `${root}node_modules/.cache/erscope/cli.mjs`;

if (!existsSync(bundle)) {
  try {
    const { buildBundle } = await import('../build/bundle.mjs');
    await buildBundle();
  } catch {
    // esbuild missing (production install without dev dependencies): run from source below.
  }
}
if (existsSync(bundle)) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(`${root}src/cli/entry.ts`).href);
}
