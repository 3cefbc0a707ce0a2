import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    // Native better-sqlite3 is safest in child processes, one database per test file.
    pool: 'forks',
    testTimeout: 60_000,
  },
});
