import type { FeedbackTrends } from '../../../shared/contract/feedback';
import type { ParsedInputOf } from '../../../shared/contract';
import { addDays } from '../../../shared/dates';
import type { Sqlite } from '../../db/connection';

/**
 * `feedback.trends`: mentions per topic or product per week (Monday-based,
 * UTC) or month, with average sentiment, for the most-mentioned series.
 * SQL groups by (series, period) over the date range; the result is small
 * (series × periods), so choosing the top series and filling empty periods
 * happens here.
 */
type TrendsInput = ParsedInputOf<'feedback.trends'>;

interface Group {
  key: string;
  label: string;
  period: string;
  mentions: number;
  negatives: number;
  scoreSum: number | null;
  scored: number;
}

const WEEKS_BY_DEFAULT = 26;
const MONTHS_BY_DEFAULT = 12;

/** Monday of the week of an ISO date (UTC). */
export function weekStart(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return addDays(isoDate, -((day + 6) % 7));
}

export function defaultRange(interval: TrendsInput['interval'], now: Date): { from: string; to: string } {
  const to = now.toISOString().slice(0, 10);
  if (interval === 'week') return { from: weekStart(addDays(to, -7 * (WEEKS_BY_DEFAULT - 1))), to };
  const d = new Date(`${to.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - (MONTHS_BY_DEFAULT - 1));
  return { from: d.toISOString().slice(0, 10), to };
}

export function periodsBetween(interval: TrendsInput['interval'], from: string, to: string): string[] {
  const periods: string[] = [];
  if (interval === 'week') {
    for (let day = weekStart(from); day <= to; day = addDays(day, 7)) periods.push(day);
  } else {
    const d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
    while (d.toISOString().slice(0, 7) <= to.slice(0, 7)) {
      periods.push(d.toISOString().slice(0, 7));
      d.setUTCMonth(d.getUTCMonth() + 1);
    }
  }
  return periods;
}

function groups(sqlite: Sqlite, input: TrendsInput, from: string, to: string): Group[] {
  // SQLite's 'weekday 1' moves forward to the next Monday: step back six days first to land on this week's.
  const period = input.interval === 'week'
    ? `date(f.created_at, '-6 days', 'weekday 1')`
    : `strftime('%Y-%m', f.created_at)`;
  const series = input.by === 'topic'
    ? { key: 't.value', label: 't.value', from: 'feedback f, json_each(f.topics) t' }
    : { key: 'CAST(f.product_id AS TEXT)', label: 'p.title',
        from: 'feedback f JOIN products p ON p.id = f.product_id' };
  return sqlite
    .prepare<[string, string], Group>(
      `SELECT ${series.key} AS key, min(${series.label}) AS label, ${period} AS period, count(*) AS mentions,
          sum(f.sentiment = 'negative') AS negatives, sum(f.sentiment_score) AS scoreSum, count(f.sentiment_score) AS scored
        FROM ${series.from}
        WHERE f.created_at >= ? AND f.created_at < ?
        GROUP BY 1, 3`,
    )
    .all(from, addDays(to, 1));
}

export function feedbackTrends(input: TrendsInput, sqlite: Sqlite, now: Date): FeedbackTrends {
  const fallback = defaultRange(input.interval, now);
  const range = { from: input.range?.from ?? fallback.from, to: input.range?.to ?? fallback.to };
  const found = groups(sqlite, input, range.from, range.to);
  const totals = new Map<string, { label: string; total: number; negatives: number }>();
  for (const g of found) {
    const t = totals.get(g.key) ?? { label: g.label, total: 0, negatives: 0 };
    t.total += g.mentions;
    t.negatives += g.negatives;
    totals.set(g.key, t);
  }
  const top = [...totals.entries()]
    .sort((a, b) => b[1].total - a[1].total || a[1].label.localeCompare(b[1].label))
    .slice(0, input.limit);
  const chosen = new Set(top.map(([key]) => key));
  const periods = periodsBetween(input.interval, range.from, range.to);
  const points = periods.map((period) => ({
    period,
    counts: Object.fromEntries(top.map(([key]) => [key, 0])) as Record<string, number>,
    sentiment: Object.fromEntries(top.map(([key]) => [key, null])) as Record<string, number | null>,
  }));
  const byPeriod = new Map(points.map((p) => [p.period, p]));
  for (const g of found) {
    const point = byPeriod.get(g.period);
    if (!point || !chosen.has(g.key)) continue;
    point.counts[g.key] = g.mentions;
    point.sentiment[g.key] = g.scored > 0 && g.scoreSum !== null ? Math.round((g.scoreSum / g.scored) * 1000) / 1000 : null;
  }
  return {
    range,
    series: top.map(([key, t]) => ({
      key, label: t.label, total: t.total, negativeShare: t.total > 0 ? Math.round((t.negatives / t.total) * 1000) / 1000 : null,
    })),
    points,
  };
}
