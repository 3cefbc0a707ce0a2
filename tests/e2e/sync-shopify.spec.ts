import { startShopifyServer } from '../support/shopify-server';
import { expect, openConsole, test } from './fixtures';
import { shotPath } from './shots';

/**
 * A Shopify store through the same page, against the local Admin GraphQL
 * server: a wrong token is refused in Shopify's words; the right one syncs,
 * and the card shows the query-cost budget Shopify reported.
 */
type Shopify = Awaited<ReturnType<typeof startShopifyServer>>;

const SHOP_ORDERS = 40;

test.describe('Shopify sync', () => {
  let shop: Shopify;

  test.beforeAll(async () => {
    shop = await startShopifyServer({ orders: SHOP_ORDERS, seed: 5 });
  });

  test.afterAll(async ({ backroom }) => {
    const storeId = backroom.scalar<number | undefined>("SELECT id FROM stores WHERE platform = 'shopify' AND disconnected_at IS NULL ORDER BY id DESC LIMIT 1");
    if (storeId !== undefined) await backroom.invoke('stores.remove', { storeId, staffId: 1 }).catch(() => undefined);
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'auto' });
    await shop.close();
  });

  test('a wrong token is refused in a sentence; the right one connects, syncs and shows the cost budget', async ({ page, backroom }, testInfo) => {
    test.setTimeout(120_000);
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'dark' });
    await openConsole(page, backroom, '/sync/connect');
    await page.getByTestId('sync-connect-url').fill(shop.url);
    await page.getByTestId('sync-connect-token').fill('shpat_wrong');
    await page.getByTestId('sync-connect-test').click();
    await expect(page.getByTestId('sync-connect-verdict')).toHaveAttribute('data-ok', 'false');
    await expect(page.getByTestId('sync-connect-submit')).toBeDisabled();

    await page.getByTestId('sync-connect-token').fill(shop.accessToken);
    await expect(page.getByText('You changed the address or keys: test again.')).toBeVisible();
    await page.getByTestId('sync-connect-test').click();
    await expect(page.getByTestId('sync-connect-verdict')).toHaveAttribute('data-ok', 'true');
    await page.getByTestId('sync-connect-name').fill('Tea House (Shopify test)');
    await page.getByTestId('sync-connect-submit').click();

    const card = page.locator('[data-testid="sync-store-card"]').filter({ hasText: 'Tea House (Shopify test)' });
    await card.getByTestId('sync-now').click();
    await expect(page.locator('[data-testid="sync-finished-notice"][data-status="succeeded"]')).toBeVisible({ timeout: 90_000 });
    const storeId = backroom.scalar<number>("SELECT id FROM stores WHERE platform = 'shopify' ORDER BY id DESC LIMIT 1");
    const setAside = backroom.scalar<string | null>("SELECT group_concat(DISTINCT reason) FROM sync_quarantine WHERE store_id = ?", storeId);
    expect(backroom.scalar('SELECT count(*) FROM orders WHERE store_id = ?', storeId), `records set aside: ${setAside}`).toBe(SHOP_ORDERS);
    await expect(card.getByTestId('sync-budget')).toContainText('of 2,000 points left');
    await expect(card.getByTestId('sync-read-all-orders')).toContainText('read_all_orders');
    await page.screenshot({ path: shotPath('sync-shopify-en-dark.png', testInfo), fullPage: true });
  });
});
