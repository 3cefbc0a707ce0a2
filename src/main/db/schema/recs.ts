import type { Generated } from 'kysely';
import type { Timestamp } from './columns';

/** Recommendation tuning's tables (0015). JSON columns hold the contract's shapes (src/shared/contract/recs.ts). */
export interface RecsConfigTable {
  id: number;
  config: string;
  version: number;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface RecsModelsTable {
  id: Generated<number>;
  status: 'training' | 'ready' | 'failed' | 'cancelled';
  started_at: Timestamp;
  finished_at: Timestamp | null;
  data_from: Timestamp | null;
  data_to: Timestamp | null;
  orders_used: Generated<number>;
  products: Generated<number>;
  customers: Generated<number>;
  options: Generated<string>;
  error: string | null;
  model: Buffer | null;
}

export interface RecsExperimentsTable {
  id: Generated<number>;
  name: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  split: string;
  split_description: string | null;
  config: string;
  ks: string;
  data_from: Timestamp | null;
  data_to: Timestamp | null;
  train_orders: number | null;
  test_cases: number | null;
  results: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
  created_by: number | null;
  error: string | null;
}

export interface RecsPublicationsTable {
  id: Generated<number>;
  store_id: number;
  model_id: number | null;
  config_version: number;
  queued: number;
  unchanged: number;
  skipped: number;
  created_at: Timestamp;
  created_by: number | null;
}

export interface RecsPublishedListsTable {
  store_id: number;
  product_id: number;
  kind: 'related' | 'complementary';
  product_ids: string;
  publication_id: number;
}
