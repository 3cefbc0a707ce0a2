import { z } from 'zod';
import { operation } from './operation';

/**
 * Marketplace connections, the sync engine, the outbox and CSV imports.
 * Credentials go in through stores.connect and never come back out: no
 * operation returns them, and they are not kept in SQLite in plain text.
 */
export const CONNECTABLE_PLATFORMS = ['shopify', 'woocommerce', 'vendure'] as const;
export const SYNC_RESOURCES = ['products', 'customers', 'orders'] as const;
export type ConnectablePlatform = (typeof CONNECTABLE_PLATFORMS)[number];
export type SyncResourceName = (typeof SYNC_RESOURCES)[number];

const id = z.number().int().positive();
const shopUrl = z
  .string()
  .trim()
  .url({ message: 'must be the shop address, such as https://my-shop.myshopify.com' })
  .max(300);
const secret = (what: string) => z.string().trim().min(1, { message: `${what} is required` }).max(500);

export const storeCredentials = z.discriminatedUnion('platform', [
  z.object({ platform: z.literal('shopify'), accessToken: secret('the Admin API access token') }).strict(),
  z.object({
    platform: z.literal('woocommerce'),
    consumerKey: secret('the consumer key'),
    consumerSecret: secret('the consumer secret'),
    /** For hosts that strip the Authorization header: send the keys in the query string (HTTPS only). */
    queryStringAuth: z.boolean().default(false),
  }).strict(),
  /** Vendure's Admin API: an API key (sent as `vendure-api-key`) or an administrator's login (exchanged for a bearer token, never stored). */
  z.object({
    platform: z.literal('vendure'),
    apiKey: z.string().trim().min(1).max(500).optional(),
    username: z.string().trim().min(1).max(200).optional(),
    password: z.string().min(1).max(500).optional(),
    /** Vendure channel token, when the shop has more than the default channel. */
    channelToken: z.string().trim().min(1).max(200).optional(),
  }).strict().refine((c) => c.apiKey !== undefined || (c.username !== undefined && c.password !== undefined), {
    message: 'give either an API key or an administrator username and password', path: ['apiKey'],
  }),
]);

export const storesConnectInput = z
  .object({
    staffId: id,
    name: z.string().trim().min(1, { message: 'give the store a name' }).max(100),
    shopUrl,
    credentials: storeCredentials,
    resources: z.array(z.enum(SYNC_RESOURCES)).min(1, { message: 'choose at least one thing to sync' }),
    timezone: z.string().min(1).max(64),
    currency: z.string().regex(/^[A-Z]{3}$/, { message: 'must be a three-letter currency code such as USD' }),
    /** Minutes between automatic syncs while the app is open; 0 = only "Sync now". */
    intervalMinutes: z.number().int().min(0).max(24 * 60).default(15),
  })
  .strict();

/** Tests credentials before (or without) saving them. */
export const storesTestInput = z
  .union([
    z.object({ storeId: id }).strict(),
    z.object({ shopUrl, credentials: storeCredentials }).strict(),
  ]);

export interface ConnectedStore {
  id: number;
  name: string;
  platform: string;
  shopUrl: string | null;
  currency: string;
  timezone: string;
  resources: SyncResourceName[];
  intervalMinutes: number;
  /** Whether a secret is stored for it (never the secret itself). */
  hasCredentials: boolean;
  /** Where the secret is kept: the OS keychain, or an encrypted file when the OS has none (warned). */
  secretStore: 'os' | 'file' | null;
  connectedAt: string | null;
}

export interface ConnectionTest {
  ok: boolean;
  message: string;
  shop?: { name: string; currency: string | null; timezone: string | null };
}

export interface ResourceStatus {
  resource: SyncResourceName;
  cursor: { updatedAt: string; externalId: string } | null;
  lastStartedAt: string | null;
  lastSucceededAt: string | null;
  lastError: string | null;
  remoteTotal: number | null;
  localCount: number;
}

export interface SyncCounts {
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  quarantined: number;
}

export interface SyncRunSummary {
  id: number;
  storeId: number;
  trigger: 'manual' | 'schedule' | 'startup';
  status: 'running' | 'succeeded' | 'failed' | 'cancelled';
  startedAt: string;
  finishedAt: string | null;
  counts: SyncCounts;
  error: string | null;
}

export interface SyncStoreStatus {
  store: ConnectedStore;
  online: boolean | null;
  running: SyncRunSummary | null;
  lastRun: SyncRunSummary | null;
  nextRunAt: string | null;
  resources: ResourceStatus[];
  /** Shopify's cost bucket as last seen; WooCommerce has none. */
  budget: { available: number; maximum: number; restorePerSecond: number } | null;
  outbox: { pending: number; failed: number };
}

export interface SyncLogEntry {
  id: number;
  runId: number;
  at: string;
  level: 'info' | 'warning' | 'error';
  resource: SyncResourceName | null;
  message: string;
  detail: Record<string, unknown>;
}

export interface OutboxEntry {
  id: number;
  storeId: number;
  operation: string;
  targetType: string;
  targetId: number | null;
  payload: Record<string, unknown>;
  status: 'pending' | 'sending' | 'done' | 'failed' | 'discarded';
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  completedAt: string | null;
}

export const IMPORT_FORMATS = ['shopify_orders', 'woocommerce_orders', 'generic_orders'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Generic CSV: which column holds which order field, and how dates and numbers are written. */
export const importMapping = z
  .object({
    columns: z.record(z.string(), z.string().max(200)),
    dateFormat: z.enum(['iso', 'dmy', 'mdy', 'ymd']).default('iso'),
    decimalSeparator: z.enum(['.', ',']).default('.'),
    currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  })
  .strict();

export const importInput = z
  .object({
    staffId: id,
    /** The store the rows belong to (a CSV store is created when absent). */
    storeId: id.optional(),
    format: z.enum(IMPORT_FORMATS),
    csv: z.string().min(1, { message: 'the file is empty' }).max(50_000_000),
    fileName: z.string().max(300).optional(),
    mapping: importMapping.optional(),
  })
  .strict();

export interface ImportPreview {
  format: ImportFormat;
  columns: string[];
  /** The first rows as the import would read them. */
  rows: { row: number; order: { number: string; placedAt: string; totalMinor: number; currency: string; lines: number } | null; problem: string | null }[];
  orders: number;
  problems: { row: number; message: string }[];
  /** Already imported (same file content): running it changes nothing. */
  alreadyImported: boolean;
}

export interface ImportResult {
  storeId: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: { row: number; message: string }[];
}

export const syncOperations = {
  'stores.list': operation<ConnectedStore[]>()(z.object({}).strict(), 'Every store, with how it connects (never its secrets)'),
  'stores.connect': operation<ConnectedStore>()(storesConnectInput, 'Connects a Shopify or WooCommerce store after testing it'),
  'stores.test': operation<ConnectionTest>()(storesTestInput, 'Tests a connection and says why it fails'),
  'stores.remove': operation<{ id: number }>()(z.object({ storeId: id, staffId: id }).strict(), 'Disconnects a store and forgets its secret; its data stays'),
  'sync.run': operation<SyncRunSummary>()(z.object({ storeId: id, resources: z.array(z.enum(SYNC_RESOURCES)).min(1).optional() }).strict(), 'Starts a sync now (progress arrives as sync.progress)'),
  'sync.cancel': operation<{ cancelled: boolean }>()(z.object({ storeId: id }).strict(), 'Stops a running sync after its current page'),
  'sync.status': operation<SyncStoreStatus[]>()(z.object({ storeId: id.optional() }).strict(), 'Where each store stands'),
  'sync.log': operation<SyncLogEntry[]>()(z.object({ runId: id.optional(), storeId: id.optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(), 'What a run did and skipped, and why'),
  'outbox.list': operation<OutboxEntry[]>()(z.object({ storeId: id.optional(), status: z.array(z.enum(['pending', 'sending', 'done', 'failed', 'discarded'])).min(1).optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(), 'Changes waiting for (or refused by) a marketplace'),
  'outbox.retry': operation<OutboxEntry>()(z.object({ id, staffId: id, payload: z.record(z.string(), z.unknown()).optional() }).strict(), 'Sends a failed change again (optionally edited)'),
  'outbox.discard': operation<OutboxEntry>()(z.object({ id, staffId: id }).strict(), 'Gives up on a failed change; the local change stays'),
  'import.preview': operation<ImportPreview>()(importInput, 'Reads a CSV and reports what importing it would do, writing nothing'),
  'import.run': operation<ImportResult>()(importInput, 'Imports a CSV of orders; the same file twice changes nothing'),
} as const;
