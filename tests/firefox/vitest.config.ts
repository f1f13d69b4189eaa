import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The Firefox end-to-end suite (issue #16): the production Firefox build in
 * Debian's Firefox ESR, driven over WebDriver BiDi. One Firefox for the whole
 * file, tests in order, nothing in parallel (two cores, and a browser each
 * would only make the suite slower). Needs `npm run build:firefox` first.
 */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('../..', import.meta.url)) } },
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/firefox/**/*.firefox.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
