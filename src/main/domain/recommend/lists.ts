import type { RecsConfig } from '../../../shared/contract/recs';
import { AppError } from '../../../shared/errors';
import { boughtTogetherFor, relatedFor } from './engine';
import type { ScoredItem } from './engine/types';
import { catalogFor, loadedModel, type CatalogCache, type LoadedModel, type RecsRuntime } from './runtime';

/**
 * Every product's two lists from the current model, for publishing and the
 * CSV export: "related" (the hybrid) and "complementary" (frequently bought
 * together). Only product-to-product lists: nothing about any customer.
 */
export interface ProductLists {
  productId: number;
  related: ScoredItem[];
  complementary: ScoredItem[];
}

export function requireModel(runtime: RecsRuntime): LoadedModel {
  const model = loadedModel(runtime);
  if (!model) {
    throw new AppError('VALIDATION', 'Nothing is trained yet: train the engine on the Recommendations page, then publish or export its lists.');
  }
  return model;
}

/** Lists of the active products `include` keeps, in product id order. */
export function productLists(
  runtime: RecsRuntime,
  config: RecsConfig,
  include: (productId: number, catalog: CatalogCache) => boolean = () => true,
): { lists: ProductLists[]; model: LoadedModel; catalog: CatalogCache } {
  const model = requireModel(runtime);
  const catalog = catalogFor(runtime);
  const lists: ProductLists[] = [];
  for (const productId of [...catalog.items.keys()].sort((a, b) => a - b)) {
    if (!include(productId, catalog)) continue;
    lists.push({
      productId,
      related: relatedFor(model.model, catalog.items, config, productId),
      complementary: boughtTogetherFor(model.model, catalog.items, config, productId),
    });
  }
  return { lists, model, catalog };
}
