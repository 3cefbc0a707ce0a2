import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../../db/connection';

const CHAIN_SQL = `WITH RECURSIVE chain(id, next, depth) AS (
    SELECT id, merged_into_id, 0 FROM customers WHERE id = ?
    UNION ALL
    SELECT c.id, c.merged_into_id, chain.depth + 1 FROM customers c JOIN chain ON c.id = chain.next
     WHERE chain.depth < 100)
  SELECT id FROM chain WHERE next IS NULL LIMIT 1`;

// Prepared once per connection: the sync calls this for every refund and order of a merged customer.
const chains = new WeakMap<Sqlite, Statement<[number], { id: number }>>();

/**
 * Who stands for a customer now: the customer itself, or the one it was
 * merged into (following chains: A into B, then B into C gives C). Other
 * areas call this when something arrives for a merged customer, e.g. a
 * refund of an order whose points were earned before the merge.
 */
export function currentCustomerId(sqlite: Sqlite, customerId: number): number {
  let chain = chains.get(sqlite);
  if (!chain) chains.set(sqlite, (chain = sqlite.prepare<[number], { id: number }>(CHAIN_SQL)));
  return chain.get(customerId)?.id ?? customerId;
}
