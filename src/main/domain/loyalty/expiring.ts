import type { ExpiringCustomer, ExpiringList } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { DAY_MS } from './dates';
import { heldLotsCte } from './held-lots';
import { effectiveExpirySql } from './liability';
import { statement } from './ledger';
import { readLoyaltySettings } from './settings';

/**
 * Customers whose held points expire within 30, 60 or 90 days: whom to remind.
 * Under lot lifetimes the candidates come from the expiry index (a lot dated
 * inside the window), and only their ledgers are placed into lots (held-lots.ts);
 * under inactivity expiry every customer is. Each page recomputes the set
 * (about a second on a 1M-order store for a wide window): no cache to go stale.
 * Keyset pages on (first expiry, customer id).
 */
const MANY_CUSTOMERS = 2000;

interface Cursor {
  firstExpiry: string;
  customerId: number;
}

function parseCursor(cursor: string | undefined): Cursor | null {
  if (cursor === undefined) return null;
  const match = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\|(\d+)$/.exec(cursor);
  if (!match) throw new AppError('VALIDATION', 'The page cursor is not one this list gave out; start from the first page.');
  return { firstExpiry: match[1] as string, customerId: Number(match[2]) };
}

export function expiringCustomers(sqlite: Sqlite, at: Date, days: number, limit: number, cursor?: string): ExpiringList {
  const after = parseCursor(cursor);
  const settings = readLoyaltySettings(sqlite);
  const inactivity = settings.earning.expiryMode === 'inactivity';
  const horizon = new Date(at.getTime() + days * DAY_MS).toISOString();
  // Few candidates: walk their ledgers through the index; many: one ordered read of the table is cheaper.
  const many = inactivity || (statement(sqlite,
    `SELECT count(*) AS n FROM (SELECT DISTINCT customer_id FROM points_ledger
       WHERE expires_at > ? AND expires_at <= ? LIMIT ${MANY_CUSTOMERS})`).get(at.toISOString(), horizon) as { n: number })
    .n >= MANY_CUSTOMERS;
  const candidates = inactivity ? undefined : 'SELECT customer_id FROM candidates';
  const expiry = effectiveExpirySql(settings);
  const rows = statement(sqlite,
    `WITH candidates AS MATERIALIZED (SELECT DISTINCT customer_id FROM points_ledger
       WHERE expires_at > @at AND expires_at <= @horizon),
     ${heldLotsCte(candidates, inactivity, many)},
     soon AS (SELECT customer_id, remaining, ${expiry} AS expiry FROM held
              WHERE remaining > 0 AND ${expiry} > @at AND ${expiry} <= @horizon),
     grouped AS (SELECT customer_id AS customerId, sum(remaining) AS points, min(expiry) AS firstExpiry
                 FROM soon GROUP BY customer_id)
     SELECT g.customerId, g.points, g.firstExpiry, c.email,
       nullif(trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), '') AS name
     FROM grouped g JOIN customers c ON c.id = g.customerId
     WHERE @afterExpiry IS NULL OR g.firstExpiry > @afterExpiry
       OR (g.firstExpiry = @afterExpiry AND g.customerId > @afterId)
     ORDER BY g.firstExpiry, g.customerId LIMIT @take`,
  ).all({
    at: at.toISOString(),
    horizon,
    afterExpiry: after?.firstExpiry ?? null,
    afterId: after?.customerId ?? 0,
    take: limit + 1,
  }) as ExpiringCustomer[];
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    days,
    at: at.toISOString(),
    customers: page.map(({ customerId, name, email, points, firstExpiry }) =>
      ({ customerId, name, email, points, firstExpiry })),
    nextCursor: rows.length > limit && last ? `${last.firstExpiry}|${last.customerId}` : null,
  };
}
