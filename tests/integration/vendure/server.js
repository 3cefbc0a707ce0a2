'use strict';
/**
 * A real Vendure server for the integration tests.
 *   node server.js --port <port> --data <folder> [--parent <pid>]
 * Binds to 127.0.0.1, keeps its sql.js database in <folder>/vendure.sqlite and prints one
 * JSON line {"ready":true,...} once the Admin API answers. SIGTERM saves the database and exits.
 * With --parent it also exits when that process is gone (a test worker killed before its afterAll).
 * No asset server, email, search or job-queue plugins: the tests need the APIs only.
 */
const path = require('node:path');
const { parseArgs } = require('node:util');
const { bootstrap, dummyPaymentHandler, DefaultLogger, LogLevel } = require('@vendure/core');

const SUPERADMIN = { username: 'superadmin', password: 'superadmin' };

/** `autoSave: false` (the seed) keeps the database in memory until the caller saves it once at the end. */
function vendureConfig(port, dataDir, { autoSave = true } = {}) {
  return {
    apiOptions: { hostname: '127.0.0.1', port, adminApiPath: 'admin-api', shopApiPath: 'shop-api' },
    authOptions: {
      // 'api-key' must be listed for API keys to work (3.6+): without it createApiKey still makes a key, which
      // every request then fails with a plain FORBIDDEN.
      tokenMethod: ['bearer', 'cookie', 'api-key'],
      superadminCredentials: { identifier: SUPERADMIN.username, password: SUPERADMIN.password },
      cookieOptions: { secret: 'backroom-test-peer' },
      requireVerification: false,
    },
    dbConnectionOptions: {
      type: 'sqljs',
      location: path.join(dataDir, 'vendure.sqlite'),
      // sql.js writes the whole database file after every write transaction: slow, but a kill loses nothing.
      autoSave,
      synchronize: true,
      logging: false,
    },
    paymentOptions: { paymentMethodHandlers: [dummyPaymentHandler] },
    // Vendure orders have no tags; a shop that wants Backroom's gives them a custom field (see the connector's order-edits.ts).
    customFields: { Order: [{ name: 'backroomTags', type: 'string', nullable: true, public: false }] },
    importExportOptions: { importAssetsDir: path.join(dataDir, 'no-assets') },
    logger: new DefaultLogger({ level: process.env.VENDURE_LOG === 'verbose' ? LogLevel.Verbose : LogLevel.Error }),
    plugins: [],
  };
}

async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string' }, data: { type: 'string' }, parent: { type: 'string' } } });
  const port = Number(values.port);
  if (!port || !values.data) throw new Error('usage: node server.js --port <port> --data <folder>');
  const app = await bootstrap(vendureConfig(port, path.resolve(values.data)));
  const url = `http://127.0.0.1:${port}`;
  process.stdout.write(`${JSON.stringify({ ready: true, url, pid: process.pid })}\n`);
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    // app.close() ends the typeorm connection, which writes the sql.js file one last time.
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
  const parent = Number(values.parent);
  if (parent) {
    setInterval(() => {
      try {
        process.kill(parent, 0);
      } catch {
        close();
      }
    }, 1000).unref();
  }
}

module.exports = { vendureConfig, SUPERADMIN };

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`vendure peer failed to start: ${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  });
}
