import type { OrderDelivery } from '../../../shared/contract';
import type { Sqlite } from '../../db/connection';

/**
 * Where a write's change went, from what enqueueOutbox answered: the store's
 * name when a message was queued for it, null when the change stays local
 * (a demo or CSV store, or a request that changed nothing).
 */
export function deliveryOf(sqlite: Sqlite, storeId: number, queued: boolean): OrderDelivery {
  if (!queued) return { queuedFor: null };
  const store = sqlite.prepare<[number], { name: string }>('SELECT name FROM stores WHERE id = ?').get(storeId);
  return { queuedFor: store?.name ?? null };
}
