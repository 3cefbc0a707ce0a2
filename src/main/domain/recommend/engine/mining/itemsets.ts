import { buildTidLists, intersectTids } from './tidlists';

/**
 * Frequent itemsets by Eclat over tid lists. Items are renumbered densely by
 * ascending support (the usual Eclat order: rarer prefixes have shorter lists,
 * so the intersections below them stay small). Frequent pairs are counted
 * straight from the baskets, which is cheaper than intersecting every pair of
 * lists; only frequent pairs get lists, and deeper levels intersect those.
 */

/** A node of the itemset trie: the itemset is the path of dense indexes from the root. */
export interface ItemsetNode {
  count: number;
  children: Map<number, ItemsetNode> | null;
}

export interface FrequentItemsets {
  /** Dense index → original item id. */
  itemIds: Int32Array;
  /** Dense index → baskets holding the item. */
  itemCounts: Int32Array;
  /** Every frequent itemset of size ≥ 1, reachable by its dense indexes in ascending order. */
  root: ItemsetNode;
  /** Frequent itemsets found (all sizes ≥ 1). */
  total: number;
}

interface ClassMember {
  item: number;
  node: ItemsetNode;
  /** null while the member is a pair whose list was not needed yet. */
  tids: Int32Array | null;
}

/** Pair counting needs a triangle of counters; above this many it would cost too much memory. */
const MAX_PAIR_COUNTERS = 1 << 24;

export function frequentItemsets(
  baskets: readonly (readonly number[])[],
  minCount: number,
  maxLength: number,
  onProgress?: (done: number, total: number) => void,
  /** Tests lower it to run the intersection path that very large catalogues take. */
  maxPairCounters = MAX_PAIR_COUNTERS,
): FrequentItemsets {
  // Support per item, a repeat within a basket counted once (the basket that last counted it is remembered).
  const supportById = new Map<number, number>();
  const lastBasket = new Map<number, number>();
  baskets.forEach((basket, tid) => {
    for (const id of basket) {
      if (lastBasket.get(id) === tid) continue;
      lastBasket.set(id, tid);
      supportById.set(id, (supportById.get(id) ?? 0) + 1);
    }
  });
  const frequent = [...supportById].filter(([, count]) => count >= minCount);
  frequent.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const itemIds = Int32Array.from(frequent.map(([id]) => id));
  const itemCounts = Int32Array.from(frequent.map(([, count]) => count));
  const denseById = new Map(frequent.map(([id], dense) => [id, dense]));
  const m = itemIds.length;

  // Each basket as its frequent items' dense indexes, ascending and distinct.
  const encoded = baskets.map((basket) => {
    const dense: number[] = [];
    for (const id of basket) {
      const index = denseById.get(id);
      if (index !== undefined) dense.push(index);
    }
    const sorted = Int32Array.from(dense).sort();
    let n = 0;
    for (let i = 0; i < sorted.length; i += 1) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
    return n === sorted.length ? sorted : sorted.slice(0, n);
  });
  const tids = buildTidLists(encoded, m);

  const root: ItemsetNode = { count: baskets.length, children: new Map() };
  let total = 0;
  const tops: ClassMember[] = [];
  for (let item = 0; item < m; item += 1) {
    const node: ItemsetNode = { count: itemCounts[item]!, children: null };
    root.children!.set(item, node);
    tops.push({ item, node, tids: tids[item]! });
    total += 1;
  }
  if (maxLength < 2 || m < 2) {
    onProgress?.(m, m);
    return { itemIds, itemCounts, root, total };
  }

  const pairCounts = (m * (m - 1)) / 2 <= maxPairCounters ? countPairs(encoded, m) : null;
  const pairIndex = (a: number, b: number): number => a * m - (a * (a + 1)) / 2 + (b - a - 1);

  /** Extends `prefix` (a class member) by the later members of its class, depth first. */
  const extend = (members: ClassMember[], depth: number): void => {
    for (let i = 0; i < members.length; i += 1) {
      const head = members[i]!;
      const next: ClassMember[] = [];
      for (let j = i + 1; j < members.length; j += 1) {
        const other = members[j]!;
        const list = intersectTids(head.tids!, other.tids!, minCount);
        if (!list) continue;
        next.push(addChild(head.node, other.item, list.length, list));
      }
      if (next.length > 0 && depth + 1 < maxLength) extend(next, depth + 1);
    }
  };

  const addChild = (parent: ItemsetNode, item: number, count: number, list: Int32Array | null): ClassMember => {
    const node: ItemsetNode = { count, children: null };
    (parent.children ??= new Map()).set(item, node);
    total += 1;
    return { item, node, tids: list };
  };

  for (let a = 0; a < m; a += 1) {
    const top = tops[a]!;
    const pairs: ClassMember[] = [];
    for (let b = a + 1; b < m; b += 1) {
      if (pairCounts) {
        const count = pairCounts[pairIndex(a, b)]!;
        if (count >= minCount) pairs.push(addChild(top.node, b, count, null));
      } else {
        const list = intersectTids(top.tids!, tids[b]!, minCount);
        if (list) pairs.push(addChild(top.node, b, list.length, list));
      }
    }
    if (pairs.length > 1 && maxLength > 2) {
      // Pair lists are built only for classes that can grow to triples.
      for (const pair of pairs) pair.tids ??= intersectTids(top.tids!, tids[pair.item]!, minCount);
      extend(pairs, 2);
    }
    onProgress?.(a + 1, m);
  }
  return { itemIds, itemCounts, root, total };
}

/** Co-occurrence counts of every pair of frequent items (a < b), in a packed upper triangle. */
function countPairs(encoded: readonly Int32Array[], m: number): Uint32Array {
  const counts = new Uint32Array((m * (m - 1)) / 2);
  for (const basket of encoded) {
    for (let i = 0; i < basket.length; i += 1) {
      const a = basket[i]!;
      const rowStart = a * m - (a * (a + 1)) / 2 - a - 1;
      for (let j = i + 1; j < basket.length; j += 1) counts[rowStart + basket[j]!]! += 1;
    }
  }
  return counts;
}

/** The node of an itemset given as ascending dense indexes, or null when it is not frequent. */
export function findItemset(root: ItemsetNode, items: ArrayLike<number>): ItemsetNode | null {
  let node: ItemsetNode | undefined = root;
  for (let index = 0; index < items.length && node; index += 1) node = node.children?.get(items[index]!);
  return node ?? null;
}
