import type {
  RecsConfig, RecsCustomerPreview, RecsDataUsed, RecsItem, RecsProductPreview, RecsSource,
} from '../../../shared/contract/recs';
import { RECS_SOURCES } from '../../../shared/contract/recs';
import { AppError } from '../../../shared/errors';
import type { HandlerContext } from '../../core/handler';
import { effectiveConfig } from './config';
import { boughtTogetherFor, forCustomer, relatedFor } from './engine';
import type { CatalogItem, ScoredItem } from './engine/types';
import { popularityList } from './fallback';
import { customerFacts, customerHistory } from './history';
import { catalogFor, loadedModel, popularityFor, recsRuntimeFor, type CatalogCache, type LoadedModel } from './runtime';

/**
 * recs.preview.product and recs.preview.customer: the lists as the engine
 * would serve them, for the saved settings or unsaved ones being tuned, each
 * item with its score broken down by source, and the data each list drew on.
 * Before any training the lists come from popularity and say so ('no_model').
 */
export function previewProduct(ctx: HandlerContext, input: { productId: number; config?: RecsConfig | undefined }): RecsProductPreview {
  const runtime = recsRuntimeFor(ctx);
  const catalog = catalogFor(runtime);
  const info = catalog.info.get(input.productId);
  if (!info) throw new AppError('NOT_FOUND', `There is no product with id ${input.productId}.`);
  const config = effectiveConfig(ctx.sqlite, input.config);
  const anchor = anchorItem(catalog, input.productId);
  // An anchor that is not for sale (draft, archived) still has lists: the engine needs it in its catalogue.
  const items = catalog.items.has(anchor.id) ? catalog.items : new Map(catalog.items).set(anchor.id, anchor);
  const model = loadedModel(runtime);
  let related: ScoredItem[];
  let boughtTogether: ScoredItem[];
  if (model) {
    related = relatedFor(model.model, items, config, anchor.id);
    boughtTogether = boughtTogetherFor(model.model, items, config, anchor.id);
  } else {
    related = popularityList(popularityFor(runtime), items, config, { anchor });
    boughtTogether = related;
  }
  return {
    anchor: toItem(catalog, { productId: anchor.id, score: 0, sources: zeroSources(), adjustments: [] }),
    related: related.map((item) => toItem(catalog, item)),
    boughtTogether: boughtTogether.map((item) => toItem(catalog, item)),
    dataUsed: modelDataUsed(model, config),
    modelId: model?.id ?? null,
  };
}

export function previewCustomer(ctx: HandlerContext, input: { customerId: number; config?: RecsConfig | undefined }): RecsCustomerPreview {
  const runtime = recsRuntimeFor(ctx);
  const facts = customerFacts(ctx.sqlite, input.customerId);
  const config = effectiveConfig(ctx.sqlite, input.config);
  const catalog = catalogFor(runtime);
  const model = loadedModel(runtime);
  // Without consent nothing personal is read: not the orders, not the lines. The list is everyone's list.
  const history = facts.personalizationConsent ? customerHistory(ctx.sqlite, facts.customerIds) : [];
  const personalized = facts.personalizationConsent && history.length > 0;
  const items = model
    ? forCustomer(model.model, catalog.items, config, history, { personalized, now: ctx.now().getTime() })
    : popularityList(popularityFor(runtime), catalog.items, config, personalized ? { history } : {});
  const dataUsed: RecsDataUsed[] = facts.personalizationConsent
    ? [{ kind: 'customer_history', count: facts.orders, from: history.at(-1)?.lastBoughtAt ?? null, to: history[0]?.lastBoughtAt ?? null }]
    : [{ kind: 'no_consent' }];
  return {
    customer: { id: facts.id, name: facts.name, personalizationConsent: facts.personalizationConsent, orders: facts.orders },
    personalized,
    items: items.map((item) => toItem(catalog, item)),
    history: history.map((item) => ({
      productId: item.productId,
      title: catalog.info.get(item.productId)?.title ?? `Product ${item.productId}`,
      lastBoughtAt: item.lastBoughtAt,
      times: item.times,
    })),
    dataUsed: [...dataUsed, ...modelDataUsed(model, config)],
    modelId: model?.id ?? null,
  };
}

function anchorItem(catalog: CatalogCache, productId: number): CatalogItem {
  const item = catalog.items.get(productId);
  if (item) return item;
  const info = catalog.info.get(productId)!;
  return { id: info.id, category: info.category, brand: info.brand, tags: [], priceMinor: info.priceMinor, inStock: info.inStock };
}

const zeroSources = (): Record<RecsSource, number> =>
  Object.fromEntries(RECS_SOURCES.map((source) => [source, 0])) as Record<RecsSource, number>;

export function toItem(catalog: CatalogCache, scored: ScoredItem): RecsItem {
  const info = catalog.info.get(scored.productId);
  return {
    productId: scored.productId,
    title: info?.title ?? `Product ${scored.productId}`,
    category: info?.category ?? null,
    brand: info?.brand ?? null,
    priceMinor: info?.priceMinor ?? 0,
    currency: info?.currency ?? '',
    inStock: info?.inStock ?? false,
    score: scored.score,
    sources: scored.sources,
    adjustments: scored.adjustments,
  };
}

/** What the lists drew on besides the customer: the model's window, or the raw popularity before any training. */
function modelDataUsed(model: LoadedModel | null, config: RecsConfig): RecsDataUsed[] {
  if (!model) {
    return [{ kind: 'no_model' }, { kind: 'popularity' }, { kind: 'catalogue' }];
  }
  const window = { count: model.orders, from: model.dataFrom, to: model.dataTo };
  const used: RecsDataUsed[] = [];
  if (config.weights.cf > 0 || config.weights.rules > 0) used.push({ kind: 'co_purchases', ...window });
  used.push({ kind: 'catalogue' });
  if (config.weights.popularity > 0) used.push({ kind: 'popularity', ...window });
  if (config.weights.trending > 0) {
    const from = model.dataTo === null ? null : new Date(Date.parse(model.dataTo) - config.trendingDays * 86_400_000).toISOString();
    used.push({ kind: 'trending', from, to: model.dataTo });
  }
  return used;
}
