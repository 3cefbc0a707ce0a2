import type { Sqlite } from '../../src/main/db/connection';
import { contract, type OperationName, type ParsedInputOf } from '../../src/shared/contract';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';

/**
 * A small store whose retention figures are worked out by hand in the tests
 * ("today" is NOW). Orders (not cancelled unless said; refunds in brackets):
 *   c1: 01-05 10000, 02-10 5000, 04-01 3000 (1000 refunded)     cohort 2026-01
 *   c2: 01-20 20000                                              cohort 2026-01
 *   c3: 01-03 8000 CANCELLED, 02-15 4000, 03-01 6000             cohort 2026-02
 *   c4: 02-28 7000 (7000 refunded)                               cohort 2026-02
 *   c5: 03-10 1000, 03-20 2000, 05-02 1500                       cohort 2026-03
 *   c6: 03-31 5000, 04-20 2500                                   cohort 2026-03
 *   guest: 03-05 9000;  c7: 04-10 3000 CANCELLED (no cohort)
 */
export const NOW = new Date('2026-05-15T12:00:00.000Z');

export const ORDERS: [id: number, customer: number | null, day: string, total: number, refunded?: number, cancelled?: true][] = [
  [1, 1, '2026-01-05', 10000], [2, 1, '2026-02-10', 5000], [3, 1, '2026-04-01', 3000, 1000],
  [4, 2, '2026-01-20', 20000],
  [5, 3, '2026-01-03', 8000, 0, true], [6, 3, '2026-02-15', 4000], [7, 3, '2026-03-01', 6000],
  [8, 4, '2026-02-28', 7000, 7000],
  [9, 5, '2026-03-10', 1000], [10, 5, '2026-03-20', 2000], [11, 5, '2026-05-02', 1500],
  [12, 6, '2026-03-31', 5000], [13, 6, '2026-04-20', 2500],
  [14, null, '2026-03-05', 9000],
  [15, 7, '2026-04-10', 3000, 0, true],
];

export function insertRetentionStore(sqlite: Sqlite): void {
  insertStore(sqlite, 1, 'USD');
  for (let id = 1; id <= 7; id++) insertCustomer(sqlite, id);
  const seq = new Map<number, number>();
  for (const [id, customerId, day, total, refunded, cancelled] of ORDERS) {
    const n = customerId === null ? null : (seq.get(customerId) ?? 0) + 1;
    if (customerId !== null) seq.set(customerId, n as number);
    insertOrder(sqlite, {
      id, customerId, seq: n, placedAt: `${day}T10:00:00.000Z`, totalMinor: total, refundedMinor: refunded ?? 0,
      status: cancelled ? 'cancelled' : 'completed',
    });
  }
}

/** The input a handler gets after the contract's schema (defaults filled in). */
export function parsed<N extends OperationName>(name: N, input: unknown): ParsedInputOf<N> {
  return contract[name].input.parse(input) as ParsedInputOf<N>;
}
