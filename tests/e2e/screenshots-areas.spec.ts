import type { Page } from '@playwright/test';
import { expect, openConsole, test, type Backroom } from './fixtures';
import { shotPath } from './shots';

/**
 * The orders and customers areas at 1440×900, each picture taken only after
 * the screen shows its data (see shots.ts for where pictures go). The loyalty
 * area has its own (loyalty-screens.spec.ts).
 */
type Look = { locale: 'en' | 'zh-CN'; colorScheme: 'light' | 'dark' };

async function look(page: Page, backroom: Backroom, { locale, colorScheme }: Look, path: string) {
  await backroom.invoke('settings.update', { locale, colorScheme });
  await openConsole(page, backroom, path);
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme);
}

/** An order with a shipment, a refund or two and points: a drawer worth showing. */
const richOrderId = (backroom: Backroom) =>
  backroom.scalar<number>(
    `SELECT o.id FROM orders o
      WHERE EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id)
        AND EXISTS (SELECT 1 FROM points_ledger p WHERE p.order_id = o.id)
        AND o.financial_status = 'paid' AND o.customer_id IS NOT NULL
      ORDER BY o.placed_at DESC LIMIT 1`,
  );

/** The customer with the most orders: a profile with a long timeline. */
const richCustomerId = (backroom: Backroom) =>
  backroom.scalar<number>('SELECT customer_id FROM orders WHERE customer_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1');

test.describe('orders and customers screenshots', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test.afterAll(async ({ backroom }) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'auto' });
  });

  test('orders-en-light.png', async ({ page, backroom }, testInfo) => {
    await look(page, backroom, { locale: 'en', colorScheme: 'light' }, '/orders');
    await expect(page.getByTestId('orders-table-row').first()).toBeVisible();
    await page.screenshot({ path: shotPath('orders-en-light.png', testInfo) });
  });

  test('orders-zh-dark.png', async ({ page, backroom }, testInfo) => {
    await look(page, backroom, { locale: 'zh-CN', colorScheme: 'dark' }, '/orders');
    await expect(page.getByTestId('orders-table-row').first()).toBeVisible();
    await page.getByTestId('orders-filters-more').click();
    await expect(page.getByTestId('orders-filter-tag')).toBeVisible();
    // The extra filters open with a short height animation: let it finish before the picture.
    await page.waitForTimeout(600);
    await page.screenshot({ path: shotPath('orders-zh-dark.png', testInfo) });
  });

  test('orders-drawer-en-light.png and orders-refund-en-light.png', async ({ page, backroom }, testInfo) => {
    const id = richOrderId(backroom);
    await look(page, backroom, { locale: 'en', colorScheme: 'light' }, `/orders/${id}`);
    await expect(page.getByTestId('order-detail')).toBeVisible();
    await expect(page.getByTestId('order-shipment').first()).toBeVisible();
    await page.screenshot({ path: shotPath('orders-drawer-en-light.png', testInfo) });
    await page.getByTestId('order-refund-open').click();
    await expect(page.getByTestId('refund-form')).toBeVisible();
    await page.screenshot({ path: shotPath('orders-refund-en-light.png', testInfo) });
  });

  test('customers-list-en-light.png', async ({ page, backroom }, testInfo) => {
    await look(page, backroom, { locale: 'en', colorScheme: 'light' }, '/customers');
    await expect(page.getByTestId('customers-table-row').first()).toBeVisible();
    await page.screenshot({ path: shotPath('customers-list-en-light.png', testInfo) });
  });

  test('customers-profile-en-dark.png', async ({ page, backroom }, testInfo) => {
    await look(page, backroom, { locale: 'en', colorScheme: 'dark' }, `/customers/${richCustomerId(backroom)}`);
    await expect(page.getByTestId('profile-kpis')).toBeVisible();
    await expect(page.getByTestId('timeline-item').first()).toBeVisible();
    await page.screenshot({ path: shotPath('customers-profile-en-dark.png', testInfo) });
  });

  test('customers-segments-zh-light.png', async ({ page, backroom }, testInfo) => {
    await look(page, backroom, { locale: 'zh-CN', colorScheme: 'light' }, '/customers/segments');
    await expect(page.getByTestId('segments-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await page.screenshot({ path: shotPath('customers-segments-zh-light.png', testInfo) });
  });

  test('customers-duplicates-en-light.png', async ({ page, backroom }, testInfo) => {
    await look(page, backroom, { locale: 'en', colorScheme: 'light' }, '/customers/duplicates');
    await expect(page.getByTestId('duplicate-group').first()).toBeVisible();
    await page.screenshot({ path: shotPath('customers-duplicates-en-light.png', testInfo) });
  });
});
