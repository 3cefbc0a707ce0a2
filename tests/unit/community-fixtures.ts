import { contract, DEFAULT_LOYALTY_SETTINGS, type InputOf, type OutputOf } from '../../src/shared/contract';
import { communityHandlers } from '../../src/main/domain/community/handlers';
import type { HandlerContext } from '../../src/main/core/handler';
import type { Connection, Sqlite } from '../../src/main/db/connection';
import { writeLoyaltySettings } from '../../src/main/domain/loyalty/settings';
import { handlerContext } from '../helpers/context';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertStore } from '../helpers/fixtures';

/**
 * A small shop for the community tests (community*.test.ts): staff member 1,
 * customers 1..n with names and contacts set by the test, a pinned clock,
 * and the operation called as the dispatcher calls it (zod first).
 */
export const NOW = new Date('2026-03-15T12:00:00.000Z');
export const STAFF = 1;

/** The community's own operations: called without the other areas' handlers, so these tests stand alone. */
export type CommunityOperation = keyof typeof communityHandlers;

function call<N extends CommunityOperation>(ctx: HandlerContext, name: N, input: InputOf<N>): OutputOf<N> {
  const parsed = contract[name].input.parse(input);
  const handler = communityHandlers[name] as (input: unknown, ctx: HandlerContext) => OutputOf<N>;
  return handler(parsed, ctx);
}

export interface CommunityShop {
  connection: Connection;
  sqlite: Sqlite;
  ctx: HandlerContext;
  events: unknown[];
  call<N extends CommunityOperation>(name: N, input: InputOf<N>): OutputOf<N>;
}

export async function communityShop(customers = 5): Promise<CommunityShop> {
  const connection = await memoryDb();
  const sqlite = connection.sqlite;
  insertStore(sqlite);
  insertStaff(sqlite, STAFF, 'Mia');
  for (let id = 1; id <= customers; id++) insertCustomer(sqlite, id);
  const events: unknown[] = [];
  const ctx = handlerContext(connection, NOW, events);
  return { connection, sqlite, ctx, events, call: (name, input) => call(ctx, name, input) };
}

export function insertStaff(sqlite: Sqlite, id: number, name: string): void {
  sqlite.prepare(`INSERT INTO staff (id, name, active, created_at) VALUES (?, ?, 1, '2026-01-01T00:00:00.000Z')`).run(id, name);
}

export function setPerson(sqlite: Sqlite, id: number, p: { first?: string; last?: string; email?: string | null; phone?: string | null }): void {
  sqlite
    .prepare('UPDATE customers SET first_name = ?, last_name = ?, email = ?, phone = ? WHERE id = ?')
    .run(p.first ?? null, p.last ?? null, p.email === undefined ? `c${id}@example.com` : p.email, p.phone ?? null, id);
}

/** The loyalty program with three tiers (the defaults otherwise). */
export function programWithTiers(sqlite: Sqlite): void {
  const settings = structuredClone(DEFAULT_LOYALTY_SETTINGS);
  settings.tiers = [
    { id: 'bronze', name: 'Bronze', threshold: 0, multiplier: 1, benefits: '' },
    { id: 'gold', name: 'Gold', threshold: 2000, multiplier: 2, benefits: 'Free shipping' },
  ];
  writeLoyaltySettings(sqlite, settings, NOW);
}

export function ledgerEntry(sqlite: Sqlite, e: { customerId: number; type: string; points: number; key: string; at: string }): void {
  sqlite
    .prepare(`INSERT INTO points_ledger (customer_id, entry_type, points, idempotency_key, available_at, created_at)
              VALUES (?, ?, ?, ?, ?, ?)`)
    .run(e.customerId, e.type, e.points, e.key, e.at, e.at);
}

export function feedbackRow(sqlite: Sqlite, f: { customerId: number | null; source: string; at: string }): void {
  sqlite
    .prepare(`INSERT INTO feedback (customer_id, source, rating, body, created_at) VALUES (?, ?, 5, 'Lovely', ?)`)
    .run(f.customerId, f.source, f.at);
}

export { errorOf } from '../helpers/app-error';
