import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/**
 * One build for the three processes. The core worker is a second main entry so
 * the shell can start it in a worker thread (heavy SQL never runs on the
 * window's event loop). better-sqlite3 stays external: it is loaded from
 * node_modules, or from the Electron-ABI build the start script makes.
 */
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          coreWorker: resolve(__dirname, 'src/main/core/worker.ts'),
          // Recommendation training and evaluation, started by the core beside coreWorker.js (domain/recommend/jobHost.ts).
          recsWorker: resolve(__dirname, 'src/main/domain/recommend/worker.ts'),
        },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: {
      alias: { '@shared': resolve(__dirname, 'src/shared') },
    },
    plugins: [react()],
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
      },
    },
  },
});
