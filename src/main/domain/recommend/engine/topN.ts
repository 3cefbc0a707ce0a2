/**
 * The n best of many candidates without sorting them all: a min-heap of
 * size n over typed arrays (training keeps ~100 neighbours out of thousands
 * per item). Ties prefer the smaller index, which is the smaller product id.
 */
export function topN(candidates: Int32Array, count: number, key: Float64Array, n: number): Int32Array {
  if (count <= n) {
    const all = candidates.slice(0, count);
    return all.sort((a, b) => key[b]! - key[a]! || a - b);
  }
  const heap = new Int32Array(n);
  let size = 0;
  // "worse" = lower key, or equal key and larger index: the heap's root is the worst kept.
  const worse = (a: number, b: number) => key[a]! < key[b]! || (key[a]! === key[b]! && a > b);
  const siftDown = (start: number) => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && worse(heap[l]!, heap[m]!)) m = l;
      if (r < size && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      const t = heap[i]!;
      heap[i] = heap[m]!;
      heap[m] = t;
      i = m;
    }
  };
  for (let c = 0; c < count; c++) {
    const item = candidates[c]!;
    if (size < n) {
      let i = size++;
      heap[i] = item;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[p]!)) break;
        const t = heap[i]!;
        heap[i] = heap[p]!;
        heap[p] = t;
        i = p;
      }
    } else if (worse(heap[0]!, item)) {
      heap[0] = item;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => key[b]! - key[a]! || a - b);
}
