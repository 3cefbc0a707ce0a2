import type { PaymentsSummary } from '../../../../shared/contract';
import { addDays } from '../../../../shared/dates';
import type { Sqlite } from '../../../db/connection';
import type { PaymentsScope } from './figures';

const LIMIT = 20;

/**
 * The latest failed or pending payments of the range, for follow-up: read from
 * the raw payments through the partial index payments_attention (only those
 * statuses are in it), newest first, so it stops after twenty rows. No INDEXED BY:
 * a first sync in bulk mode may drop the index for a while, and the list must still answer.
 */
export function paymentsNeedingAttention(sqlite: Sqlite, scope: PaymentsScope): PaymentsSummary['attention'] {
  const parts = ["p.status IN ('pending', 'failure', 'error')", 'p.currency = @currency'];
  const params: Record<string, string | number> = { currency: scope.currency, limit: LIMIT };
  if (scope.range.from) {
    parts.push('p.processed_at >= @from');
    params['from'] = scope.range.from;
  }
  if (scope.range.to) {
    parts.push('p.processed_at < @after');
    params['after'] = addDays(scope.range.to, 1);
  }
  if (scope.storeId !== null) {
    parts.push('p.store_id = @store');
    params['store'] = scope.storeId;
  }
  const rows = sqlite
    .prepare(`SELECT p.id AS paymentId, p.order_id AS orderId, o.order_number AS orderNumber,
                     nullif(trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), '') AS customerName,
                     p.status, p.method, p.gateway, p.amount_minor AS amountMinor, p.error_code AS errorCode,
                     p.processed_at AS processedAt
                FROM payments p
                JOIN orders o ON o.id = p.order_id
                LEFT JOIN customers c ON c.id = o.customer_id
               WHERE ${parts.join(' AND ')}
               ORDER BY p.processed_at DESC, p.id DESC
               LIMIT @limit`)
    .all(params) as PaymentsSummary['attention'];
  return rows;
}
