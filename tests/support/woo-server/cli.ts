import { startWooServer } from './index';

/**
 * Starts a local WooCommerce-like server for a child-process test and prints
 * {"url","consumerKey","consumerSecret"} on one line, then serves until killed.
 * Options: --orders N --port P --seed S --timezone Area/City
 */
function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function count(name: string): number | undefined {
  const text = option(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    process.stderr.write(`--${name} must be a whole number, not "${text}".\n`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const server = await startWooServer({ orders: count('orders'), port: count('port'), seed: count('seed'), timezone: option('timezone') });
  process.stdout.write(`${JSON.stringify({ url: server.url, consumerKey: server.consumerKey, consumerSecret: server.consumerSecret })}\n`);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

// No top-level await: the package is CommonJS to tsx.
main().catch((error: unknown) => {
  process.stderr.write(`The WooCommerce test server did not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
