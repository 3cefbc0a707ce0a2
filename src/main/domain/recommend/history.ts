import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { currentCustomerId } from '../customers/merged';
import type { HistoryItem } from './engine/types';

/**
 * A customer as a "for you" list sees them: who they are now (after merges),
 * whether they consented to personalization, and (only when they did) what
 * they bought, their merged duplicates' orders included.
 */
export interface CustomerFacts {
  id: number;
  name: string;
  personalizationConsent: boolean;
  orders: number;
  /** The customer and every customer merged into them. */
  customerIds: number[];
}

interface CustomerRow {
  id: number;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  personalization_consent: number;
}

export function customerFacts(sqlite: Sqlite, customerId: number): CustomerFacts {
  const exists = sqlite.prepare<[number], { id: number }>('SELECT id FROM customers WHERE id = ?').get(customerId);
  if (!exists) throw new AppError('NOT_FOUND', `There is no customer with id ${customerId}.`);
  const id = currentCustomerId(sqlite, customerId);
  const row = sqlite
    .prepare<[number], CustomerRow>('SELECT id, first_name, last_name, email, personalization_consent FROM customers WHERE id = ?')
    .get(id)!;
  const customerIds = mergedInto(sqlite, id);
  const name = [row.first_name, row.last_name].filter(Boolean).join(' ') || row.email || `Customer ${id}`;
  return {
    id,
    name,
    personalizationConsent: row.personalization_consent === 1,
    orders: countOrders(sqlite, customerIds),
    customerIds,
  };
}

/** The customer and, through customer_merges (indexed by target), everyone merged into them, at any depth. */
function mergedInto(sqlite: Sqlite, id: number): number[] {
  return sqlite
    .prepare<[number], { id: number }>(
      `WITH RECURSIVE family(id) AS (
         SELECT ?
         UNION SELECT m.source_customer_id FROM customer_merges m JOIN family f ON m.target_customer_id = f.id)
       SELECT id FROM family`,
    )
    .all(id)
    .map((row) => row.id);
}

function countOrders(sqlite: Sqlite, customerIds: readonly number[]): number {
  const statement = sqlite.prepare<[number], { n: number }>(
    `SELECT count(*) AS n FROM orders WHERE customer_id = ? AND status <> 'cancelled'`,
  );
  return customerIds.reduce((sum, id) => sum + statement.get(id)!.n, 0);
}

export interface PurchasedItem extends HistoryItem {
  lastBoughtAt: string;
}

/** What they bought (not cancelled), most recent first; `times` = orders holding the product. */
export function customerHistory(sqlite: Sqlite, customerIds: readonly number[]): PurchasedItem[] {
  const statement = sqlite.prepare<[number], { productId: number; lastAt: string; times: number }>(
    `SELECT l.product_id AS productId, max(o.placed_at) AS lastAt, count(DISTINCT o.id) AS times
       FROM orders o JOIN order_lines l ON l.order_id = o.id
      WHERE o.customer_id = ? AND o.status <> 'cancelled' AND l.product_id IS NOT NULL
      GROUP BY l.product_id`,
  );
  const byProduct = new Map<number, { lastAt: string; times: number }>();
  for (const id of customerIds) {
    for (const row of statement.all(id)) {
      const seen = byProduct.get(row.productId);
      if (!seen) byProduct.set(row.productId, { lastAt: row.lastAt, times: row.times });
      else byProduct.set(row.productId, { lastAt: seen.lastAt > row.lastAt ? seen.lastAt : row.lastAt, times: seen.times + row.times });
    }
  }
  return [...byProduct]
    .map(([productId, seen]) => ({ productId, at: Date.parse(seen.lastAt), times: seen.times, lastBoughtAt: seen.lastAt }))
    .sort((a, b) => b.at - a.at || a.productId - b.productId);
}
