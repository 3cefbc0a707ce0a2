import type { Sqlite } from '../../db/connection';

/**
 * The next RMA number: RMA-000123 style, continuing after the highest return
 * id (the demo numbers its returns by id). A number already taken, e.g. by a
 * return synced from a marketplace, is skipped. Call inside the write
 * transaction so two requests cannot pick the same one.
 */
export function nextRmaNumber(sqlite: Sqlite): { id: number; rmaNumber: string } {
  let id = sqlite.prepare<[], { last: number | null }>('SELECT max(id) AS last FROM returns').get()!.last ?? 0;
  const taken = sqlite.prepare<[string], { id: number }>('SELECT id FROM returns WHERE rma_number = ?');
  for (;;) {
    id += 1;
    const rmaNumber = `RMA-${String(id).padStart(6, '0')}`;
    if (!taken.get(rmaNumber)) return { id, rmaNumber };
  }
}
