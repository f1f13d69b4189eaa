import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  // One Chromium at a time: the machines have two cores, and timing-sensitive
  // checks (longest task) must not compete with a second browser.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: { trace: 'off', screenshot: 'off' },
});
