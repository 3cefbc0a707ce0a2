import type { Basket, HistoryItem, TrainingData } from '../engine/types';

/**
 * Held-out splits of the baskets for offline evaluation. A case is a customer
 * the engine is asked to recommend to from their training purchases; the
 * products of their held-out baskets are what a good list would have named.
 */
export interface EvaluationCase {
  customerId: number;
  /** The customer's training purchases, most recent first. */
  history: HistoryItem[];
  /** Distinct products of the customer's held-out baskets, ascending. */
  heldOut: readonly number[];
}

export interface SplitResult {
  /** The catalogue and the training baskets only: no held-out basket is in here. */
  train: TrainingData;
  cases: EvaluationCase[];
  trainBaskets: number;
  /** Held-out baskets: every basket after the cut-off (guests' too), or each case's last basket. */
  testBaskets: number;
  /** Epoch ms of the oldest and newest basket of all the data; null without baskets. */
  dataFrom: number | null;
  dataTo: number | null;
  /** Epoch ms of the time split's cut-off; null for leave-last-basket-out. */
  cutoff: number | null;
  kind: 'time' | 'leave_last';
  /**
   * Customers counted but not evaluated, having nothing to learn from or
   * nothing to test on: for a time split, customers whose baskets all fall
   * after the cut-off (plus those whose test baskets hold no product); for
   * leave-last, customers with a single basket.
   */
  unevaluatedCustomers: number;
  /** Held-out baskets of guests (no customer): they test no one. */
  guestTestBaskets: number;
  /** Product id → training baskets holding it (popularity percentiles for the popularity-bias metric). */
  trainCounts: Map<number, number>;
}

/** Train on the baskets before `cutoffMs`, test each returning customer on the products they bought from it on. */
export function splitByTime(data: TrainingData, cutoffMs: number): SplitResult {
  const trainCustomers = new Set<number>();
  const testCustomers = new Set<number>();
  const train: Basket[] = [];
  let testBaskets = 0;
  let guestTestBaskets = 0;
  for (const basket of data.baskets) {
    if (basket.at < cutoffMs) {
      train.push(basket);
      if (basket.customerId !== null) trainCustomers.add(basket.customerId);
    } else {
      testBaskets += 1;
      if (basket.customerId === null) guestTestBaskets += 1;
      else testCustomers.add(basket.customerId);
    }
  }
  const evaluated = new Set([...testCustomers].filter((customerId) => trainCustomers.has(customerId)));
  const histories = new Map<number, Map<number, HistoryItem>>();
  const heldOut = new Map<number, Set<number>>();
  for (const basket of data.baskets) {
    const customerId = basket.customerId;
    if (customerId === null || !evaluated.has(customerId)) continue;
    if (basket.at < cutoffMs) addToHistory(histories, customerId, basket);
    else addToHeldOut(heldOut, customerId, basket);
  }
  const cases = buildCases(evaluated, histories, heldOut);
  return {
    train: { catalog: data.catalog, baskets: train },
    cases,
    trainBaskets: train.length,
    testBaskets,
    ...dataWindow(data.baskets),
    cutoff: cutoffMs,
    kind: 'time',
    unevaluatedCustomers: testCustomers.size - cases.length,
    guestTestBaskets,
    trainCounts: countItems(train),
  };
}

/**
 * Hold out each customer's last basket (the latest; on a tie the later in the
 * data) when they have at least two; train on every other basket, guests'
 * included. The held-out baskets are removed from training.
 */
export function splitLeaveLastBasket(data: TrainingData): SplitResult {
  const last = new Map<number, { index: number; at: number; baskets: number }>();
  data.baskets.forEach((basket, index) => {
    if (basket.customerId === null) return;
    const seen = last.get(basket.customerId);
    if (!seen) last.set(basket.customerId, { index, at: basket.at, baskets: 1 });
    else {
      seen.baskets += 1;
      if (basket.at >= seen.at) {
        seen.index = index;
        seen.at = basket.at;
      }
    }
  });
  const heldOutIndexes = new Set<number>();
  for (const seen of last.values()) if (seen.baskets >= 2) heldOutIndexes.add(seen.index);

  const train: Basket[] = [];
  const histories = new Map<number, Map<number, HistoryItem>>();
  const heldOut = new Map<number, Set<number>>();
  data.baskets.forEach((basket, index) => {
    const customerId = basket.customerId;
    if (heldOutIndexes.has(index)) {
      addToHeldOut(heldOut, customerId!, basket);
      return;
    }
    train.push(basket);
    if (customerId !== null && (last.get(customerId)?.baskets ?? 0) >= 2) addToHistory(histories, customerId, basket);
  });
  const evaluated = new Set([...last].filter(([, seen]) => seen.baskets >= 2).map(([customerId]) => customerId));
  const cases = buildCases(evaluated, histories, heldOut);
  return {
    train: { catalog: data.catalog, baskets: train },
    cases,
    trainBaskets: train.length,
    testBaskets: heldOutIndexes.size,
    ...dataWindow(data.baskets),
    cutoff: null,
    kind: 'leave_last',
    unevaluatedCustomers: last.size - cases.length,
    guestTestBaskets: 0,
    trainCounts: countItems(train),
  };
}

function addToHistory(histories: Map<number, Map<number, HistoryItem>>, customerId: number, basket: Basket): void {
  let history = histories.get(customerId);
  if (!history) histories.set(customerId, (history = new Map()));
  for (const productId of basket.items) {
    const item = history.get(productId);
    if (!item) history.set(productId, { productId, at: basket.at, times: 1 });
    else {
      item.times += 1;
      if (basket.at > item.at) item.at = basket.at;
    }
  }
}

function addToHeldOut(heldOut: Map<number, Set<number>>, customerId: number, basket: Basket): void {
  let products = heldOut.get(customerId);
  if (!products) heldOut.set(customerId, (products = new Set()));
  for (const productId of basket.items) products.add(productId);
}

/** Cases in ascending customer order; a customer whose held-out baskets hold no product tests nothing and is left out. */
function buildCases(
  evaluated: ReadonlySet<number>,
  histories: ReadonlyMap<number, Map<number, HistoryItem>>,
  heldOut: ReadonlyMap<number, Set<number>>,
): EvaluationCase[] {
  const cases: EvaluationCase[] = [];
  for (const customerId of [...evaluated].sort((a, b) => a - b)) {
    const products = heldOut.get(customerId);
    if (!products || products.size === 0) continue;
    const history = [...(histories.get(customerId)?.values() ?? [])].sort(
      (a, b) => b.at - a.at || a.productId - b.productId,
    );
    cases.push({ customerId, history, heldOut: [...products].sort((a, b) => a - b) });
  }
  return cases;
}

function dataWindow(baskets: readonly Basket[]): { dataFrom: number | null; dataTo: number | null } {
  let dataFrom: number | null = null;
  let dataTo: number | null = null;
  for (const basket of baskets) {
    if (dataFrom === null || basket.at < dataFrom) dataFrom = basket.at;
    if (dataTo === null || basket.at > dataTo) dataTo = basket.at;
  }
  return { dataFrom, dataTo };
}

/** Product id → baskets holding it. */
export function countItems(baskets: readonly Basket[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const basket of baskets) for (const productId of basket.items) counts.set(productId, (counts.get(productId) ?? 0) + 1);
  return counts;
}
