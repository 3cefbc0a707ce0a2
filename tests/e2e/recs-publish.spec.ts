import { startWooServer } from '../support/woo-server';
import { expect, openConsole, test } from './fixtures';
import { shotPath } from './shots';

/**
 * Publishing recommendations to a connected WooCommerce store (the local
 * WooCommerce-like server, no internet): "What will change" lists each
 * product's lists before and after, Publish asks first, then queues exactly
 * that many lists in the outbox; published again, nothing would change.
 */
type Woo = Awaited<ReturnType<typeof startWooServer>>;

test.describe('publishing recommendations', () => {
  let woo: Woo;
  let storeId: number;

  test.beforeAll(async ({ backroom }) => {
    test.setTimeout(180_000);
    woo = await startWooServer({ orders: 300, seed: 31 });
    const store = (await backroom.invoke('stores.connect', {
      staffId: 1,
      name: 'Hillside Tea (publish)',
      shopUrl: woo.url,
      credentials: { platform: 'woocommerce', consumerKey: woo.consumerKey, consumerSecret: woo.consumerSecret },
      resources: ['products', 'customers', 'orders'],
      timezone: woo.state.shop.timezone,
      currency: woo.state.shop.currency,
      intervalMinutes: 0,
    })) as { id: number };
    storeId = store.id;
    await backroom.invoke('sync.run', { storeId });
    await expect
      .poll(() => backroom.scalar<string>('SELECT status FROM sync_runs WHERE store_id = ? ORDER BY id DESC LIMIT 1', storeId), { timeout: 90_000 })
      .toBe('succeeded');
    await backroom.invoke('recs.train', {});
    await expect
      .poll(async () => ((await backroom.invoke('recs.status')) as { model: { status: string } | null }).model?.status, { timeout: 60_000 })
      .toBe('ready');
  });

  test.afterAll(async ({ backroom }) => {
    if (storeId) await backroom.invoke('stores.remove', { storeId, staffId: 1 }).catch(() => undefined);
    await woo?.close();
  });

  test('what will change, then Publish queues exactly those lists in the outbox', async ({ page, backroom }, testInfo) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'light' });
    await openConsole(page, backroom, '/recommendations/publish');
    await expect(page.getByTestId('recs-publish-store')).toHaveValue(/Hillside Tea \(publish\)/);
    const plan = page.getByTestId('recs-publish-plan');
    await expect(plan).toContainText('On Hillside Tea (publish), the lists go to');
    const changed = Number((await page.getByTestId('recs-publish-changed').innerText()).replace(/,/g, ''));
    expect(changed).toBeGreaterThan(0);
    const expected = (await backroom.invoke('recs.publish.plan', { storeId })) as { changed: number; changes: unknown[] };
    expect(changed).toBe(expected.changed);
    // One row per product and list (related, bought together) that changes.
    await expect(page.getByTestId('recs-publish-changes').locator('tbody tr')).toHaveCount(Math.min(expected.changes.length, 200));

    await page.screenshot({ path: shotPath('recs-publish-en-light.png', testInfo) });

    const queuedBefore = backroom.scalar<number>("SELECT count(*) FROM outbox WHERE operation = 'product.recommendations.set' AND store_id = ?", storeId);
    await page.getByTestId('recs-publish-open').click();
    await expect(page.getByRole('dialog')).toContainText(`The lists of ${changed.toLocaleString('en')} products will be queued for Hillside Tea (publish)`);
    await page.getByTestId('recs-publish-confirm').click();
    await expect(page.getByTestId('recs-publish-done')).toContainText('are queued for the store');
    const queued = backroom.scalar<number>("SELECT count(*) FROM outbox WHERE operation = 'product.recommendations.set' AND store_id = ?", storeId) - queuedBefore;
    expect(queued).toBe(changed);
    await expect(page.getByTestId('recs-publish-done')).toContainText(`The lists of ${queued.toLocaleString('en')} products are queued`);

    // Published: the store's lists are now these, so nothing would change.
    await expect(page.getByTestId('recs-publish-nothing')).toContainText('Nothing would change');
  });
});
