import type { Kysely } from 'kysely';
import * as m0001 from './0001_core_schema';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/**
 * Every migration, in order, imported statically so a bundled app carries them.
 * Append only; the version is the file's number and never changes.
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: '0001_core_schema', up: m0001.up },
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]?.version ?? 0;
