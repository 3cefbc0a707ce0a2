import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // tests/renderer: the renderer's plain logic (no DOM), typechecked with the web project.
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/renderer/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    // Native better-sqlite3 is safest in child processes, one database per test file.
    pool: 'forks',
    testTimeout: 60_000,
  },
});
