import { defineConfig } from 'vitest/config';

/** End-to-end: the built renderer in Debian's Chromium, driven through browser mode. */
export default defineConfig({
  test: {
    root: new URL('../../', import.meta.url).pathname,
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
