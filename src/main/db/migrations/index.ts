import type { Kysely } from 'kysely';
import * as m0001 from './0001_core_schema';
import * as m0002 from './0002_audit_log';
import * as m0003 from './0003_orders_workspace';
import * as m0004 from './0004_customers';
import * as m0005 from './0005_loyalty_program';
import * as m0006 from './0006_orders_facets_index';
import * as m0007 from './0007_drop_raw_contact_indexes';
import * as m0008 from './0008_service_desk';
import * as m0009 from './0009_service_queues';
import * as m0010 from './0010_sla_clock_starts';
import * as m0011 from './0011_returns_requested';
import * as m0012 from './0012_feedback_inbox';
import * as m0013 from './0013_marketplace_sync';
import * as m0014 from './0014_sync_listing_resume';
import * as m0015 from './0015_recommendations';
import * as m0016 from './0016_sync_bulk_apply';
import * as m0017 from './0017_outbox_races';
import * as m0018 from './0018_rollups';
import * as m0019 from './0019_rollup_marks';
import * as m0020 from './0020_logistics_lists';
import * as m0021 from './0021_tracking_follows';
import * as m0023 from './0023_campaigns_community';
import * as m0024 from './0024_community_leaderboards';
import * as m0025 from './0025_shipment_lines';
import * as m0022 from './0022_retention_history';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
  /** Rebuilds a table others reference, so it runs with foreign keys off and is checked before commit. */
  rebuildsTables?: boolean;
}

/**
 * Every migration, in order, imported statically so a bundled app carries them.
 * Append only; the version is the file's number and never changes.
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: '0001_core_schema', up: m0001.up },
  { version: 2, name: '0002_audit_log', up: m0002.up },
  { version: 3, name: '0003_orders_workspace', up: m0003.up },
  { version: 4, name: '0004_customers', up: m0004.up },
  { version: 5, name: '0005_loyalty_program', up: m0005.up },
  { version: 6, name: '0006_orders_facets_index', up: m0006.up },
  { version: 7, name: '0007_drop_raw_contact_indexes', up: m0007.up },
  { version: 8, name: '0008_service_desk', up: m0008.up, rebuildsTables: m0008.rebuildsTables },
  { version: 9, name: '0009_service_queues', up: m0009.up },
  { version: 10, name: '0010_sla_clock_starts', up: m0010.up },
  { version: 11, name: '0011_returns_requested', up: m0011.up },
  { version: 12, name: '0012_feedback_inbox', up: m0012.up },
  { version: 13, name: '0013_marketplace_sync', up: m0013.up },
  { version: 14, name: '0014_sync_listing_resume', up: m0014.up },
  { version: 15, name: '0015_recommendations', up: m0015.up },
  { version: 16, name: '0016_sync_bulk_apply', up: m0016.up },
  { version: 17, name: '0017_outbox_races', up: m0017.up },
  { version: 18, name: '0018_rollups', up: m0018.up },
  { version: 19, name: '0019_rollup_marks', up: m0019.up },
  { version: 20, name: '0020_logistics_lists', up: m0020.up },
  { version: 21, name: '0021_tracking_follows', up: m0021.up },
  { version: 22, name: '0022_retention_history', up: m0022.up },
  { version: 23, name: '0023_campaigns_community', up: m0023.up },
  { version: 24, name: '0024_community_leaderboards', up: m0024.up },
  { version: 25, name: '0025_shipment_lines', up: m0025.up },
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]?.version ?? 0;
