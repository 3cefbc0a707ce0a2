import type { RecsSource } from '../../../../shared/contract/recs';
import { blend, byRank, type Candidate, type CandidatePool } from './candidates';
import type { CatalogFeatures } from './content';
import { diversify } from './diversity';
import { applyBoosts, capPerBrand, type ProductFilter } from './merchantRules';
import type { RecsModel } from './model';
import { applyPins } from './pins';
import type { CatalogItem, RecsConfig, ScoredItem } from './types';

export interface ListSpec {
  model: RecsModel;
  catalog: ReadonlyMap<number, CatalogItem>;
  features: CatalogFeatures;
  config: RecsConfig;
  /** The list's own signals; null for a list that is the baselines by design (non-personal). */
  evidenceSources: readonly RecsSource[] | null;
  evidenceScale?: (candidate: Candidate) => number;
  /** Product lists: the anchor, for pins (checked against `hard`). */
  anchorId?: number;
  hard: ProductFilter;
}

/**
 * From a pool (already filtered: hard filters, price window, purchased) to
 * the list: blend the sources, boosts and buries, evidence before fills
 * (fills only reach the list when evidence runs short of k), the cap per
 * brand, diversity (MMR), the first k, then pins.
 */
export function finishList(pool: CandidatePool, spec: ListSpec): ScoredItem[] {
  const { config, features } = spec;
  const ranked = blend(pool.list(), config, spec.evidenceSources, spec.evidenceScale);
  applyBoosts(ranked, config, features);
  ranked.sort(byRank);
  const capped = capPerBrand(ranked, config.filters.maxPerBrand, features);
  const chosen = diversify(capped, config.k, config.diversityLambda, spec.model, config.cf.shrinkage, features);
  const list: ScoredItem[] = chosen.map(toScored);
  if (spec.anchorId === undefined) return list;
  const earned = (productId: number) => {
    const found = ranked.find((r) => r.productId === productId);
    return found && toScored(found);
  };
  return applyPins(list, earned, config, spec.anchorId, spec.catalog, spec.hard);
}

function toScored(r: ScoredItem): ScoredItem {
  return { productId: r.productId, score: r.score, sources: { ...r.sources }, adjustments: [...r.adjustments] };
}
