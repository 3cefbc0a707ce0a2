import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../src/main/db/connection';
import { DatabaseTooNewError, migrate, schemaVersion } from '../../src/main/db/migrate';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from '../../src/main/db/migrations';
import { openCore } from '../../src/main/core';
import { tempDir } from '../helpers/db';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function tempDbPath(): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return join(dir, 'backroom.sqlite');
}

describe('migrations', () => {
  it('are numbered 1..n without gaps, named after their file', () => {
    migrations.forEach((m, i) => {
      expect(m.version).toBe(i + 1);
      expect(m.name.startsWith(String(m.version).padStart(4, '0'))).toBe(true);
    });
    const files = readdirSync(join(__dirname, '../../src/main/db/migrations')).filter((f) => /^\d{4}_/.test(f));
    expect(files.map((f) => f.replace(/\.ts$/, ''))).toEqual(migrations.map((m) => m.name));
  });

  it('0001 creates the domain core with WAL and foreign keys on', async () => {
    const connection = openConnection(tempDbPath());
    const report = await migrate(connection);
    expect(report).toMatchObject({ from: 0, to: LATEST_SCHEMA_VERSION, backupPath: null });
    const tables = (connection.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string }[]).map((t) => t.name);
    for (const table of ['stores', 'products', 'customers', 'orders', 'order_lines', 'payments', 'refunds',
      'shipments', 'tracking_events', 'points_ledger', 'tickets', 'ticket_messages', 'feedback', 'returns',
      'staff', 'settings', 'sync_state', 'outbox']) {
      expect(tables).toContain(table);
    }
    expect(connection.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(connection.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    connection.close();
  });

  it('keeps synced rows unique on (store_id, external_id)', async () => {
    const connection = openConnection(':memory:');
    await migrate(connection);
    const s = connection.sqlite;
    s.exec(`INSERT INTO stores (id, platform, name, currency, created_at, updated_at) VALUES (1, 'demo', 'S', 'USD', 'x', 'x')`);
    const insert = s.prepare(`INSERT INTO customers (store_id, external_id, created_at, updated_at) VALUES (1, 'gid://1', 'x', 'x')`);
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE/);
    connection.close();
  });

  it('keeps the points ledger append-only', async () => {
    const connection = openConnection(':memory:');
    await migrate(connection);
    const s = connection.sqlite;
    s.exec(`INSERT INTO stores (id, platform, name, currency, created_at, updated_at) VALUES (1, 'demo', 'S', 'USD', 'x', 'x');
      INSERT INTO customers (id, store_id, external_id, created_at, updated_at) VALUES (1, 1, 'c1', 'x', 'x');
      INSERT INTO points_ledger (customer_id, entry_type, points, idempotency_key, available_at, created_at)
        VALUES (1, 'earn', 10, 'order:1:earn', 'x', 'x')`);
    expect(() => s.exec('UPDATE points_ledger SET points = 20')).toThrow(/append-only/);
    expect(() => s.exec('DELETE FROM points_ledger')).toThrow(/append-only/);
    expect(() => s.exec(`INSERT INTO points_ledger (customer_id, entry_type, points, idempotency_key, available_at, created_at)
        VALUES (1, 'earn', 10, 'order:1:earn', 'x', 'x')`)).toThrow(/UNIQUE/);
    connection.close();
  });

  it('refuses a database written by a newer version, with a clear message', async () => {
    const path = tempDbPath();
    const connection = openConnection(path);
    await migrate(connection);
    connection.sqlite.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    await expect(migrate(connection)).rejects.toBeInstanceOf(DatabaseTooNewError);
    connection.close();
    await expect(openCore({ dbPath: path })).rejects.toThrow(/newer version of Backroom/);
  });

  it('backs up a database with data before migrating it, with the online backup API', async () => {
    const path = tempDbPath();
    const connection = openConnection(path);
    await migrate(connection, migrations.slice(0, 1));
    connection.sqlite.exec(`INSERT INTO stores (platform, name, currency, created_at, updated_at) VALUES ('demo', 'Kept', 'USD', 'x', 'x')`);
    const next: Migration = {
      version: 2,
      name: '0002_test',
      up: async (db: Kysely<unknown>) => {
        await sql`CREATE TABLE test_extra (id INTEGER PRIMARY KEY)`.execute(db);
      },
    };
    const report = await migrate(connection, [...migrations.slice(0, 1), next]);
    expect(report.applied).toEqual(['0002_test']);
    expect(report.backupPath && existsSync(report.backupPath)).toBe(true);
    const backup = openConnection(report.backupPath!, { readonly: true });
    expect(backup.sqlite.prepare('SELECT name FROM stores').get()).toEqual({ name: 'Kept' });
    expect(schemaVersion(backup)).toBe(1);
    backup.close();
    connection.close();
  });

  it('rolls back every pending migration when one fails', async () => {
    const connection = openConnection(tempDbPath());
    const broken: Migration = {
      version: 2,
      name: '0002_broken',
      up: async (db: Kysely<unknown>) => {
        await sql`CREATE TABLE half_done (id INTEGER)`.execute(db);
        await sql`THIS IS NOT SQL`.execute(db);
      },
    };
    await expect(migrate(connection, [...migrations, broken])).rejects.toThrow();
    expect(schemaVersion(connection)).toBe(0);
    expect(connection.sqlite.prepare("SELECT name FROM sqlite_master WHERE name IN ('stores', 'half_done')").all()).toEqual([]);
    connection.close();
  });
});
