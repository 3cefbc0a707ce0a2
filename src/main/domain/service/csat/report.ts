import type { CsatReport, CsatReportRow } from '../../../../shared/contract';
import type { Sqlite } from '../../../db/connection';
import { rangeBounds, reportRange, weekOfSql, weeksOf } from '../sla/range';

/**
 * CSAT over the requests made in a range, by week (Monday) and by the staff
 * member who solved the ticket: requests sent, answers, the share scoring 4
 * or 5, the average score, and the latest comments.
 */
interface Counts {
  key: string;
  label: string | null;
  requests: number;
  responses: number;
  satisfiedCount: number;
  scoreSum: number | null;
}

function row(c: Counts | undefined, key: string, label: string): CsatReportRow {
  const responses = c?.responses ?? 0;
  return {
    key, label,
    requests: c?.requests ?? 0,
    responses,
    satisfied: responses === 0 ? null : (c?.satisfiedCount ?? 0) / responses,
    average: responses === 0 ? null : (c?.scoreSum ?? 0) / responses,
  };
}

export function csatReport(sqlite: Sqlite, input: { range?: { from?: string; to?: string } }, now: Date): CsatReport {
  const range = reportRange(input.range, now);
  const [start, end] = rangeBounds(range);
  const params = { start, end };
  const grouped = (keySql: string, labelSql = 'NULL'): Counts[] =>
    sqlite.prepare<typeof params, Counts>(
      `SELECT ${keySql} AS key, ${labelSql} AS label, COUNT(*) AS requests, COUNT(f.id) AS responses,
         COALESCE(SUM(f.rating >= 4), 0) AS satisfiedCount, SUM(f.rating) AS scoreSum
       FROM csat_requests r LEFT JOIN feedback f ON f.id = r.feedback_id
       WHERE r.created_at >= @start AND r.created_at < @end
       GROUP BY 1`,
    ).all(params);

  const byWeek = new Map(grouped(weekOfSql('r.created_at')).map((c) => [c.key, c]));
  const byStaff = grouped("COALESCE(CAST(r.staff_id AS TEXT), 'none')", '(SELECT name FROM staff WHERE id = r.staff_id)');
  const recentComments = sqlite
    .prepare<typeof params, CsatReport['recentComments'][number]>(
      `SELECT r.ticket_id AS ticketId, f.rating AS score, f.body AS comment, r.responded_at AS at, s.name AS staffName
       FROM csat_requests r JOIN feedback f ON f.id = r.feedback_id LEFT JOIN staff s ON s.id = r.staff_id
       WHERE r.created_at >= @start AND r.created_at < @end AND f.body IS NOT NULL AND f.body <> ''
       ORDER BY r.responded_at DESC LIMIT 20`,
    )
    .all(params);
  return {
    range,
    byWeek: weeksOf(range).map((week) => row(byWeek.get(week), week, week)),
    byStaff: byStaff
      .map((c) => row(c, c.key, c.label ?? 'Unassigned'))
      .sort((a, b) => (a.key === 'none' ? 1 : b.key === 'none' ? -1 : a.label.localeCompare(b.label))),
    recentComments,
  };
}
