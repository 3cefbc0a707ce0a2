import { defineConfig } from '@playwright/test';

/**
 * Electron end-to-end tests: the built app in a real Electron on a fresh demo
 * profile. They run wherever an Electron binary is on disk (and a display is
 * there to show a window) and skip with one line elsewhere; global-setup
 * builds the app and the Electron-ABI better-sqlite3 before they run.
 */
export default defineConfig({
  testDir: 'tests/electron',
  globalSetup: './tests/electron/global-setup.ts',
  // One Electron app at a time: each test file launches its own.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results/electron',
  use: { trace: 'retain-on-failure' },
});
