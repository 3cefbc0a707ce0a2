import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { profileDbPath } from '../core/profile';
import { openConnection } from '../db/connection';
import { migrate } from '../db/migrate';
import { DEMO_SIZES, DEMO_STORE_NAME, generateDemoStoreInParallel, type DemoSize } from '../demo';
import { exitWithUsage, parseArgs, UsageError } from './args';

/**
 * Makes a demo profile:
 *   npm run demo -- --size small|medium|large|<orders> --data-dir DIR [--seed N] [--force]
 */
const USAGE =
  'Usage: npm run demo -- --data-dir DIR [--size small|medium|large|<orders>] [--seed N] [--force]';

interface DemoArgs {
  dataDir: string;
  size: DemoSize;
  seed: number | undefined;
  force: boolean;
}

function readArgs(argv: readonly string[]): DemoArgs {
  const args = parseArgs(argv, {
    'data-dir': { value: true },
    size: { value: true },
    seed: { value: true },
    force: { value: false },
  });
  if (typeof args['data-dir'] !== 'string') throw new UsageError('--data-dir is required.');
  return {
    dataDir: resolve(args['data-dir']),
    size: parseSize(args.size as string | undefined),
    seed: parseSeed(args.seed as string | undefined),
    force: args.force === true,
  };
}

function parseSize(text: string | undefined): DemoSize {
  if (text === undefined) return 'small';
  if (text in DEMO_SIZES) return text as keyof typeof DEMO_SIZES;
  const orders = Number(text);
  if (/^\d+$/.test(text) && Number.isSafeInteger(orders) && orders >= 1) return { orders };
  throw new UsageError(`--size must be small, medium, large or a number of orders, not "${text}".`);
}

function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seed = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(seed) || seed > 0xffffffff) {
    throw new UsageError(`--seed must be a whole number from 0 to 4294967295, not "${text}".`);
  }
  return seed;
}

function hasStore(dbPath: string): boolean {
  const connection = openConnection(dbPath);
  try {
    const table = connection.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stores'").get();
    return table !== undefined && connection.sqlite.prepare('SELECT 1 FROM stores LIMIT 1').get() !== undefined;
  } finally {
    connection.close();
  }
}

/** Progress on stderr: one updating line on a terminal, a line per 10% otherwise. */
function progressReporter(): (done: number, total: number) => void {
  let lastDecile = -1;
  return (done, total) => {
    const percent = Math.floor((done / total) * 100);
    const text = `Generating demo store: ${percent}% (${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} orders)`;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${text}${done === total ? '\n' : ''}`);
    } else if (Math.floor(percent / 10) !== lastDecile) {
      lastDecile = Math.floor(percent / 10);
      process.stderr.write(`${text}\n`);
    }
  };
}

async function main(): Promise<void> {
  let args: DemoArgs;
  try {
    args = readArgs(process.argv.slice(2));
  } catch (error) {
    exitWithUsage(error, USAGE);
  }
  const dbPath = profileDbPath(args.dataDir);
  if (existsSync(dbPath) && hasStore(dbPath)) {
    if (!args.force) {
      console.error(`${dbPath} already holds a store; pass --force to replace it with a new demo store.`);
      process.exit(1);
    }
    for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(file, { force: true });
  }
  mkdirSync(args.dataDir, { recursive: true });

  const connection = openConnection(dbPath);
  try {
    await migrate(connection);
    // Worker threads for big stores; small ones are made in this thread (same content either way).
    const summary = await generateDemoStoreInParallel(connection.sqlite, {
      size: args.size,
      seed: args.seed,
      onProgress: progressReporter(),
    });
    const perSecond = Math.round(summary.counts.orders / (summary.elapsedMs / 1000));
    console.log(
      `Created "${DEMO_STORE_NAME}" (store ${summary.storeId}, seed ${summary.seed}): ` +
        `${summary.counts.orders.toLocaleString('en-US')} orders, ` +
        `${summary.counts.customers.toLocaleString('en-US')} customers, ` +
        `${summary.firstOrderAt?.slice(0, 10)} to ${summary.lastOrderAt?.slice(0, 10)}, ` +
        `in ${(summary.elapsedMs / 1000).toFixed(1)} s (${perSecond.toLocaleString('en-US')} orders/s) -> ${dbPath}`,
    );
  } finally {
    connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
