import type { Cohorts, CohortRow } from '../../../shared/contract';
import type { Sqlite } from '../../db/connection';
import { addMonths, monthsBetween, storeCondition, type InsightScope } from './scope';

/**
 * Monthly cohorts from rollup_cohorts (kept by the rollups): a customer's
 * cohort is the UTC month of their first order not cancelled; a customer is
 * active in a month with at least one order not cancelled in it; revenue is
 * total less refunded of those orders. Customer counts are over every
 * currency (a store sells in one), money only in the scope's currency.
 */
export interface CohortMonth {
  cohort: string;
  /** Months after the cohort month (0 = the cohort month itself). */
  index: number;
  customers: number;
  orders: number;
  netMinor: number;
}

/** Every (cohort, month) cell of the cohorts in [fromCohort, toCohort]. */
export function cohortMonths(sqlite: Sqlite, scope: InsightScope, fromCohort: string, toCohort: string): CohortMonth[] {
  const rows = sqlite
    .prepare<{ from: string; to: string; currency: string }, { cohort: string; month: string; customers: number; orders: number; net: number }>(
      `SELECT cohort, month, sum(customers) AS customers, sum(orders) AS orders,
              sum(CASE WHEN currency = @currency THEN net_minor ELSE 0 END) AS net
         FROM rollup_cohorts
        WHERE cohort >= @from AND cohort <= @to${storeCondition(scope.storeId)}
        GROUP BY cohort, month`,
    )
    .all({ from: fromCohort, to: toCohort, currency: scope.currency });
  return rows.map((r) => ({
    cohort: r.cohort, index: monthsBetween(r.cohort, r.month), customers: r.customers, orders: r.orders, netMinor: r.net,
  }));
}

/** The cohort months a range covers; all of them (from the first cohort) when it has no start. */
export function cohortSpan(sqlite: Sqlite, scope: InsightScope): { from: string; to: string } | null {
  const to = (scope.range.to ?? scope.today).slice(0, 7);
  if (scope.range.from) return { from: scope.range.from.slice(0, 7), to };
  const first = sqlite
    .prepare<[], { cohort: string | null }>(`SELECT min(cohort) AS cohort FROM rollup_cohorts WHERE 1${storeCondition(scope.storeId)}`)
    .get();
  return first?.cohort ? { from: first.cohort, to } : null;
}

/** Cells grouped by cohort, with each cohort's size (its customers in month 0), oldest cohort first. */
export function byCohort(cells: CohortMonth[]): { cohort: string; size: number; cells: Map<number, CohortMonth> }[] {
  const cohorts = new Map<string, Map<number, CohortMonth>>();
  for (const cell of cells) {
    const months = cohorts.get(cell.cohort) ?? new Map<number, CohortMonth>();
    months.set(cell.index, cell);
    cohorts.set(cell.cohort, months);
  }
  return [...cohorts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cohort, months]) => ({ cohort, size: months.get(0)?.customers ?? 0, cells: months }))
    .filter((c) => c.size > 0);
}

export function cohortHeatmap(
  sqlite: Sqlite, scope: InsightScope, input: { months: number; measure: 'customers' | 'revenue' },
): Cohorts {
  const span = cohortSpan(sqlite, scope);
  if (!span) return { measure: input.measure, currency: scope.currency, rows: [] };
  const thisMonth = scope.today.slice(0, 7);
  // The latest `months` cohorts of the span: the heatmap is as tall as it is wide.
  const from = [span.from, addMonths(span.to, -(input.months - 1))].sort().at(-1) as string;
  const rows: CohortRow[] = byCohort(cohortMonths(sqlite, scope, from, span.to)).map(({ cohort, size, cells }) => {
    const counts = Array.from({ length: input.months }, (_, i) => {
      if (addMonths(cohort, i) > thisMonth) return null;
      const cell = cells.get(i);
      return input.measure === 'customers' ? (cell?.customers ?? 0) : (cell?.netMinor ?? 0);
    });
    return {
      cohort,
      size,
      counts,
      values: counts.map((count) => (count === null ? null : input.measure === 'customers' ? count / size : Math.round(count / size))),
    };
  });
  return { measure: input.measure, currency: scope.currency, rows };
}
