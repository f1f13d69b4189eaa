import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The store packages (issue #16): run after `npm run zip`, which builds both browsers and zips them. */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/release/**/*.release.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
