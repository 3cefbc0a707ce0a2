import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { profileDbPath } from '../core/profile';
import { startCoreWorker } from '../core/workerHost';
import { newToken } from '../http/auth';
import { startHttpTransport } from '../http/server';
import { exitWithUsage, parseArgs, parsePort, UsageError } from './args';

/**
 * Browser mode: the same console and contract as the desktop app, over HTTP.
 *   npm run serve -- --data-dir DIR [--port N] [--token T] [--host H] [--no-demo]
 */
const USAGE =
  'Usage: npm run serve -- --data-dir DIR [--port 4319] [--token T] [--host 127.0.0.1] [--no-demo]';
const DEFAULT_PORT = 4319;
const REPO_ROOT = resolve(__dirname, '../../..');

async function main(): Promise<void> {
  let options;
  try {
    const args = parseArgs(process.argv.slice(2), {
      'data-dir': { value: true },
      port: { value: true },
      token: { value: true },
      host: { value: true },
      'no-demo': { value: false },
    });
    if (typeof args['data-dir'] !== 'string') throw new UsageError('--data-dir is required.');
    options = {
      dataDir: resolve(args['data-dir']),
      port: parsePort(args.port as string | undefined, DEFAULT_PORT),
      token: typeof args.token === 'string' ? args.token : newToken(),
      host: typeof args.host === 'string' ? args.host : '127.0.0.1',
      seedDemo: args['no-demo'] !== true,
    };
  } catch (error) {
    exitWithUsage(error, USAGE);
  }

  // BACKROOM_RENDERER_DIR lets a test run serve a renderer built elsewhere (`electron-vite build --outDir D`).
  const staticDir = process.env.BACKROOM_RENDERER_DIR ?? join(REPO_ROOT, 'out', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error('The console is not built yet; run `npx electron-vite build` first. Serving the API only.');
  }
  const core = await startCoreWorker({
    workerPath: join(__dirname, '..', 'core', 'worker.ts'),
    // This file runs under tsx; the worker needs tsx's loader to read TypeScript too.
    execArgv: ['--require', require.resolve('tsx/cjs')],
    dbPath: profileDbPath(options.dataDir),
    seedDemoIfEmpty: options.seedDemo,
  });
  const http = await startHttpTransport({
    core,
    token: options.token,
    host: options.host,
    port: options.port,
    staticDir,
  });
  console.log(`Backroom console: ${http.url}?token=${encodeURIComponent(options.token)}`);

  const stop = async (): Promise<void> => {
    await http.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
