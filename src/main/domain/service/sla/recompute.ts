import type { SlaPolicyValue } from '../../../../shared/contract';
import type { Sqlite } from '../../../db/connection';
import { SLA_CLOCK_COLUMNS, writeSlaClockRow } from './clock';
import { recomputedSlaClocks, type SlaClockRow } from './rules';

/**
 * A saved policy applies to the tickets already open: every running deadline
 * is recomputed from where its clock started with the new targets and
 * calendar, and the new pause statuses pause or resume clocks. Solved and
 * closed tickets keep the verdicts they were given. Runs in the caller's
 * transaction; ~5k open tickets take a few tens of milliseconds.
 */
export function recomputeOpenTickets(sqlite: Sqlite, policy: SlaPolicyValue, at: Date): number {
  const rows = sqlite
    .prepare<[], SlaClockRow & { id: number }>(
      `SELECT id, ${SLA_CLOCK_COLUMNS.join(', ')} FROM tickets
       WHERE status NOT IN ('solved', 'closed') AND merged_into_id IS NULL`,
    )
    .all();
  for (const { id, ...row } of rows) writeSlaClockRow(sqlite, id, recomputedSlaClocks(row, at, policy));
  return rows.length;
}
