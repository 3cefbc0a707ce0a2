import { MODEL_FORMAT, TREND_HORIZON_DAYS, newCache, type RecsModel } from './model';
import { topN } from './topN';
import type { TrainingData, TrainOptions } from './types';

const DAY_MS = 86_400_000;
/** Neighbours kept per item by cosine, and again by co-count (merged, so at most twice this). */
export const NEIGHBOURS_KEPT = 100;
const PROGRESS_EVERY = 100_000;

/** The baskets as dense item indices (deduplicated), with each basket's decay weight and age. */
interface EncodedBaskets {
  productIds: Float64Array;
  offsets: Uint32Array;
  items: Int32Array;
  weight: Float64Array;
  ageDays: Int32Array;
  customers: number;
  dataFrom: number | null;
  dataTo: number | null;
}

function encode(data: TrainingData, options: TrainOptions): EncodedBaskets {
  const ids = new Set<number>();
  const customers = new Set<number>();
  let lines = 0;
  let dataFrom = Infinity;
  let dataTo = -Infinity;
  for (const basket of data.baskets) {
    for (const id of basket.items) ids.add(id);
    if (basket.customerId !== null) customers.add(basket.customerId);
    lines += basket.items.length;
    if (basket.at < dataFrom) dataFrom = basket.at;
    if (basket.at > dataTo) dataTo = basket.at;
  }
  // Float64: any integer id a database may hold, not only those below 2³¹.
  const productIds = Float64Array.from(ids).sort();
  const indexOf = new Map<number, number>();
  for (let i = 0; i < productIds.length; i++) indexOf.set(productIds[i]!, i);

  const count = data.baskets.length;
  const offsets = new Uint32Array(count + 1);
  const items = new Int32Array(lines);
  const weight = new Float64Array(count);
  const ageDays = new Int32Array(count);
  // A basket listing a product twice counts it once: `seenIn` stamps the basket that last held each item.
  const seenIn = new Int32Array(productIds.length).fill(-1);
  const halfLifeMs = options.halfLifeDays === null ? null : options.halfLifeDays * DAY_MS;
  let at = 0;
  for (let b = 0; b < count; b++) {
    const basket = data.baskets[b]!;
    for (const id of basket.items) {
      const i = indexOf.get(id)!;
      if (seenIn[i] === b) continue;
      seenIn[i] = b;
      items[at++] = i;
    }
    offsets[b + 1] = at;
    const age = dataTo - basket.at;
    weight[b] = halfLifeMs === null ? 1 : Math.pow(0.5, age / halfLifeMs);
    ageDays[b] = Math.floor(age / DAY_MS);
    if (b % PROGRESS_EVERY === PROGRESS_EVERY - 1) options.onProgress?.('counting', b + 1, count);
  }
  return {
    productIds, offsets, items: items.subarray(0, at), weight, ageDays, customers: customers.size,
    dataFrom: count > 0 ? dataFrom : null, dataTo: count > 0 ? dataTo : null,
  };
}

/**
 * Learns co-purchase counts (optionally decayed by a half-life to the newest
 * basket), item counts, per-day recent counts for trending, and per item its
 * best neighbours. Pairs are counted row by row through an inverted index
 * (item → baskets) with one dense scratch row, so memory stays linear in the
 * catalogue and the order lines, whatever the catalogue's size.
 */
export function trainModel(data: TrainingData, options: TrainOptions): RecsModel {
  const encoded = encode(data, options);
  const { productIds, offsets, items, weight, ageDays } = encoded;
  const n = productIds.length;
  const basketCount = offsets.length - 1;

  const itemWeight = new Float64Array(n);
  const itemCount = new Uint32Array(n);
  const trendCum = new Uint32Array(n * TREND_HORIZON_DAYS);
  for (let b = 0; b < basketCount; b++) {
    const age = ageDays[b]!;
    for (let p = offsets[b]!; p < offsets[b + 1]!; p++) {
      const i = items[p]!;
      itemWeight[i]! += weight[b]!;
      itemCount[i]!++;
      if (age < TREND_HORIZON_DAYS) trendCum[i * TREND_HORIZON_DAYS + age]!++;
    }
  }
  for (let i = 0; i < n; i++) {
    const row = i * TREND_HORIZON_DAYS;
    for (let d = 1; d < TREND_HORIZON_DAYS; d++) trendCum[row + d]! += trendCum[row + d - 1]!;
  }

  // Inverted index: the baskets holding each item.
  const postingStart = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) postingStart[i + 1] = postingStart[i]! + itemCount[i]!;
  const postings = new Uint32Array(items.length);
  const fill = postingStart.slice(0, n);
  for (let b = 0; b < basketCount; b++) {
    for (let p = offsets[b]!; p < offsets[b + 1]!; p++) postings[fill[items[p]!]!++] = b;
  }

  const coWeight = new Float64Array(n);
  const coCount = new Uint32Array(n);
  const touched = new Int32Array(n);
  const cosine = new Float64Array(n);
  const kept = new Uint8Array(n);
  const nbrOffsets = new Uint32Array(n + 1);
  const nbrIndex: number[] = [];
  const nbrWeight: number[] = [];
  const nbrCount: number[] = [];
  const progressStep = Math.max(1, Math.floor(n / 20));
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let q = postingStart[i]!; q < postingStart[i + 1]!; q++) {
      const b = postings[q]!;
      const w = weight[b]!;
      for (let p = offsets[b]!; p < offsets[b + 1]!; p++) {
        const j = items[p]!;
        if (j === i) continue;
        if (coCount[j]! === 0) touched[t++] = j;
        coCount[j]!++;
        coWeight[j]! += w;
      }
    }
    for (let c = 0; c < t; c++) {
      const j = touched[c]!;
      cosine[j] = coWeight[j]! / Math.sqrt(itemWeight[i]! * itemWeight[j]!);
    }
    // Kept by cosine (cf at low shrinkage) and by co-count (cf at high shrinkage, and the rules' support).
    const byCosine = topN(touched, t, cosine, NEIGHBOURS_KEPT);
    const byCount = topN(touched, t, coWeight, NEIGHBOURS_KEPT);
    for (const list of [byCosine, byCount]) {
      for (const j of list) {
        if (kept[j]!) continue;
        kept[j] = 1;
        nbrIndex.push(j);
        nbrWeight.push(coWeight[j]!);
        nbrCount.push(coCount[j]!);
      }
    }
    nbrOffsets[i + 1] = nbrIndex.length;
    for (let c = 0; c < t; c++) {
      const j = touched[c]!;
      coCount[j] = 0;
      coWeight[j] = 0;
      kept[j] = 0;
    }
    if (i % progressStep === progressStep - 1) options.onProgress?.('neighbours', i + 1, n);
  }

  return {
    format: MODEL_FORMAT,
    facts: {
      products: n, customers: encoded.customers, baskets: basketCount,
      dataFrom: encoded.dataFrom, dataTo: encoded.dataTo,
      halfLifeDays: options.halfLifeDays, trendingDays: options.trendingDays, neighboursKept: NEIGHBOURS_KEPT,
    },
    arrays: {
      productIds, itemWeight, itemCount, trendCum, nbrOffsets,
      nbrIndex: Int32Array.from(nbrIndex), nbrWeight: Float32Array.from(nbrWeight), nbrCount: Uint32Array.from(nbrCount),
    },
    cache: newCache(productIds),
  };
}
