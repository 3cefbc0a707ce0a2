import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { isActiveStaff } from '../audit/log';

/** Local changes carry the name of who made them: an unknown or inactive staff id is refused. */
export function requireActiveStaff(sqlite: Sqlite, staffId: number): void {
  if (!isActiveStaff(sqlite, staffId)) {
    throw new AppError('VALIDATION', `There is no active staff member with id ${staffId}; choose who is making this change.`);
  }
}

export interface OrderFacts {
  id: number;
  storeId: number;
  externalId: string;
  status: string;
  financialStatus: string;
  currency: string;
  totalMinor: number;
  refundedMinor: number;
  localNote: string | null;
  localTags: string;
}

export function orderFacts(sqlite: Sqlite, id: number): OrderFacts {
  const order = sqlite.prepare<[number], OrderFacts>(
    `SELECT id, store_id AS storeId, external_id AS externalId, status, financial_status AS financialStatus,
            currency, total_minor AS totalMinor, refunded_minor AS refundedMinor, local_note AS localNote,
            local_tags AS localTags
       FROM orders WHERE id = ?`,
  ).get(id);
  if (!order) throw new AppError('NOT_FOUND', `There is no order with id ${id}.`);
  return order;
}
