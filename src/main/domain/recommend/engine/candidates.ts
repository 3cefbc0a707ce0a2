import { RECS_SOURCES, type RecsSource } from '../../../../shared/contract/recs';
import { popularityOrder, trending, type RecsModel } from './model';
import type { CatalogItem, RecsConfig, ScoredItem } from './types';

/** A product that may enter a list, with each source's raw (unnormalised) evidence. */
export interface Candidate {
  productId: number;
  item: CatalogItem;
  /** Dense model index; -1 when the model never saw the product sold. */
  index: number;
  raw: Record<RecsSource, number>;
}

const zeroSources = (): Record<RecsSource, number> => ({ cf: 0, rules: 0, content: 0, popularity: 0, trending: 0 });

/**
 * The candidates of one list. Only products in the catalogue that pass the
 * list's filters get in, so normalisation and filling see the list as it
 * will be shown. Popularity and trending are read for every candidate.
 */
export class CandidatePool {
  private readonly byId = new Map<number, Candidate>();
  private readonly trend: { counts: Uint32Array; order: Int32Array };

  constructor(
    private readonly model: RecsModel,
    private readonly catalog: ReadonlyMap<number, CatalogItem>,
    private readonly accepts: (productId: number, item: CatalogItem) => boolean,
    trendingDays: number,
  ) {
    this.trend = trending(model, trendingDays);
  }

  /** Adds evidence for a product (summed per source); ignored when the product may not be listed. */
  add(productId: number, source: RecsSource, value: number): void {
    const candidate = this.get(productId);
    if (candidate) candidate.raw[source] += value;
  }

  get(productId: number): Candidate | undefined {
    let candidate = this.byId.get(productId);
    if (candidate) return candidate;
    const item = this.catalog.get(productId);
    if (!item || !this.accepts(productId, item)) return undefined;
    const index = this.model.cache.indexOf.get(productId) ?? -1;
    const raw = zeroSources();
    if (index >= 0) {
      raw.popularity = this.model.arrays.itemCount[index]!;
      raw.trending = this.trend.counts[index]!;
    }
    candidate = { productId, item, index, raw };
    this.byId.set(productId, candidate);
    return candidate;
  }

  /** Adds the best-selling and the trending products, `wanted` listable ones of each, for filling. */
  addBaselines(wanted: number): void {
    const ids = this.model.arrays.productIds;
    for (const order of [popularityOrder(this.model), this.trend.order]) {
      let added = 0;
      for (let o = 0; o < order.length && added < wanted; o++) {
        if (this.get(ids[order[o]!]!)) added++;
      }
    }
  }

  list(): Candidate[] {
    return [...this.byId.values()];
  }
}

/** A candidate scored for one list: ScoredItem plus what ranking needs. */
export interface Ranked extends ScoredItem {
  candidate: Candidate;
  /** Backed by list-specific evidence; false = a popularity/trending fill. */
  evidence: boolean;
}

/**
 * Normalises each source by its maximum over the list, weights it, and sums.
 * `evidenceSources` are the list's own signals (null: a list made of the
 * baselines by design, where nothing is a fill); `evidenceScale` lets a list
 * discount a candidate's evidence (bought-together: same category counts half).
 */
export function blend(
  candidates: readonly Candidate[],
  config: RecsConfig,
  evidenceSources: readonly RecsSource[] | null,
  evidenceScale?: (candidate: Candidate) => number,
): Ranked[] {
  const max = zeroSources();
  for (const c of candidates) {
    for (const s of RECS_SOURCES) if (c.raw[s] > max[s]) max[s] = c.raw[s];
  }
  // Per source: weight / list maximum, and whether it is the list's own evidence.
  const factor = zeroSources();
  const isEvidence = { cf: false, rules: false, content: false, popularity: false, trending: false };
  for (const s of RECS_SOURCES) {
    factor[s] = max[s] > 0 ? config.weights[s] / max[s] : 0;
    isEvidence[s] = evidenceSources?.includes(s) ?? false;
  }
  return candidates.map((candidate) => {
    const scale = evidenceScale ? evidenceScale(candidate) : 1;
    const { raw } = candidate;
    const part = (s: RecsSource) => factor[s] * raw[s] * (isEvidence[s] ? scale : 1);
    const sources = { cf: part('cf'), rules: part('rules'), content: part('content'), popularity: part('popularity'), trending: part('trending') };
    const score = sources.cf + sources.rules + sources.content + sources.popularity + sources.trending;
    const evidence =
      evidenceSources === null ||
      (isEvidence.cf && sources.cf > 0) || (isEvidence.rules && sources.rules > 0) || (isEvidence.content && sources.content > 0);
    const ranked: Ranked = { productId: candidate.productId, score, sources, adjustments: [], candidate, evidence };
    if (!evidence) {
      ranked.adjustments.push({ kind: 'fallback', source: sources.trending > sources.popularity ? 'trending' : 'popularity' });
    }
    return ranked;
  });
}

/** List order: evidence before fills, then score, then all-time popularity, then product id. */
export function byRank(a: Ranked, b: Ranked): number {
  if (a.evidence !== b.evidence) return a.evidence ? -1 : 1;
  return b.score - a.score || b.candidate.raw.popularity - a.candidate.raw.popularity || a.productId - b.productId;
}
