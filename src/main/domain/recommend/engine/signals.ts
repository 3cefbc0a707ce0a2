import type { RecsModel } from './model';
import type { RecsConfig } from './types';

/**
 * What the trained counts say about one item's neighbours, with the query's
 * settings applied: shrunk cosine for collaborative filtering, and one-item
 * association rules (anchor ⇒ neighbour) for the rules source.
 */

/** Item-to-item cosine with shrinkage: co/√(nᵢnⱼ) × co/(co + shrinkage), on decayed counts. */
export function shrunkCosine(co: number, ni: number, nj: number, shrinkage: number): number {
  if (co <= 0 || ni <= 0 || nj <= 0) return 0;
  return (co / Math.sqrt(ni * nj)) * (co / (co + shrinkage));
}

export interface Neighbour {
  index: number;
  /** Shrunk cosine similarity. */
  similarity: number;
  /** Confidence × lift of anchor ⇒ neighbour when the rule meets the thresholds, else 0. */
  ruleStrength: number;
}

export interface RuleStats {
  support: number;
  confidence: number;
  lift: number;
  count: number;
}

/** Rule anchor ⇒ neighbour from undecayed counts (support over all baskets). */
export function pairRule(model: RecsModel, anchor: number, neighbour: number, count: number): RuleStats {
  const baskets = model.facts.baskets;
  const anchorCount = model.arrays.itemCount[anchor]!;
  const neighbourCount = model.arrays.itemCount[neighbour]!;
  const support = baskets > 0 ? count / baskets : 0;
  const confidence = anchorCount > 0 ? count / anchorCount : 0;
  const lift = neighbourCount > 0 && baskets > 0 ? confidence / (neighbourCount / baskets) : 0;
  return { support, confidence, lift, count };
}

export function neighboursOf(model: RecsModel, anchor: number, config: RecsConfig): Neighbour[] {
  const { nbrOffsets, nbrIndex, nbrWeight, nbrCount, itemWeight } = model.arrays;
  const out: Neighbour[] = [];
  for (let p = nbrOffsets[anchor]!; p < nbrOffsets[anchor + 1]!; p++) {
    const j = nbrIndex[p]!;
    const similarity = shrunkCosine(nbrWeight[p]!, itemWeight[anchor]!, itemWeight[j]!, config.cf.shrinkage);
    const rule = pairRule(model, anchor, j, nbrCount[p]!);
    const passes = rule.support >= config.rules.minSupport && rule.confidence >= config.rules.minConfidence;
    out.push({ index: j, similarity, ruleStrength: passes ? rule.confidence * rule.lift : 0 });
  }
  return out;
}

/** Calls `visit` with each kept neighbour's dense index and shrunk cosine, in stored order. */
export function eachNeighbour(model: RecsModel, anchor: number, shrinkage: number, visit: (index: number, similarity: number) => void): void {
  const { nbrOffsets, nbrIndex, nbrWeight, itemWeight } = model.arrays;
  for (let p = nbrOffsets[anchor]!; p < nbrOffsets[anchor + 1]!; p++) {
    const j = nbrIndex[p]!;
    visit(j, shrunkCosine(nbrWeight[p]!, itemWeight[anchor]!, itemWeight[j]!, shrinkage));
  }
}

/** Shrunk cosine from `anchor` to every kept neighbour, keyed by dense index (for diversity). */
export function similarityRow(model: RecsModel, anchor: number, shrinkage: number): Map<number, number> {
  const row = new Map<number, number>();
  eachNeighbour(model, anchor, shrinkage, (j, similarity) => row.set(j, similarity));
  return row;
}
