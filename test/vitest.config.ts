import { defineConfig } from 'vitest/config';

/** Test configuration: forks pool (TLS trust and raw-mode stdin behave as in a real process), generous timeouts for 2-core CI. */
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/bench/**', 'node_modules/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    env: { NODE_ENV: 'test' },
  },
});
