import type { Ranked } from './candidates';
import { contentSimilarity, type CatalogFeatures } from './content';
import type { RecsModel } from './model';
import { similarityRow } from './signals';

/** How many of the best-ranked candidates (per tier, times k) MMR chooses from. */
const POOL_PER_SLOT = 4;

/**
 * Maximal marginal relevance: picks `k` items one by one, each maximising
 * λ·relevance − (1 − λ)·(its highest similarity to those already picked),
 * where relevance is the score over the list's best score and similarity is
 * the larger of content and collaborative similarity. Evidence-backed items
 * are all picked before any popularity fill, so diversity reorders within
 * each tier and never promotes a fill. An item that ends lower than it
 * ranked is marked 'diversified'. λ = 1 is relevance only: the list as ranked.
 */
export function diversify(
  ranked: readonly Ranked[],
  k: number,
  lambda: number,
  model: RecsModel,
  shrinkage: number,
  features: CatalogFeatures,
): Ranked[] {
  if (lambda >= 1 || ranked.length <= 1) return ranked.slice(0, k);
  const limit = POOL_PER_SLOT * k;
  const pool = [
    ...ranked.filter((r) => r.evidence).slice(0, limit),
    ...ranked.filter((r) => !r.evidence).slice(0, limit),
  ];
  const rankOf = new Map(ranked.map((r, i) => [r.productId, i]));
  const best = Math.max(...pool.map((r) => r.score), 0);
  const relevance = pool.map((r) => (best > 0 ? r.score / best : 0));
  const maxSimilarity = new Float64Array(pool.length);
  const taken = new Uint8Array(pool.length);
  const picked: Ranked[] = [];
  while (picked.length < k && picked.length < pool.length) {
    const tierLeft = pool.some((r, i) => !taken[i]! && r.evidence);
    let choice = -1;
    let choiceValue = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      if (taken[i]! || (tierLeft && !pool[i]!.evidence)) continue;
      const value = lambda * relevance[i]! - (1 - lambda) * maxSimilarity[i]!;
      if (value > choiceValue) {
        choiceValue = value;
        choice = i;
      }
    }
    taken[choice] = 1;
    const chosen = pool[choice]!;
    picked.push(chosen);
    const cfRow = chosen.candidate.index >= 0 ? similarityRow(model, chosen.candidate.index, shrinkage) : null;
    const chosenFeatures = features.get(chosen.productId);
    for (let i = 0; i < pool.length; i++) {
      if (taken[i]!) continue;
      const other = pool[i]!;
      const cf = cfRow && other.candidate.index >= 0 ? (cfRow.get(other.candidate.index) ?? 0) : 0;
      const otherFeatures = features.get(other.productId);
      const content = chosenFeatures && otherFeatures ? contentSimilarity(chosenFeatures, otherFeatures) : 0;
      maxSimilarity[i] = Math.max(maxSimilarity[i]!, cf, content);
    }
  }
  picked.forEach((r, position) => {
    if (position > rankOf.get(r.productId)!) r.adjustments.push({ kind: 'diversified' });
  });
  return picked;
}
