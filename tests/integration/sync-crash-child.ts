import { openConnection } from '../../src/main/db/connection';
import { migrate } from '../../src/main/db/migrate';
import { installSync } from '../../src/main/sync/engine/runtime';
import { startSync } from '../../src/main/sync/engine/run';

/**
 * One life of the app for the crash test: opens (or reopens) the profile,
 * connects the WooCommerce test store the first time, syncs it and exits.
 * The parent SIGKILLs it at random points. Prints "started" when the run
 * begins and a JSON summary when it ends.
 * Usage: tsx sync-crash-child.ts <dbPath> <url> <consumerKey> <consumerSecret>
 */
async function main(): Promise<void> {
  const [dbPath, url, consumerKey, consumerSecret] = process.argv.slice(2) as [string, string, string, string];
  const connection = openConnection(dbPath);
  await migrate(connection);
  const { sqlite } = connection;
  const deps = installSync({ sqlite, dbPath, now: () => new Date(), emit: () => undefined });
  let store = sqlite.prepare<[], { id: number }>(`SELECT id FROM stores WHERE platform = 'woocommerce'`).get();
  if (!store) {
    const at = new Date().toISOString();
    sqlite.transaction(() => {
      const id = Number(sqlite
        .prepare(
          `INSERT INTO stores (platform, name, currency, timezone, created_at, updated_at, shop_url, connected_at, secret_store,
             sync_resources, sync_interval_minutes) VALUES ('woocommerce', 'Hillside Tea', 'USD', 'America/New_York', ?, ?, ?, ?, 'file',
             '["products","customers","orders"]', 0)`,
        )
        .run(at, at, url, at).lastInsertRowid);
      deps.runtime.vault.put(id, { platform: 'woocommerce', consumerKey, consumerSecret });
    })();
    store = { id: sqlite.prepare<[], { id: number }>(`SELECT id FROM stores WHERE platform = 'woocommerce'`).get()!.id };
  }
  const run = startSync(deps, store.id, { trigger: 'startup' });
  process.stdout.write('started\n');
  await deps.runtime.active.get(store.id)?.done;
  const row = sqlite.prepare('SELECT status, error, fetched, created, updated, unchanged FROM sync_runs WHERE id = ?').get(run.id);
  process.stdout.write(`${JSON.stringify(row)}\n`);
  connection.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
