/**
 * A small seeded PRNG (mulberry32) and the draws the demo generator needs.
 * Math.random is never used: the same seed must give the same store, byte for byte.
 * Period 2^32 is ample: the large store draws well under a billion numbers.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    // Scramble the seed so neighbouring seeds start far apart.
    this.state = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) | 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A string of `length` decimal digits (tracking numbers, phone numbers). */
  digits(length: number): string {
    let out = '';
    while (out.length < length) out += Math.floor(this.next() * 1e9).toString().padStart(9, '0');
    return out.slice(0, length);
  }

  /**
   * The generator for item `index` of stream `stream` (an order, a customer...).
   * Each item draws from its own stream, so it comes out the same whichever
   * thread makes it and in whatever chunk: that is what lets workers share the load.
   */
  static stream(seed: number, stream: number, index: number): Random {
    let h = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b);
    h ^= Math.imul((stream | 0) + 0x632be5ab, 0xc2b2ae35);
    h ^= Math.imul((index | 0) + 0x165667b1, 0x27d4eb2f);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return new Random(h ^ (h >>> 16));
  }
}

/** Independent random streams of one store (see Random.stream). */
export const STREAM = { plan: 1, timeline: 2, catalogue: 3, order: 4, customer: 5 } as const;

/**
 * Draws from a fixed discrete distribution in O(log n): cumulative weights and a
 * binary search. Built once per table of choices, reused for millions of draws.
 */
export class WeightedPicker<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) {
      throw new Error('WeightedPicker needs one weight per item and at least one item');
    }
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += w;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  static of<T>(entries: readonly (readonly [T, number])[]): WeightedPicker<T> {
    return new WeightedPicker(
      entries.map((e) => e[0]),
      entries.map((e) => e[1]),
    );
  }

  pickIndex(rng: Random): number {
    const target = rng.next() * this.total;
    const c = this.cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((c[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  pick(rng: Random): T {
    return this.items[this.pickIndex(rng)] as T;
  }
}
