import type { Page } from '@playwright/test';
import { startWooServer } from '../support/woo-server';
import { expect, openConsole, test, type Backroom } from './fixtures';
import { shotPath } from './shots';

/**
 * Marketplace sync end to end, against the local WooCommerce-like server (no
 * internet): a wrong key is refused with WooCommerce's own reason; the right
 * keys connect; "Sync now" shows live progress and the orders reach the
 * orders area, exactly as many as the shop has. Screenshots of the sync page
 * and of the connection form.
 */
type Woo = Awaited<ReturnType<typeof startWooServer>>;

const SHOP_ORDERS = 450;
/** Each API answer waits this long, so the run lasts long enough to watch its progress. */
const SLOW_MS = 250;

async function fillWoo(page: Page, woo: Woo, secret: string) {
  await page.getByTestId('sync-connect-platform').getByText('WooCommerce').click();
  await page.getByTestId('sync-connect-url').fill(woo.url);
  await page.getByTestId('sync-connect-key').fill(woo.consumerKey);
  await page.getByTestId('sync-connect-secret').fill(secret);
}

const wooStoreId = (backroom: Backroom) =>
  backroom.scalar<number | undefined>("SELECT id FROM stores WHERE platform = 'woocommerce' AND disconnected_at IS NULL ORDER BY id DESC LIMIT 1");

test.describe('marketplace sync', () => {
  let woo: Woo;

  test.beforeAll(async () => {
    woo = await startWooServer({ orders: SHOP_ORDERS, seed: 23 });
  });

  test.afterAll(async ({ backroom }) => {
    // Disconnect, so no scheduled run goes on looking for a server that is gone.
    const storeId = wooStoreId(backroom);
    if (storeId !== undefined) await backroom.invoke('stores.remove', { storeId, staffId: 1 }).catch(() => undefined);
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'auto' });
    await woo.close();
  });

  test('with no store connected, the page offers to connect one', async ({ page, backroom }) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'light' });
    await openConsole(page, backroom, '/sync');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sync');
    await expect(page.getByTestId('sync-empty')).toContainText('Connect your store');
    await page.getByTestId('sync-empty-connect').click();
    await expect(page).toHaveURL(/#\/sync\/connect$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connect your store');
  });

  test('a wrong consumer secret is refused with WooCommerce’s reason, and Connect stays off', async ({ page, backroom }) => {
    await openConsole(page, backroom, '/sync/connect');
    await fillWoo(page, woo, 'cs_not_the_secret');
    await page.getByTestId('sync-connect-test').click();
    const verdict = page.getByTestId('sync-connect-verdict');
    await expect(verdict).toHaveAttribute('data-ok', 'false');
    await expect(verdict).toContainText('Consumer secret is invalid.');
    await expect(page.getByTestId('sync-connect-submit')).toBeDisabled();
    expect(wooStoreId(backroom)).toBeUndefined();
  });

  test('Vendure offers an API key or an administrator login, and an unreachable server is said in a sentence', async ({ page, backroom }) => {
    await openConsole(page, backroom, '/sync/connect');
    await page.getByTestId('sync-connect-platform').getByText('Vendure').click();
    await expect(page.getByTestId('sync-connect-vendure-key')).toBeVisible();
    await expect(page.getByTestId('sync-connect-vendure-channel')).toBeVisible();
    await expect(page.getByTestId('sync-connect-token')).toHaveCount(0);
    await page.getByTestId('sync-connect-vendure-auth').getByText('Administrator login').click();
    await expect(page.getByTestId('sync-connect-vendure-username')).toBeVisible();
    await expect(page.getByTestId('sync-connect-vendure-password')).toBeVisible();
    await expect(page.getByTestId('sync-connect-vendure-key')).toHaveCount(0);
    await page.getByTestId('sync-connect-vendure-auth').getByText('API key').click();
    // Nothing listens on the discard port: the connector's own offline sentence comes back as the verdict.
    await page.getByTestId('sync-connect-url').fill('http://127.0.0.1:9');
    await page.getByTestId('sync-connect-test').click();
    await expect(page.getByText('Enter the API key.')).toBeVisible();
    await page.getByTestId('sync-connect-vendure-key').fill('lookup:secret');
    await page.getByTestId('sync-connect-test').click();
    const verdict = page.getByTestId('sync-connect-verdict');
    await expect(verdict).toHaveAttribute('data-ok', 'false');
    await expect(verdict).toContainText('Could not reach the Vendure server at 127.0.0.1:9');
    await expect(page.getByTestId('sync-connect-submit')).toBeDisabled();
  });

  test('connect with the right keys, sync with progress, and the orders appear', async ({ page, backroom }, testInfo) => {
    test.setTimeout(120_000);
    await openConsole(page, backroom, '/sync/connect');
    await fillWoo(page, woo, woo.consumerSecret);
    await page.getByTestId('sync-connect-test').click();
    await expect(page.getByTestId('sync-connect-verdict')).toHaveAttribute('data-ok', 'true');
    // The shop's own time zone and currency, from the test.
    await expect(page.getByTestId('sync-connect-timezone')).toHaveValue(woo.state.shop.timezone);
    await page.getByTestId('sync-connect-name').fill('Hillside Tea (test)');
    await page.getByTestId('sync-connect-interval').fill('0');
    await page.getByTestId('sync-connect-submit').click();

    await expect(page).toHaveURL(/#\/sync$/);
    const card = page.getByTestId('sync-store-card');
    await expect(card).toHaveCount(1);
    await expect(card.getByTestId('sync-store-url')).toHaveText(woo.url);
    await expect(card.getByTestId('sync-last-run')).toContainText('Not synced yet');
    // The keys never come back: nothing on the page shows them.
    await expect(page.locator('body')).not.toContainText(woo.consumerSecret);

    woo.state.failures.slowMs = SLOW_MS;
    await card.getByTestId('sync-now').click();
    const progress = card.getByTestId('sync-progress-line');
    await expect(progress).toBeVisible();
    await expect(progress).toContainText(/page \d+, [\d,]+ records/);
    await expect(card.getByTestId('sync-stop')).toBeEnabled();
    await page.screenshot({ path: shotPath('sync-progress-en-light.png', testInfo) });
    await expect(page.getByTestId('sync-finished-notice')).toHaveAttribute('data-status', 'succeeded', { timeout: 90_000 });
    woo.state.failures.slowMs = 0;

    const storeId = wooStoreId(backroom)!;
    expect(backroom.scalar('SELECT count(*) FROM orders WHERE store_id = ?', storeId)).toBe(woo.state.orders.size);
    await expect(card.getByTestId('sync-last-run-status')).toHaveAttribute('data-status', 'succeeded');
    await expect(card.locator('[data-resource="orders"]').getByTestId('sync-local-count')).toHaveText(woo.state.orders.size.toLocaleString('en-US'));
    await expect(card.getByTestId('sync-progress')).toHaveCount(0);

    // The run log says what the run did.
    await page.getByTestId('sync-tab-log').click();
    await expect(page.getByTestId('sync-log-run').first()).toBeVisible();

    // An order from the shop, found in the orders area by its number.
    const number = backroom.scalar<string>('SELECT order_number FROM orders WHERE store_id = ? ORDER BY placed_at DESC LIMIT 1', storeId);
    const orderId = backroom.scalar<number>('SELECT id FROM orders WHERE store_id = ? AND order_number = ?', storeId, number);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Orders', exact: true }).click();
    await page.getByTestId('orders-search').fill(number);
    await expect(page.locator(`[data-testid="orders-table-row"][data-row-key="${orderId}"]`)).toBeVisible();
  });

  test('Stop ends a running sync after its current page and keeps what it fetched', async ({ page, backroom }) => {
    test.setTimeout(90_000);
    const storeId = wooStoreId(backroom)!;
    // Something to fetch: orders changed on the shop since the last run.
    for (let i = 0; i < 250; i++) woo.state.addOrder();
    woo.state.failures.slowMs = 600;
    try {
      await openConsole(page, backroom, '/sync');
      const card = page.getByTestId('sync-store-card');
      await card.getByTestId('sync-now').click();
      await expect(card.getByTestId('sync-progress')).toBeVisible();
      await card.getByTestId('sync-stop').click();
      await expect(page.locator('[data-testid="sync-finished-notice"][data-status="cancelled"]')).toBeVisible({ timeout: 60_000 });
      await expect(card.getByTestId('sync-last-run-status')).toHaveAttribute('data-status', 'cancelled');
      await expect(card.getByTestId('sync-now')).toBeEnabled();
      expect(backroom.scalar("SELECT status FROM sync_runs WHERE store_id = ? ORDER BY id DESC LIMIT 1", storeId)).toBe('cancelled');
    } finally {
      woo.state.failures.slowMs = 0;
    }
    // The next run finishes the job: every order of the shop is here, once.
    await openConsole(page, backroom, '/sync');
    await page.getByTestId('sync-store-card').getByTestId('sync-now').click();
    await expect(page.locator('[data-testid="sync-finished-notice"][data-status="succeeded"]')).toBeVisible({ timeout: 60_000 });
    expect(backroom.scalar('SELECT count(*) FROM orders WHERE store_id = ?', storeId)).toBe(woo.state.orders.size);
  });

  test('offline: a local note waits in the outbox and the page says so; back online it is sent once', async ({ page, backroom }, testInfo) => {
    test.setTimeout(150_000);
    const storeId = wooStoreId(backroom)!;
    const orderId = backroom.scalar<number>('SELECT id FROM orders WHERE store_id = ? ORDER BY id LIMIT 1', storeId);
    const wooOrderId = Number(backroom.scalar<string>('SELECT external_id FROM orders WHERE id = ?', orderId));
    const note = `Gift wrap, please ${Date.now()}`;
    woo.state.down = true;
    await backroom.invoke('orders.update', { id: orderId, note, staffId: 1, idempotencyKey: `e2e-sync-note-${Date.now()}` });

    await openConsole(page, backroom, '/sync');
    const card = page.getByTestId('sync-store-card');
    await card.getByTestId('sync-now').click();
    await expect(page.locator('[data-testid="sync-finished-notice"][data-status="failed"]')).toBeVisible({ timeout: 120_000 });
    await expect(card.getByTestId('sync-online')).toHaveAttribute('data-online', 'no');
    await expect(card.getByTestId('sync-outbox-summary')).toContainText('Waiting to be sent: 1');
    await page.getByTestId('sync-tab-outbox').click();
    await expect(page.getByTestId('sync-outbox-offline')).toContainText('Changes are kept and will be sent when the store can be reached');
    await expect(page.getByTestId('sync-outbox-row')).toHaveCount(1);
    await expect(page.getByTestId('sync-outbox-row')).toHaveAttribute('data-status', 'pending');
    await page.screenshot({ path: shotPath('sync-outbox-offline-en-light.png', testInfo) });
    expect(woo.state.notes.get(wooOrderId)?.some((n) => n.note === note) ?? false).toBe(false);

    woo.state.down = false;
    await page.getByTestId('sync-tab-overview').click();
    await card.getByTestId('sync-now').click();
    await expect(page.locator('[data-testid="sync-finished-notice"][data-status="succeeded"]')).toBeVisible({ timeout: 90_000 });
    await expect.poll(() => backroom.scalar<string>("SELECT status FROM outbox WHERE store_id = ? ORDER BY id DESC LIMIT 1", storeId), { timeout: 30_000 }).toBe('done');
    expect(woo.state.notes.get(wooOrderId)?.filter((n) => n.note === note)).toHaveLength(1);
    await expect(card.getByTestId('sync-online')).toHaveAttribute('data-online', 'yes');
    await page.getByTestId('sync-tab-outbox').click();
    await expect(page.getByTestId('sync-outbox-offline')).toHaveCount(0);
    await expect(page.getByTestId('sync-outbox-empty')).toBeVisible();
  });

  test('a change the store refuses shows its message; it can be edited and sent again, or discarded', async ({ page, backroom }, testInfo) => {
    test.setTimeout(120_000);
    const storeId = wooStoreId(backroom)!;
    const [first, second] = [0, 1].map((offset) => {
      const id = backroom.scalar<number>('SELECT id FROM orders WHERE store_id = ? ORDER BY id LIMIT 1 OFFSET ?', storeId, 10 + offset);
      return { id, wooId: Number(backroom.scalar<string>('SELECT external_id FROM orders WHERE id = ?', id)) };
    }) as [{ id: number; wooId: number }, { id: number; wooId: number }];
    const stamp = Date.now();
    woo.state.keyPermissions = 'read';
    await backroom.invoke('orders.update', { id: first.id, note: `Call before delivery ${stamp}`, staffId: 1, idempotencyKey: `e2e-refused-1-${stamp}` });
    await backroom.invoke('orders.update', { id: second.id, note: `Leave at the door ${stamp}`, staffId: 1, idempotencyKey: `e2e-refused-2-${stamp}` });
    const outboxId = (orderId: number) => backroom.scalar<number>('SELECT id FROM outbox WHERE target_id = ? ORDER BY id DESC LIMIT 1', orderId);
    const statusOf = (id: number) => backroom.scalar<string>('SELECT status FROM outbox WHERE id = ?', id);
    const [firstEntry, secondEntry] = [outboxId(first.id), outboxId(second.id)];

    // A sync pushes the outbox after it; WooCommerce refuses a read-only key's writes.
    await openConsole(page, backroom, '/sync');
    await page.getByTestId('sync-store-card').getByTestId('sync-now').click();
    await expect.poll(() => [statusOf(firstEntry), statusOf(secondEntry)], { timeout: 60_000 }).toEqual(['failed', 'failed']);
    await page.getByTestId('sync-tab-outbox').click();
    const row = (id: number) => page.locator(`[data-testid="sync-outbox-row"][data-id="${id}"]`);
    await expect(row(firstEntry)).toHaveAttribute('data-status', 'failed');
    await expect(row(firstEntry).getByTestId('sync-outbox-error')).toContainText('does not have write permissions');
    await page.screenshot({ path: shotPath('sync-outbox-en-light.png', testInfo), fullPage: true });

    // Edited and sent again once the key may write: invalid JSON is caught before anything is sent.
    woo.state.keyPermissions = 'read_write';
    await row(firstEntry).getByTestId('sync-outbox-retry').click();
    await page.getByTestId('sync-outbox-edit').check();
    const payload = page.getByTestId('sync-outbox-payload');
    const edited = `Call before delivery, after 5 pm ${stamp}`;
    await payload.fill('{ "note": ');
    await expect(page.getByText('This is not valid JSON')).toBeVisible();
    await expect(page.getByTestId('sync-outbox-retry-send')).toBeDisabled();
    await payload.fill(JSON.stringify({ externalId: String(first.wooId), note: edited }));
    await page.getByTestId('sync-outbox-retry-send').click();
    await expect.poll(() => statusOf(firstEntry), { timeout: 30_000 }).toBe('done');
    expect(woo.state.notes.get(first.wooId)?.filter((n) => n.note === edited)).toHaveLength(1);

    // Discarded after a confirmation: the store never hears of it.
    await row(secondEntry).getByTestId('sync-outbox-discard').click();
    await page.getByTestId('sync-outbox-discard-confirm').click();
    await expect.poll(() => statusOf(secondEntry)).toBe('discarded');
    await expect(row(secondEntry)).toHaveCount(0);
    expect(woo.state.notes.get(second.wooId)?.some((n) => n.note.includes(String(stamp))) ?? false).toBe(false);
  });

  test('a sync that finishes while the merchant is elsewhere says so there', async ({ page, backroom }) => {
    const storeId = wooStoreId(backroom);
    expect(storeId).toBeDefined();
    await openConsole(page, backroom, '/orders');
    await backroom.invoke('sync.run', { storeId });
    const notice = page.getByTestId('sync-finished-notice');
    await expect(notice).toBeVisible({ timeout: 30_000 });
    await expect(notice).toHaveAttribute('data-status', 'succeeded');
    await expect(notice).toContainText('Hillside Tea');
  });

  test('sync-en-light.png, sync-connect-zh-dark.png and sync-log-zh-dark.png', async ({ page, backroom }, testInfo) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'light' });
    await openConsole(page, backroom, '/sync');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
    await expect(page.getByTestId('sync-last-run-status')).toHaveAttribute('data-status', 'succeeded');
    await page.screenshot({ path: shotPath('sync-en-light.png', testInfo), fullPage: true });
    await page.getByTestId('sync-tab-log').click();
    await page.getByTestId('sync-log-entry').first().click();
    await page.screenshot({ path: shotPath('sync-log-en-light.png', testInfo), fullPage: true });

    await backroom.invoke('settings.update', { locale: 'zh-CN', colorScheme: 'dark' });
    await openConsole(page, backroom, '/sync/connect');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await page.getByTestId('sync-connect-platform').getByText('WooCommerce').click();
    await page.getByTestId('sync-connect-url').fill(woo.url);
    await page.getByTestId('sync-connect-key').fill(woo.consumerKey);
    await page.getByTestId('sync-connect-secret').fill('cs_wrong');
    await page.getByTestId('sync-connect-test').click();
    await expect(page.getByTestId('sync-connect-verdict')).toHaveAttribute('data-ok', 'false');
    // Said in Chinese, with WooCommerce's own words kept as it wrote them.
    await expect(page.getByTestId('sync-connect-verdict')).toContainText('WooCommerce 拒绝了 API 密钥');
    await expect(page.getByTestId('sync-connect-verdict')).toContainText('Consumer secret is invalid');
    await page.screenshot({ path: shotPath('sync-connect-zh-dark.png', testInfo), fullPage: true });

    // The run log in Chinese: the engine's lines said in the UI language.
    await openConsole(page, backroom, '/sync/log');
    await expect(page.getByTestId('sync-log-entry').first()).toBeVisible();
    await expect(page.getByTestId('sync-log-entry').filter({ hasText: /获取 \d+ 条/ }).first()).toBeVisible();
    // (Each entry's details, its JSON, stay as the core wrote them: the sentence is what is said again.)
    await expect(page.getByTestId('sync-log-entry').filter({ hasText: /\d+ new, \d+ updated|Fetching|Sync started/ })).toHaveCount(0);
    await page.screenshot({ path: shotPath('sync-log-zh-dark.png', testInfo), fullPage: true });
  });
});
