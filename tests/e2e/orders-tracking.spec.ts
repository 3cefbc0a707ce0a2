import type { Page } from '@playwright/test';
import { startShopifyServer } from '../support/shopify-server';
import type { Json } from '../support/shopify-server/shop';
import { expect, openConsole, test, type Backroom } from './fixtures';
import { shotPath } from './shots';

/**
 * "Add tracking" in the order drawer: a demo store's parcel stays in
 * Backroom; a connected Shopify store's (the local Admin API server, no
 * internet) is queued, then reaches the shop as exactly one fulfilment with
 * the tracking number. A number already on the order is refused in a sentence.
 */
type Shopify = Awaited<ReturnType<typeof startShopifyServer>>;

async function openOrder(page: Page, backroom: Backroom, orderId: number): Promise<void> {
  await openConsole(page, backroom, `/orders/${orderId}`);
  await expect(page.getByTestId('order-detail')).toHaveAttribute('data-order-id', String(orderId));
}

async function addTracking(page: Page, carrier: string, number: string): Promise<void> {
  await page.getByTestId('order-tracking-open').click();
  await page.getByTestId('tracking-carrier').fill(carrier);
  await page.getByTestId('tracking-number').fill(number);
  await page.getByTestId('tracking-submit').click();
}

const shipmentWith = (page: Page, number: string) => page.getByTestId('order-shipment').filter({ hasText: number });

test.describe('adding tracking to an order', () => {
  let shop: Shopify;
  let storeId = 0;

  test.beforeAll(async ({ backroom }) => {
    test.setTimeout(150_000);
    shop = await startShopifyServer({ orders: 40, seed: 9 });
    const store = (await backroom.invoke('stores.connect', {
      staffId: 1, name: 'Tea House (tracking)', shopUrl: shop.url, credentials: { platform: 'shopify', accessToken: shop.accessToken },
      resources: ['products', 'customers', 'orders'], timezone: 'America/New_York', currency: 'USD', intervalMinutes: 0,
    })) as { id: number };
    storeId = store.id;
    await backroom.invoke('sync.run', { storeId });
    await expect.poll(() => backroom.scalar<string>('SELECT status FROM sync_runs WHERE store_id = ? ORDER BY id DESC LIMIT 1', storeId),
      { timeout: 90_000 }).toBe('succeeded');
  });

  test.afterAll(async ({ backroom }) => {
    if (storeId) await backroom.invoke('stores.remove', { storeId, staffId: 1 }).catch(() => undefined);
    await shop?.close();
  });

  test('a demo store keeps the parcel in Backroom; the same number twice is refused in a sentence', async ({ page, backroom }) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'light' });
    const orderId = backroom.scalar<number>(`SELECT o.id FROM orders o JOIN stores s ON s.id = o.store_id
      WHERE s.platform = 'demo' AND o.status <> 'cancelled' AND EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)
      ORDER BY o.id DESC LIMIT 1`);
    const number = `RM${Date.now() % 1_000_000_000}GB`;
    await openOrder(page, backroom, orderId);
    // Nothing typed: the form says what is missing, and saves nothing.
    await page.getByTestId('order-tracking-open').click();
    await page.getByTestId('tracking-submit').click();
    await expect(page.getByTestId('tracking-form')).toContainText('Enter the tracking number.');
    await page.getByTestId('tracking-link').fill('http://example.com/x');
    await page.getByTestId('tracking-carrier').fill('Royal Mail');
    await page.getByTestId('tracking-number').fill(number);
    await page.getByTestId('tracking-submit').click();
    await expect(page.getByTestId('tracking-form')).toContainText('The link must be a web address starting with https://.');
    await page.getByTestId('tracking-link').fill('');
    await page.getByTestId('tracking-submit').click();

    const card = shipmentWith(page, number);
    await expect(card).toBeVisible();
    await expect(card.getByTestId('shipment-push')).toHaveText('Kept in Backroom');
    await expect(card.getByRole('link', { name: 'Track parcel' })).toHaveAttribute('href', new RegExp(`royalmail\\.com.*${number}`));
    expect(backroom.scalar("SELECT count(*) FROM outbox WHERE operation = 'order.fulfillment.create'")).toBe(0);

    await addTracking(page, 'DHL', number.toLowerCase());
    await expect(page.getByTestId('tracking-error')).toContainText(`already has a parcel with tracking number ${number.toLowerCase()}`);
    expect(backroom.scalar('SELECT count(*) FROM shipments WHERE order_id = ? AND upper(tracking_number) = ?', orderId, number)).toBe(1);
  });

  test('a Shopify order: queued for the store, then one fulfilment with the number on the shop', async ({ page, backroom }, testInfo) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'light' });
    const order = JSON.parse(backroom.scalar<string>(`SELECT json_object('id', id, 'externalId', external_id) FROM orders
      WHERE store_id = ? AND status <> 'cancelled' AND fulfillment_status = 'unfulfilled' ORDER BY id LIMIT 1`, storeId)) as
      { id: number; externalId: string };
    await openOrder(page, backroom, order.id);
    await page.getByTestId('order-tracking-open').click();
    await page.getByTestId('tracking-carrier').fill('UPS');
    await page.getByTestId('tracking-number').fill('1Z 999 AA1 0123');
    await page.getByTestId('tracking-all-items').click();
    // Every item by default; unticked, each line's quantity can be chosen (all of them here).
    await expect(page.getByTestId('tracking-line-quantity').first()).toBeVisible();
    await page.getByTestId('tracking-form').screenshot({ path: shotPath('orders-tracking-en-light.png', testInfo) });
    await page.getByTestId('tracking-submit').click();
    const card = shipmentWith(page, '1Z 999 AA1 0123');
    await expect(card.getByTestId('shipment-push')).toHaveText('Queued for Tea House (tracking)');
    await card.screenshot({ path: shotPath('orders-tracking-queued-en-light.png', testInfo) });
    // One message, whatever its state by now: the outbox may already be sending it (the store is online).
    expect(backroom.scalar("SELECT count(*) FROM outbox WHERE operation = 'order.fulfillment.create' AND store_id = ?", storeId)).toBe(1);

    await backroom.invoke('sync.run', { storeId });
    await expect.poll(() => backroom.scalar<string>("SELECT status FROM outbox WHERE operation = 'order.fulfillment.create' AND store_id = ?", storeId),
      { timeout: 60_000 }).toBe('done');
    const remote = shop.state.data.orders.find((o) => o.id === order.externalId)!;
    const withNumber = (remote.fulfillments as Json[]).filter((f) => (f.trackingInfo as Json[]).some((t) => t.number === '1Z 999 AA1 0123'));
    expect(withNumber).toHaveLength(1);
    expect((withNumber[0]!.trackingInfo as Json[])[0]).toMatchObject({ company: 'UPS' });

    await page.reload();
    await expect(shipmentWith(page, '1Z 999 AA1 0123').getByTestId('shipment-push')).toHaveText('Sent to Tea House (tracking)');
  });
  // Not tracking, but this worker's profile is where two stores share order numbers (the demo's and the shop's #10xx).
  test('a new return by a number two stores share asks which order it is', async ({ page, backroom }, testInfo) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'light' });
    const shared = JSON.parse(backroom.scalar<string>(`SELECT json_object('id', o.id, 'number', o.order_number) FROM orders o
      WHERE o.store_id = ? AND EXISTS (SELECT 1 FROM orders x WHERE x.order_number = o.order_number AND x.store_id <> o.store_id)
      ORDER BY o.id LIMIT 1`, storeId)) as { id: number; number: string };
    await openConsole(page, backroom, '/returns/new');
    await page.getByTestId('return-order-number').fill(shared.number);
    await page.getByTestId('return-order-find').click();
    const choices = page.getByTestId('return-order-choices');
    await expect(choices).toContainText(`orders carry the number ${shared.number}`);
    await expect(choices.getByRole('button')).toHaveCount(backroom.scalar('SELECT count(*) FROM orders WHERE order_number = ?', shared.number));
    await page.screenshot({ path: testInfo.outputPath('returns-choose-order.png') });
    await page.getByTestId(`return-order-choice-${shared.id}`).click();
    await expect(page).toHaveURL(new RegExp(`#/returns/new/${shared.id}$`));
  });
});
