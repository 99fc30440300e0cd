import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
// @ts-expect-error plain ESM build script without types
import { applyPatches } from '../src/build/bundle-patches.mjs';

/** Test configuration: forks pool (TLS trust and raw-mode stdin behave as in a real process), generous timeouts for 2-core CI. */
export default defineConfig({
  // The UI tests draw through Ink as the bundle ships it: the same source patches (src/build/bundle-patches.mjs), so
  // the golden frames also prove the patches change no output. Ink must be inlined for the transform to reach it.
  plugins: [
    {
      name: 'erscope-patches',
      enforce: 'pre',
      load(id: string) {
        const file = id.split('?')[0]!;
        if (!/node_modules[\\/](ink|ink-testing-library)[\\/]/.test(file)) return undefined;
        // Ink ships source maps that point at files it does not ship; without them vite warns once per file.
        const code = readFileSync(file, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '');
        return (applyPatches(file, code) as { code: string }).code;
      },
    },
  ],
  test: {
    server: { deps: { inline: [/node_modules[\\/]ink[\\/]/, /node_modules[\\/]ink-testing-library[\\/]/] } },
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/bench/**', 'node_modules/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    env: { NODE_ENV: 'test' },
  },
});
