import type { LogisticsKpiSet } from '../../../shared/contract/logistics';

/**
 * Folding rollup rows into the dashboard's figures. Rows come grouped by
 * carrier, country and region; every figure is a sum, except the percentiles,
 * which merge day histograms and read them by the nearest-rank method.
 */

/** One rollup_shipments_daily group. */
export interface ShipmentGroup {
  carrier: string;
  country: string;
  region: string;
  status: string;
  shipments: number;
  delivered: number;
  withEstimate: number;
  onTime: number;
}

/** One rollup_delivery_days group: `shipments` parcels took `days` days. */
export interface DeliveryGroup {
  carrier: string;
  country: string;
  region: string;
  metric: 'transit' | 'order_to_delivery';
  days: number;
  shipments: number;
}

/** Exceptions on the dashboard: the statuses that mean the parcel is in trouble. */
const EXCEPTION_STATUSES = new Set(['Exception', 'AttemptFail', 'Expired']);

/** A histogram of whole days → parcels. */
type Histogram = Map<number, number>;

export class KpiAccumulator {
  private shipped = 0;
  private delivered = 0;
  private withEstimate = 0;
  private onTime = 0;
  private exceptions = 0;
  private readonly transit: Histogram = new Map();
  private readonly orderToDelivery: Histogram = new Map();

  addShipments(g: ShipmentGroup): void {
    // Shipped = handed to the carrier: a Pending label has not left yet.
    if (g.status !== 'Pending') this.shipped += g.shipments;
    this.delivered += g.delivered;
    this.withEstimate += g.withEstimate;
    this.onTime += g.onTime;
    if (EXCEPTION_STATUSES.has(g.status)) this.exceptions += g.shipments;
  }

  addDelivery(g: DeliveryGroup): void {
    const histogram = g.metric === 'transit' ? this.transit : this.orderToDelivery;
    histogram.set(g.days, (histogram.get(g.days) ?? 0) + g.shipments);
  }

  result(): LogisticsKpiSet {
    return {
      shipped: this.shipped,
      delivered: this.delivered,
      deliveryRate: ratio(this.delivered, this.shipped),
      onTimeRate: ratio(this.onTime, this.withEstimate),
      transitP50: percentile(this.transit, 50),
      transitP90: percentile(this.transit, 90),
      orderToDeliveryP50: percentile(this.orderToDelivery, 50),
      orderToDeliveryP90: percentile(this.orderToDelivery, 90),
      exceptions: this.exceptions,
    };
  }
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Nearest rank: the smallest d whose cumulative count reaches p% of all parcels; null for none. */
export function percentile(histogram: Histogram, p: number): number | null {
  const days = [...histogram.keys()].sort((a, b) => a - b);
  const total = days.reduce((sum, d) => sum + (histogram.get(d) ?? 0), 0);
  if (total === 0) return null;
  let cumulative = 0;
  for (const d of days) {
    cumulative += histogram.get(d) ?? 0;
    // Integer arithmetic: cumulative / total >= p / 100 without rounding.
    if (cumulative * 100 >= p * total) return d;
  }
  return days[days.length - 1] ?? null;
}

/** Accumulators by a key of the group, in first-seen order. */
export class KeyedAccumulators {
  readonly byKey = new Map<string, KpiAccumulator>();

  get(key: string): KpiAccumulator {
    let acc = this.byKey.get(key);
    if (!acc) this.byKey.set(key, (acc = new KpiAccumulator()));
    return acc;
  }
}

/** The destination as the dashboard names it: "US / CA", the country alone when the region is unknown, '' when both are. */
export function regionKey(country: string, region: string): string {
  if (!country) return region;
  return region ? `${country} / ${region}` : country;
}
