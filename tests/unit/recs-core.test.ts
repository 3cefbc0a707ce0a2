import { describe, expect, it } from 'vitest';
import { loadTrainingData } from '../../src/main/domain/recommend/data';
import {
  DEFAULT_RECS_CONFIG, RECS_SOURCES, type RecsConfig, type RecsConfigState, type RecsCustomerPreview,
  type RecsItem, type RecsModelSummary, type RecsProductPreview, type RecsStatus,
} from '../../src/shared/contract/recs';
import { call, jobsSettled, ok, seededShopPerTest, T } from './recs-core-fixtures';

/** The recs core on a hand-made shop: settings, the data the engine learns from, training (in-thread path) and previews. */
const shop = seededShopPerTest();

const withConfig = (change: (config: RecsConfig) => void): RecsConfig => {
  const config = structuredClone(DEFAULT_RECS_CONFIG);
  change(config);
  return config;
};
const ids = (items: RecsItem[]) => items.map((item) => item.productId);

async function train(): Promise<RecsModelSummary> {
  const started = await ok<RecsModelSummary>(shop.ctx, 'recs.train', {});
  await jobsSettled(shop.ctx);
  return started;
}

describe('loadTrainingData', () => {
  it('reads non-cancelled orders as baskets of distinct products, oldest first, merged customers under who they became', () => {
    const data = loadTrainingData(shop.connection.sqlite);
    expect(data.baskets).toHaveLength(78);
    expect(data.baskets.every((basket, i) => i === 0 || data.baskets[i - 1]!.at <= basket.at)).toBe(true);
    // The repeated line counts once; the cancelled order (4, 6, 7) is not there.
    expect(data.baskets.filter((basket) => basket.items.length === 2 && basket.items.includes(1) && basket.items.includes(2))).toHaveLength(25);
    expect(data.baskets.some((basket) => basket.items.includes(7))).toBe(false);
    const merged = data.baskets.find((basket) => basket.at === Date.parse(T(35, 76 % 24)));
    expect(merged).toMatchObject({ customerId: 1, items: [4] });
    expect(data.catalog.map((item) => [item.id, item.inStock])).toContainEqual([7, false]);
    expect(data.catalog.find((item) => item.id === 1)).toMatchObject({ category: 'coffee', brand: 'Roastery', tags: ['organic'], priceMinor: 1500 });
  });

  it('stops at `before` for a time split', () => {
    const data = loadTrainingData(shop.connection.sqlite, { before: T(30) });
    expect(data.baskets.every((basket) => basket.at < Date.parse(T(30)))).toBe(true);
    // The 72 guest orders of the first 30 days, and Ann's order at 02:00 on day 30 (before 10:00).
    expect(data.baskets).toHaveLength(73);
  });
});

describe('recs.config', () => {
  it('starts from the defaults at version 0, saves with an audit entry, and refuses a stale version', async () => {
    const initial = await ok<RecsConfigState>(shop.ctx, 'recs.config.get', {});
    expect(initial).toMatchObject({ version: 0, updatedAt: null, config: DEFAULT_RECS_CONFIG });

    const tuned = withConfig((c) => { c.weights.cf = 2; c.pins = [{ anchorProductId: 1, productId: 6, position: 1 }]; });
    const saved = await ok<RecsConfigState>(shop.ctx, 'recs.config.update', { config: tuned, expectedVersion: 0, staffId: 1 });
    expect(saved).toMatchObject({ version: 1, config: tuned });
    expect(await ok<RecsConfigState>(shop.ctx, 'recs.config.get', {})).toMatchObject({ version: 1, config: tuned });
    const audit = shop.connection.sqlite.prepare(`SELECT staff_id, action, detail FROM audit_log WHERE entity_type = 'settings'`).all() as
      { staff_id: number; action: string; detail: string }[];
    expect(audit.map((row) => [row.staff_id, row.action, JSON.parse(row.detail).toVersion])).toEqual([[1, 'recs.config.update', 1]]);
    expect(shop.events).toContainEqual({ event: 'data.changed', payload: { areas: ['recs'] } });

    const stale = await call(shop.ctx, 'recs.config.update', { config: DEFAULT_RECS_CONFIG, expectedVersion: 0 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await ok<RecsConfigState>(shop.ctx, 'recs.config.get', {})).toMatchObject({ version: 1, config: tuned });
  });

  it('refuses bad settings with a sentence and keeps the saved configuration', async () => {
    const saved = await ok<RecsConfigState>(shop.ctx, 'recs.config.update', { config: withConfig((c) => { c.k = 12; }), expectedVersion: 0 });
    const bad: [string, RecsConfig, RegExp][] = [
      ['weights all zero', withConfig((c) => { c.weights = { cf: 0, rules: 0, content: 0, popularity: 0, trending: 0 }; }), /At least one weight/],
      ['price window upside down', withConfig((c) => { c.filters.priceWindow = { minPct: 50, maxPct: -20 }; }), /upside down/],
      ['k above 50', withConfig((c) => { c.k = 51; }), /at most 50/],
      ['k zero', withConfig((c) => { c.k = 0; }), /at least 1/],
      ['pinned product missing', withConfig((c) => { c.pins = [{ anchorProductId: 1, productId: 999, position: 2 }]; }), /999 does not exist/],
      ['excluded products missing', withConfig((c) => { c.filters.excludeProductIds = [3, 500, 501]; }), /Products 500, 501 do not exist/],
    ];
    for (const [what, config, message] of bad) {
      const result = await call(shop.ctx, 'recs.config.update', { config, expectedVersion: 1 });
      expect(result.ok, what).toBe(false);
      if (!result.ok) {
        expect(result.error.code, what).toBe('VALIDATION');
        expect(JSON.stringify(result.error), what).toMatch(message);
      }
    }
    expect(await ok<RecsConfigState>(shop.ctx, 'recs.config.get', {})).toEqual(saved);
  });
});

describe('recs.train', () => {
  it('answers at once with a training row, then writes a ready model and announces it', async () => {
    const started = await ok<RecsModelSummary>(shop.ctx, 'recs.train', {});
    expect(started).toMatchObject({ status: 'training', finishedAt: null });
    expect(await ok<RecsStatus>(shop.ctx, 'recs.status', {})).toMatchObject({ training: true, model: { id: started.id, status: 'training' } });
    const second = await call(shop.ctx, 'recs.train', {});
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    await jobsSettled(shop.ctx);
    const status = await ok<RecsStatus>(shop.ctx, 'recs.status', {});
    expect(status).toMatchObject({ training: false, model: { id: started.id, status: 'ready', orders: 78, error: null } });
    expect(status.model?.dataFrom).toBe(T(0, 1));
    const blob = shop.connection.sqlite.prepare('SELECT length(model) FROM recs_models WHERE id = ?').pluck().get(started.id) as number;
    expect(blob).toBeGreaterThan(0);
    expect(shop.events).toContainEqual({ event: 'recs.finished', payload: { job: 'train', id: started.id, ok: true } });
    expect(shop.events.some((e) => e.event === 'recs.progress')).toBe(true);
  });
});

describe('recs.preview.product', () => {
  it('before any training: popularity lists that say so, not an error', async () => {
    const preview = await ok<RecsProductPreview>(shop.ctx, 'recs.preview.product', { productId: 1 });
    expect(preview.modelId).toBeNull();
    expect(preview.dataUsed.map((d) => d.kind)).toContain('no_model');
    // Mug is the best seller; the anchor and the out-of-stock kettle are never listed.
    expect(preview.related[0]).toMatchObject({ productId: 6, adjustments: [{ kind: 'fallback', source: 'popularity' }] });
    expect(ids(preview.related)).not.toContain(1);
    expect(ids(preview.related)).not.toContain(7);
  });

  it('after training: co-purchases lead, each score is the sum of its sources, and an unsaved configuration is previewed', async () => {
    await train();
    const preview = await ok<RecsProductPreview>(shop.ctx, 'recs.preview.product', { productId: 1 });
    expect(preview.anchor).toMatchObject({ productId: 1, title: 'Coffee beans', priceMinor: 1500, currency: 'USD' });
    expect(preview.related[0]).toMatchObject({ productId: 2, title: 'Grinder, "burr"' });
    expect(preview.boughtTogether[0]?.productId).toBe(2);
    for (const item of [...preview.related, ...preview.boughtTogether]) {
      const sum = RECS_SOURCES.reduce((total, source) => total + item.sources[source], 0);
      expect(item.score).toBeCloseTo(sum, 9);
    }
    expect(preview.dataUsed.map((d) => d.kind)).toEqual(['co_purchases', 'catalogue', 'popularity', 'trending']);
    expect(preview.dataUsed[0]).toMatchObject({ count: 78 });

    const popularityOnly = withConfig((c) => { c.weights = { cf: 0, rules: 0, content: 0, popularity: 1, trending: 0 }; });
    const unsaved = await ok<RecsProductPreview>(shop.ctx, 'recs.preview.product', { productId: 1, config: popularityOnly });
    expect(unsaved.related[0]?.productId).toBe(6);
    expect(unsaved.dataUsed.map((d) => d.kind)).toEqual(['catalogue', 'popularity']);
    // Nothing was saved by previewing.
    expect((await ok<RecsConfigState>(shop.ctx, 'recs.config.get', {})).version).toBe(0);
  });

  it('refuses an unknown product', async () => {
    expect(await call(shop.ctx, 'recs.preview.product', { productId: 404 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('recs.preview.customer', () => {
  it('without consent reads no history: the same list as a brand-new customer, and says so', async () => {
    await train();
    const noConsent = await ok<RecsCustomerPreview>(shop.ctx, 'recs.preview.customer', { customerId: 3 });
    const brandNew = await ok<RecsCustomerPreview>(shop.ctx, 'recs.preview.customer', { customerId: 2 });
    expect(noConsent).toMatchObject({ personalized: false, history: [], customer: { id: 3, personalizationConsent: false, orders: 2 } });
    expect(noConsent.dataUsed.map((d) => d.kind)).toContain('no_consent');
    expect(noConsent.dataUsed.map((d) => d.kind)).not.toContain('customer_history');
    expect(brandNew.personalized).toBe(false);
    expect(noConsent.items).toEqual(brandNew.items);
    // Cy bought beans and a grinder: a personal list would have left them out.
    expect(ids(noConsent.items)).toEqual(expect.arrayContaining([1, 2]));
  });

  it('with consent: the history of the customer and everyone merged into them, and a personal list', async () => {
    await train();
    const viaMerged = await ok<RecsCustomerPreview>(shop.ctx, 'recs.preview.customer', { customerId: 4 });
    const preview = await ok<RecsCustomerPreview>(shop.ctx, 'recs.preview.customer', { customerId: 1 });
    expect(viaMerged).toEqual(preview);
    expect(preview).toMatchObject({ personalized: true, customer: { id: 1, name: 'Ann Doe', orders: 4 } });
    expect(preview.history.map((h) => h.productId)).toEqual([2, 3, 4, 1]);
    expect(preview.history[0]).toMatchObject({ title: 'Grinder, "burr"', lastBoughtAt: T(50, 79 % 24), times: 1 });
    expect(preview.dataUsed[0]).toMatchObject({ kind: 'customer_history', count: 4 });
    // Already bought, and not in a repeatable category: left out. The teapot goes with the tea she bought.
    expect(ids(preview.items)).not.toEqual(expect.arrayContaining([1]));
    expect(ids(preview.items)[0]).toBe(5);
  });
});
