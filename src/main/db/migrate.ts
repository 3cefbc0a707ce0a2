import type { Kysely } from 'kysely';
import type { Connection } from './connection';
import { backupDatabase } from './backup';
import { LATEST_SCHEMA_VERSION, migrations as allMigrations, type Migration } from './migrations';

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This database was written by a newer version of Backroom (schema ${found}); ` +
        `this version understands schema ${supported} at most. Update Backroom to open it.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export interface MigrationReport {
  from: number;
  to: number;
  applied: string[];
  backupPath: string | null;
}

export function schemaVersion(connection: Connection): number {
  return connection.sqlite.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database to the latest schema. All pending migrations run in one
 * transaction with `user_version`, so a failure leaves the file as it was. A
 * database that already holds data is backed up first.
 */
export async function migrate(
  connection: Connection,
  migrations: readonly Migration[] = allMigrations,
): Promise<MigrationReport> {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const from = schemaVersion(connection);
  if (from > latest) throw new DatabaseTooNewError(from, latest);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, applied: [], backupPath: null };

  const backupPath =
    from > 0 && connection.path !== ':memory:'
      ? await backupDatabase(connection.sqlite, connection.path, `before-v${latest}`)
      : null;

  // SQLite's documented way to rebuild a referenced table: foreign keys off
  // (a no-op inside a transaction, so set before it), then checked before commit.
  const rebuilds = pending.some((m) => m.rebuildsTables === true);
  if (rebuilds) connection.sqlite.pragma('foreign_keys = OFF');
  try {
    await connection.db.transaction().execute(async (trx) => {
      for (const migration of pending) {
        await migration.up(trx as unknown as Kysely<unknown>);
      }
      if (rebuilds) assertNoForeignKeyViolations(connection);
      // user_version lives in the file header and commits with the transaction.
      connection.sqlite.pragma(`user_version = ${latest}`);
    });
  } finally {
    if (rebuilds) connection.sqlite.pragma('foreign_keys = ON');
  }
  return { from, to: latest, applied: pending.map((m) => m.name), backupPath };
}

export { LATEST_SCHEMA_VERSION };

function assertNoForeignKeyViolations(connection: Connection): void {
  const violations = connection.sqlite.pragma('foreign_key_check') as { table: string; parent: string }[];
  if (violations.length > 0) {
    const first = violations[0] as { table: string; parent: string };
    throw new Error(
      `The schema upgrade would leave ${violations.length} broken reference(s) (first: ${first.table} → ${first.parent}); nothing was changed.`,
    );
  }
}
