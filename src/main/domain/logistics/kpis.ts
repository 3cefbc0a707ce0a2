import type { ParsedInputOf, ResolvedRange } from '../../../shared/contract';
import type { LogisticsBreakdownRow, LogisticsKpis, LogisticsKpiSet, ShipmentStatus } from '../../../shared/contract/logistics';
import type { Sqlite } from '../../db/connection';
import { previousRange, resolveRange, toSqlBounds } from '../dashboard/range';
import { refreshRollups } from '../insights/rollups/index';
import { exceptionsByCarrier } from './exceptions';
import { indexHint } from './index-hint';
import { KeyedAccumulators, KpiAccumulator, regionKey, type DeliveryGroup, type ShipmentGroup } from './kpi-sets';

/**
 * `logistics.kpis`: figures from the daily rollups (brought up to date first),
 * never from the shipments table: a range reads its days' rollup rows, not
 * every parcel shipped in it. Shipped, delivered, on-time and exceptions count shipments by the day
 * they shipped; transit and order-to-delivery percentiles count parcels by the
 * day they were delivered (the rollups' histograms). Only the current
 * exceptions by carrier come from the raw table, through the queue's indexes.
 */
type Query = ParsedInputOf<'logistics.kpis'>;

interface Scope {
  bounds: { lower: string; upperExclusive: string };
  storeId?: number;
}

// Without a store the PRIMARY KEY (store_id, day, …) still serves a day range: one range per store.
const storeCondition = (scope: Scope) => (scope.storeId === undefined ? 'store_id IN (SELECT id FROM stores)' : 'store_id = @store');

function scopeParams(scope: Scope): Record<string, string | number> {
  return { lower: scope.bounds.lower.slice(0, 10), upper: scope.bounds.upperExclusive.slice(0, 10),
    ...(scope.storeId === undefined ? {} : { store: scope.storeId }) };
}

function shipmentGroups(sqlite: Sqlite, scope: Scope): ShipmentGroup[] {
  return sqlite
    .prepare<Record<string, string | number>, ShipmentGroup>(
      `SELECT carrier, country, region, status, sum(shipments) AS shipments, sum(delivered) AS delivered,
              sum(with_estimate) AS withEstimate, sum(on_time) AS onTime
         FROM rollup_shipments_daily
        WHERE ${storeCondition(scope)} AND day >= @lower AND day < @upper
        GROUP BY carrier, country, region, status`,
    )
    .all(scopeParams(scope));
}

/** Up to about two months, reading the range's days by key beats walking one basis of the whole table. */
const SHORT_RANGE_DAYS = 62;

/**
 * How to read rollup_delivery_days for a range: a short one by its key (store,
 * day); a long one (months, all time) through rollup_delivery_days_histogram,
 * which yields the rows already in group order, so the sums stream out with no
 * sort of every row. The unary + keeps the planner off the histogram index for a short range.
 */
function deliverySource(sqlite: Sqlite, scope: Scope): { from: string; basis: string } {
  const days = (Date.parse(scope.bounds.upperExclusive.slice(0, 10)) - Date.parse(scope.bounds.lower.slice(0, 10))) / 86_400_000;
  if (days <= SHORT_RANGE_DAYS) return { from: 'rollup_delivery_days', basis: '+basis = @basis' };
  return { from: `rollup_delivery_days ${indexHint(sqlite, 'rollup_delivery_days_histogram')}`, basis: 'basis = @basis' };
}

function deliveryGroups(sqlite: Sqlite, scope: Scope, basis: Query['basis']): DeliveryGroup[] {
  const source = deliverySource(sqlite, scope);
  return sqlite
    .prepare<Record<string, string | number>, DeliveryGroup>(
      `SELECT carrier, country, region, metric, days, sum(shipments) AS shipments
         FROM ${source.from}
        WHERE ${source.basis} AND ${storeCondition(scope)} AND day >= @lower AND day < @upper
        GROUP BY carrier, country, region, metric, days`,
    )
    .all({ ...scopeParams(scope), basis });
}

/** The carrier and country filters as SQL on a rollup table (for the queries that need no unfiltered rows). */
function filterSql(query: Query, params: Record<string, string | number>): string[] {
  const where: string[] = [];
  if (query.carrier) {
    query.carrier.forEach((c, i) => (params[`carrier${i}`] = c));
    where.push(`carrier IN (${query.carrier.map((_, i) => `@carrier${i}`).join(', ')})`);
  }
  if (query.country) {
    params.country = query.country.toUpperCase();
    where.push('country = @country');
  }
  return where;
}

function volumeByDay(sqlite: Sqlite, scope: Scope, query: Query): LogisticsKpis['volumeByDay'] {
  const params: Record<string, string | number> = scopeParams(scope);
  const where = [storeCondition(scope), 'day >= @lower', 'day < @upper', ...filterSql(query, params)];
  const rows = sqlite
    .prepare<Record<string, string | number>, { day: string; status: ShipmentStatus; shipments: number }>(
      `SELECT day, status, sum(shipments) AS shipments FROM rollup_shipments_daily
        WHERE ${where.join(' AND ')} GROUP BY day, status ORDER BY day`,
    )
    .all(params);
  const days = new Map<string, LogisticsKpis['volumeByDay'][number]>();
  for (const r of rows) {
    let entry = days.get(r.day);
    if (!entry) days.set(r.day, (entry = { day: r.day, counts: {}, total: 0 }));
    entry.counts[r.status] = r.shipments;
    entry.total += r.shipments;
  }
  return [...days.values()];
}

/**
 * The previous period's figures alone: no breakdown, so the filters go into
 * the SQL and the groups are few (grouping is most of a rollup read's cost).
 */
function previousTotals(sqlite: Sqlite, scope: Scope, query: Query): LogisticsKpiSet {
  const params: Record<string, string | number> = scopeParams(scope);
  const where = [storeCondition(scope), 'day >= @lower', 'day < @upper', ...filterSql(query, params)].join(' AND ');
  const acc = new KpiAccumulator();
  sqlite
    .prepare<Record<string, string | number>, ShipmentGroup>(
      `SELECT '' AS carrier, '' AS country, '' AS region, status, sum(shipments) AS shipments, sum(delivered) AS delivered,
              sum(with_estimate) AS withEstimate, sum(on_time) AS onTime
         FROM rollup_shipments_daily WHERE ${where} GROUP BY status`,
    )
    .all(params)
    .forEach((g) => acc.addShipments(g));
  const source = deliverySource(sqlite, scope);
  sqlite
    .prepare<Record<string, string | number>, DeliveryGroup>(
      `SELECT '' AS carrier, '' AS country, '' AS region, metric, days, sum(shipments) AS shipments
         FROM ${source.from} WHERE ${source.basis} AND ${where} GROUP BY metric, days`,
    )
    .all({ ...params, basis: query.basis })
    .forEach((g) => acc.addDelivery(g));
  return acc.result();
}

/** The carrier and country filters, applied to grouped rows (the unfiltered rows also name the filter choices). */
function matches(query: Query, g: { carrier: string; country: string }): boolean {
  return (!query.carrier || query.carrier.includes(g.carrier)) && (!query.country || g.country === query.country.toUpperCase());
}

function totals(sqlite: Sqlite, scope: Scope, query: Query) {
  const shipments = shipmentGroups(sqlite, scope);
  const deliveries = deliveryGroups(sqlite, scope, query.basis);
  const all = new KpiAccumulator();
  const carriers = new KeyedAccumulators();
  const regions = new KeyedAccumulators();
  for (const g of shipments.filter((s) => matches(query, s))) {
    for (const acc of [all, carriers.get(g.carrier), regions.get(regionKey(g.country, g.region))]) acc.addShipments(g);
  }
  for (const g of deliveries.filter((d) => matches(query, d))) {
    for (const acc of [all, carriers.get(g.carrier), regions.get(regionKey(g.country, g.region))]) acc.addDelivery(g);
  }
  return { shipments, deliveries, all, carriers, regions };
}

function breakdown(groups: KeyedAccumulators): LogisticsBreakdownRow[] {
  return [...groups.byKey.entries()]
    .map(([key, acc]) => ({ key, ...acc.result() }))
    .sort((a, b) => b.shipped - a.shipped || a.key.localeCompare(b.key));
}

export function logisticsKpis(sqlite: Sqlite, query: Query, now: Date): LogisticsKpis {
  refreshRollups(sqlite, now);
  const range: ResolvedRange = resolveRange(query.range, now);
  const previous = query.compare ? previousRange(range) : null;
  const current = totals(sqlite, { bounds: toSqlBounds(range), storeId: query.storeId }, query);
  const before = previous ? previousTotals(sqlite, { bounds: toSqlBounds(previous), storeId: query.storeId }, query) : null;
  const present = [...current.shipments, ...current.deliveries];
  return {
    range,
    previousRange: previous,
    basis: query.basis,
    current: current.all.result(),
    previous: before,
    byCarrier: breakdown(current.carriers),
    byRegion: breakdown(current.regions),
    volumeByDay: volumeByDay(sqlite, { bounds: toSqlBounds(range), storeId: query.storeId }, query),
    exceptionsByCarrier: exceptionsByCarrier(sqlite,
      { noScanDays: DEFAULT_NO_SCAN_DAYS, carrier: query.carrier, country: query.country, storeId: query.storeId }, now),
    carriers: [...new Set(present.map((g) => g.carrier))].sort(),
    countries: [...new Set(present.map((g) => g.country).filter(Boolean))].sort(),
  };
}

/** The queue's default (logistics.exceptions' noScanDays) for the dashboard's current exceptions. */
const DEFAULT_NO_SCAN_DAYS = 5;
