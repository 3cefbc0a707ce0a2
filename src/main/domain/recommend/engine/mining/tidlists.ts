/**
 * Transaction-id lists: for an item or itemset, the ascending indexes of the
 * baskets that hold it. Frequent itemsets are found by intersecting them
 * (Eclat), which on sparse basket data touches far fewer numbers than a
 * horizontal scan per candidate.
 */

/**
 * The baskets in both lists, or null as soon as fewer than `minCount` could
 * remain (the candidate is infrequent, so building its list is wasted work).
 */
export function intersectTids(a: Int32Array, b: Int32Array, minCount: number): Int32Array | null {
  if (a.length < minCount || b.length < minCount) return null;
  const out = new Int32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let n = 0;
  const aLength = a.length;
  const bLength = b.length;
  while (i < aLength && j < bLength) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out[n++] = x;
      i += 1;
      j += 1;
    } else if (x < y) {
      i += 1;
      // Even if every remaining basket of `a` matched, the count would stay too low.
      if (n + aLength - i < minCount) return null;
    } else {
      j += 1;
      if (n + bLength - j < minCount) return null;
    }
  }
  return n >= minCount ? out.subarray(0, n) : null;
}

/** One tid list per dense item index (0..itemCount-1), built in one pass over the encoded baskets. */
export function buildTidLists(encoded: readonly Int32Array[], itemCount: number): Int32Array[] {
  const sizes = new Int32Array(itemCount);
  for (const basket of encoded) for (const item of basket) sizes[item]! += 1;
  const lists = Array.from({ length: itemCount }, (_, item) => new Int32Array(sizes[item]!));
  const filled = new Int32Array(itemCount);
  encoded.forEach((basket, tid) => {
    for (const item of basket) lists[item]![filled[item]!++] = tid;
  });
  return lists;
}
