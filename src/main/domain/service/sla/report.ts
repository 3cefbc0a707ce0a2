import { TICKET_PRIORITIES, type SlaComplianceRow, type SlaReport } from '../../../../shared/contract';
import type { Sqlite } from '../../../db/connection';
import { rangeBounds, reportRange, weekOfSql, weeksOf } from './range';

/**
 * SLA compliance over the tickets created in a range, by week (Monday),
 * priority and staff member (who solved it, else the assignee). A target is
 * "met" or "missed" once decided; an open ticket whose deadline has already
 * passed counts as missed now rather than waiting for the solve.
 */
interface Counts {
  key: string;
  label: string | null;
  tickets: number;
  firstReplyMet: number;
  firstReplyMissed: number;
  resolutionMet: number;
  resolutionMissed: number;
}

const MEASURES = `
  COUNT(*) AS tickets,
  SUM(first_reply_breached = 0) AS firstReplyMet,
  SUM(first_reply_breached = 1 OR (first_reply_breached IS NULL AND first_reply_due_at < @now)) AS firstReplyMissed,
  SUM(resolution_breached = 0) AS resolutionMet,
  SUM(resolution_breached = 1 OR (resolution_breached IS NULL AND (
    (sla_paused_at IS NULL AND resolution_due_at < @now) OR resolution_left_minutes <= 0))) AS resolutionMissed`;

function row(c: Counts | undefined, key: string, label: string): SlaComplianceRow {
  const met = (c?.firstReplyMet ?? 0) + (c?.resolutionMet ?? 0);
  const missed = (c?.firstReplyMissed ?? 0) + (c?.resolutionMissed ?? 0);
  return {
    key, label,
    tickets: c?.tickets ?? 0,
    firstReplyMet: c?.firstReplyMet ?? 0,
    firstReplyMissed: c?.firstReplyMissed ?? 0,
    resolutionMet: c?.resolutionMet ?? 0,
    resolutionMissed: c?.resolutionMissed ?? 0,
    compliance: met + missed === 0 ? null : met / (met + missed),
  };
}

export function slaReport(sqlite: Sqlite, input: { range?: { from?: string; to?: string } }, now: Date): SlaReport {
  const range = reportRange(input.range, now);
  const [start, end] = rangeBounds(range);
  const params = { start, end, now: now.toISOString() };
  const scope = 'FROM tickets t WHERE t.created_at >= @start AND t.created_at < @end AND t.merged_into_id IS NULL';
  const grouped = (keySql: string, labelSql = 'NULL'): Counts[] =>
    sqlite.prepare<typeof params, Counts>(
      `SELECT ${keySql} AS key, ${labelSql} AS label, ${MEASURES} ${scope} GROUP BY 1`,
    ).all(params);

  const byWeek = new Map(grouped(weekOfSql('t.created_at')).map((c) => [c.key, c]));
  const byPriority = new Map(grouped('t.priority').map((c) => [c.key, c]));
  const byStaff = grouped(
    "COALESCE(CAST(COALESCE(t.solved_by_id, t.assignee_id) AS TEXT), 'none')",
    '(SELECT name FROM staff WHERE id = COALESCE(t.solved_by_id, t.assignee_id))',
  );
  return {
    range,
    byWeek: weeksOf(range).map((week) => row(byWeek.get(week), week, week)),
    byPriority: [...TICKET_PRIORITIES].reverse().map((p) => row(byPriority.get(p), p, p)),
    byStaff: byStaff
      .map((c) => row(c, c.key, c.label ?? 'Unassigned'))
      .sort((a, b) => (a.key === 'none' ? 1 : b.key === 'none' ? -1 : a.label.localeCompare(b.label))),
  };
}
