import type { RecsPublishChange, RecsPublishPlan, RecsPublishResult } from '../../../shared/contract/recs';
import { AppError } from '../../../shared/errors';
import type { HandlerContext } from '../../core/handler';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { requireActiveStaff } from '../orders/staff';
import { enqueueOutbox, storeIsConnected } from '../outbox/enqueue';
import { readRecsConfig } from './config';
import { productLists } from './lists';
import { recsRuntimeFor, type CatalogCache } from './runtime';

/**
 * Publishing product-to-product lists to a connected store through the
 * outbox: WooCommerce upsell_ids (related) and cross_sell_ids
 * (complementary), Shopify's discovery metafields. What was last published is
 * kept per store and product (recs_published_lists), so the plan shows what
 * would change and a publish queues only the products whose lists changed.
 */
const TARGETS: Record<string, string> = {
  woocommerce: 'WooCommerce upsell_ids (related) and cross_sell_ids (complementary)',
  shopify: 'Shopify metafields shopify--discovery--product_recommendation.related_products and .complementary_products',
};
const PLAN_CHANGES_SHOWN = 200;

interface StoreRow {
  id: number;
  name: string;
  platform: string;
}

function publishableStore(sqlite: Sqlite, storeId: number): StoreRow {
  const store = sqlite.prepare<[number], StoreRow>('SELECT id, name, platform FROM stores WHERE id = ?').get(storeId);
  if (!store) throw new AppError('NOT_FOUND', `There is no store with id ${storeId}.`);
  if (!(store.platform in TARGETS) || !storeIsConnected(sqlite, storeId)) {
    throw new AppError(
      'VALIDATION',
      `“${store.name}” is not a connected Shopify or WooCommerce store, so lists cannot be published to it; export them as CSV for any other platform.`,
    );
  }
  return store;
}

/** Products made here and never synced have no id on the store to publish to. */
const hasRemoteId = (externalId: string): boolean => externalId.trim() !== '' && !externalId.startsWith('local:');

interface ProductPlan {
  productId: number;
  related: number[];
  complementary: number[];
  before: { related: number[]; complementary: number[] };
  changed: boolean;
}

interface StorePlan {
  store: StoreRow;
  modelId: number;
  products: ProductPlan[];
  skipped: number;
  catalog: CatalogCache;
}

function planStore(ctx: HandlerContext, storeId: number): StorePlan {
  const store = publishableStore(ctx.sqlite, storeId);
  const runtime = recsRuntimeFor(ctx);
  const config = readRecsConfig(ctx.sqlite).config;
  let skipped = 0;
  const { lists, model, catalog } = productLists(runtime, config, (productId, cache) => {
    const info = cache.info.get(productId)!;
    if (info.storeId !== storeId) return false;
    if (!hasRemoteId(info.externalId)) skipped++;
    return hasRemoteId(info.externalId);
  });
  // A list may only name products the store knows by its own id.
  const publishable = (productId: number): boolean => {
    const info = catalog.info.get(productId);
    return info !== undefined && info.storeId === storeId && hasRemoteId(info.externalId);
  };
  const published = publishedLists(ctx.sqlite, storeId);
  const products = lists.map((list): ProductPlan => {
    const related = list.related.map((item) => item.productId).filter(publishable);
    const complementary = list.complementary.map((item) => item.productId).filter(publishable);
    const before = published.get(list.productId) ?? { related: [], complementary: [] };
    const changed = !sameList(before.related, related) || !sameList(before.complementary, complementary);
    return { productId: list.productId, related, complementary, before, changed };
  });
  return { store, modelId: model.id, products, skipped, catalog };
}

function publishedLists(sqlite: Sqlite, storeId: number): Map<number, { related: number[]; complementary: number[] }> {
  const lists = new Map<number, { related: number[]; complementary: number[] }>();
  const rows = sqlite
    .prepare<[number], { product_id: number; kind: 'related' | 'complementary'; product_ids: string }>(
      'SELECT product_id, kind, product_ids FROM recs_published_lists WHERE store_id = ?',
    )
    .all(storeId);
  for (const row of rows) {
    const entry = lists.get(row.product_id) ?? { related: [], complementary: [] };
    entry[row.kind] = JSON.parse(row.product_ids) as number[];
    lists.set(row.product_id, entry);
  }
  return lists;
}

const sameList = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);

export function publishPlan(ctx: HandlerContext, storeId: number): RecsPublishPlan {
  const plan = planStore(ctx, storeId);
  const titled = (ids: number[]) => ids.map((productId) => ({ productId, title: plan.catalog.info.get(productId)?.title ?? `Product ${productId}` }));
  const changes: RecsPublishChange[] = [];
  for (const product of plan.products) {
    if (!product.changed) continue;
    for (const kind of ['related', 'complementary'] as const) {
      if (changes.length >= PLAN_CHANGES_SHOWN || sameList(product.before[kind], product[kind])) continue;
      const title = plan.catalog.info.get(product.productId)?.title ?? `Product ${product.productId}`;
      changes.push({ productId: product.productId, title, kind, before: titled(product.before[kind]), after: titled(product[kind]) });
    }
  }
  const changed = plan.products.filter((product) => product.changed).length;
  return {
    storeId: plan.store.id,
    storeName: plan.store.name,
    platform: plan.store.platform,
    target: TARGETS[plan.store.platform]!,
    products: plan.products.length + plan.skipped,
    changed,
    unchanged: plan.products.length - changed,
    skipped: plan.skipped,
    changes,
    modelId: plan.modelId,
  };
}

export function publish(ctx: HandlerContext, input: { storeId: number; staffId?: number | undefined }): RecsPublishResult {
  const { sqlite } = ctx;
  const result = sqlite.transaction((): RecsPublishResult => {
    if (input.staffId !== undefined) requireActiveStaff(sqlite, input.staffId);
    const plan = planStore(ctx, input.storeId);
    const now = ctx.now();
    const at = now.toISOString();
    const changed = plan.products.filter((product) => product.changed);
    const unchanged = plan.products.length - changed.length;
    const publicationId = Number(
      sqlite
        .prepare(
          `INSERT INTO recs_publications (store_id, model_id, config_version, queued, unchanged, skipped, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.storeId, plan.modelId, readRecsConfig(sqlite).version, changed.length, unchanged, plan.skipped, at, input.staffId ?? null)
        .lastInsertRowid,
    );
    const remember = sqlite.prepare(
      `INSERT INTO recs_published_lists (store_id, product_id, kind, product_ids, publication_id) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (store_id, product_id, kind) DO UPDATE SET product_ids = excluded.product_ids, publication_id = excluded.publication_id`,
    );
    const externalIds = (ids: number[]) => ids.map((id) => plan.catalog.info.get(id)!.externalId);
    for (const product of changed) {
      enqueueOutbox(sqlite, {
        storeId: input.storeId,
        idempotencyKey: `recs:${publicationId}:${product.productId}`,
        operation: 'product.recommendations.set',
        targetType: 'product',
        targetId: product.productId,
        payload: { related: externalIds(product.related), complementary: externalIds(product.complementary) },
      }, now);
      remember.run(input.storeId, product.productId, 'related', JSON.stringify(product.related), publicationId);
      remember.run(input.storeId, product.productId, 'complementary', JSON.stringify(product.complementary), publicationId);
    }
    recordAudit(sqlite, {
      at, staffId: input.staffId, entityType: 'store', entityId: input.storeId, action: 'recs.publish',
      detail: { publicationId, modelId: plan.modelId, queued: changed.length, unchanged, skipped: plan.skipped },
    });
    return { publicationId, queued: changed.length, unchanged, skipped: plan.skipped };
  }).immediate();
  ctx.emit('data.changed', { areas: ['recs', 'sync'] });
  return result;
}
