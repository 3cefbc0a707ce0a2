import type { LeaderboardName, OutputOf } from '../../../shared/contract';
import { requireCustomer } from '../loyalty/ledger';
import type { Sqlite } from '../../db/connection';
import { groupsOfCustomer } from './groups';

/** The profile's Community card: the groups a customer is in and the honours they hold, newest period first. */
export function customerGroups(sqlite: Sqlite, customerId: number): OutputOf<'community.customerGroups'> {
  requireCustomer(sqlite, customerId);
  const honours = sqlite
    .prepare<[number], { board: LeaderboardName; badge: string; from: string; to: string; rank: number }>(
      `SELECT board, badge, period_from AS "from", period_to AS "to", rank FROM honours
        WHERE customer_id = ? ORDER BY period_to DESC, board, id DESC`,
    )
    .all(customerId);
  return { groups: groupsOfCustomer(sqlite, customerId), honours };
}
