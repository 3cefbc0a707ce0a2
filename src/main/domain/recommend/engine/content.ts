import type { CatalogItem } from './types';

/**
 * Content similarity from the catalogue: category, brand, tags and price
 * band, each a share of a score in [0, 1]. Every part is linear in the
 * "other" product, so the similarity to a weighted set of products (a
 * customer's history) is one pass over the catalogue with a profile, exactly
 * the weighted mean of the pairwise similarities.
 *
 * The price band only refines a match: products that share nothing but a
 * price band are not similar (else every product would be "related" to
 * every other of its price, and content would crowd out the fills).
 */
const SHARE = { category: 0.4, brand: 0.2, tags: 0.25, price: 0.15 } as const;
/** Prices within a factor of 1.5 share a band; neighbouring bands count half. */
const BAND_RATIO = Math.log(1.5);
/** Bands of any price in minor units (1.5^128 is far beyond any price). */
const BAND_SLOTS = 128;

/** A product's content, its labels normalised and numbered (per catalogue) for array lookups. */
export interface ContentFeatures {
  productId: number;
  category: string | null;
  brand: string | null;
  tags: string[];
  band: number | null;
  categoryId: number;
  brandId: number;
  tagIds: number[];
}

/** Merchant-entered labels compare without case or surrounding spaces. */
export function normalLabel(value: string | null | undefined): string | null {
  const trimmed = value?.trim().toLowerCase();
  return trimmed ? trimmed : null;
}

class Labels {
  readonly ids = new Map<string, number>();
  id(label: string | null): number {
    if (label === null) return -1;
    let id = this.ids.get(label);
    if (id === undefined) this.ids.set(label, (id = this.ids.size));
    return id;
  }
}

/** The catalogue's features, by product id and as a list in id order. */
export class CatalogFeatures {
  readonly list: ContentFeatures[] = [];
  private readonly byId = new Map<number, ContentFeatures>();
  readonly categories = new Labels();
  readonly brands = new Labels();
  readonly tags = new Labels();

  constructor(catalog: ReadonlyMap<number, CatalogItem>) {
    for (const item of [...catalog.values()].sort((a, b) => a.id - b.id)) {
      const category = normalLabel(item.category);
      const brand = normalLabel(item.brand);
      const tags = [...new Set(item.tags.map(normalLabel).filter((t): t is string => t !== null))];
      const features: ContentFeatures = {
        productId: item.id, category, brand, tags,
        band: item.priceMinor >= 1 ? Math.min(BAND_SLOTS - 1, Math.floor(Math.log(item.priceMinor) / BAND_RATIO)) : null,
        categoryId: this.categories.id(category), brandId: this.brands.id(brand), tagIds: tags.map((t) => this.tags.id(t)),
      };
      this.list.push(features);
      this.byId.set(item.id, features);
    }
  }

  get(productId: number): ContentFeatures | undefined {
    return this.byId.get(productId);
  }
}

const featureCache = new WeakMap<ReadonlyMap<number, CatalogItem>, CatalogFeatures>();

/**
 * The catalogue's features, computed once per catalogue object: the core
 * keeps one Map until the catalogue changes, and a changed catalogue must
 * come as a new Map (a Map changed in place would keep stale features).
 */
export function catalogFeatures(catalog: ReadonlyMap<number, CatalogItem>): CatalogFeatures {
  let features = featureCache.get(catalog);
  if (!features) {
    features = new CatalogFeatures(catalog);
    featureCache.set(catalog, features);
  }
  return features;
}

/** Weighted sums over a set of products: what the similarity to the set needs. */
export interface ContentProfile {
  category: Float64Array;
  brand: Float64Array;
  tags: Float64Array;
  band: Float64Array;
  total: number;
  /** Whether any product of the profile has a category, brand or tag (else nothing can be similar). */
  labelled: boolean;
}

export function emptyProfile(features: CatalogFeatures): ContentProfile {
  return {
    category: new Float64Array(features.categories.ids.size),
    brand: new Float64Array(features.brands.ids.size),
    tags: new Float64Array(features.tags.ids.size),
    band: new Float64Array(BAND_SLOTS),
    total: 0,
    labelled: false,
  };
}

export function addToProfile(profile: ContentProfile, features: ContentFeatures, weight: number): void {
  profile.total += weight;
  profile.labelled ||= features.categoryId >= 0 || features.brandId >= 0 || features.tagIds.length > 0;
  if (features.categoryId >= 0) profile.category[features.categoryId]! += weight;
  if (features.brandId >= 0) profile.brand[features.brandId]! += weight;
  // Tags compare by cosine (shared / √(|A|·|B|)): this side's 1/√|A| goes in now.
  const tagWeight = features.tagIds.length > 0 ? weight / Math.sqrt(features.tagIds.length) : 0;
  for (const tag of features.tagIds) profile.tags[tag]! += tagWeight;
  if (features.band !== null) profile.band[features.band]! += weight;
}

/** Weighted mean similarity of a product to the profile's products, in [0, 1]. */
export function profileSimilarity(profile: ContentProfile, features: ContentFeatures): number {
  if (profile.total <= 0) return 0;
  let sum = 0;
  if (features.categoryId >= 0) sum += SHARE.category * profile.category[features.categoryId]!;
  if (features.brandId >= 0) sum += SHARE.brand * profile.brand[features.brandId]!;
  if (features.tagIds.length > 0) {
    let shared = 0;
    for (const tag of features.tagIds) shared += profile.tags[tag]!;
    sum += (SHARE.tags * shared) / Math.sqrt(features.tagIds.length);
  }
  if (sum === 0) return 0;
  if (features.band !== null) {
    const b = features.band;
    const near = (b > 0 ? profile.band[b - 1]! : 0) + (b < BAND_SLOTS - 1 ? profile.band[b + 1]! : 0);
    sum += SHARE.price * (profile.band[b]! + 0.5 * near);
  }
  return sum / profile.total;
}

/** The same measure between two products (profileSimilarity of a one-product profile). */
export function contentSimilarity(a: ContentFeatures, b: ContentFeatures): number {
  let sum = 0;
  if (a.categoryId >= 0 && a.categoryId === b.categoryId) sum += SHARE.category;
  if (a.brandId >= 0 && a.brandId === b.brandId) sum += SHARE.brand;
  if (a.tagIds.length > 0 && b.tagIds.length > 0) {
    let shared = 0;
    for (const tag of b.tagIds) if (a.tagIds.includes(tag)) shared++;
    sum += (SHARE.tags * shared) / Math.sqrt(a.tagIds.length * b.tagIds.length);
  }
  if (sum === 0) return 0;
  if (a.band !== null && b.band !== null) {
    const apart = Math.abs(a.band - b.band);
    sum += apart === 0 ? SHARE.price : apart === 1 ? SHARE.price * 0.5 : 0;
  }
  return sum;
}

/** The catalogue's products most similar to the profile (above zero), at most `limit`, ties by id. */
export function mostSimilar(
  profile: ContentProfile,
  features: CatalogFeatures,
  limit: number,
): { productId: number; similarity: number }[] {
  const scored: { productId: number; similarity: number }[] = [];
  if (!profile.labelled || profile.total <= 0) return scored;
  for (const f of features.list) {
    const similarity = profileSimilarity(profile, f);
    if (similarity > 0) scored.push({ productId: f.productId, similarity });
  }
  if (scored.length <= limit) return scored;
  scored.sort((a, b) => b.similarity - a.similarity || a.productId - b.productId);
  return scored.slice(0, limit);
}
