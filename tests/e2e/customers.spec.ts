import type { Page } from '@playwright/test';
import { expect, openConsole, test, type Backroom } from './fixtures';

/**
 * The customers area against the demo profile's database: what the list,
 * the profile, the segments and the duplicates show must be what SQL says.
 * Orders count when they were not cancelled, voided or failed (as the core's
 * figures and RFM scores define them).
 */
const QUALIFYING = `status <> 'cancelled' AND financial_status NOT IN ('voided', 'failed')`;

/** A customer with an email and several qualifying orders, some refunded if possible: a profile worth checking. */
function customerWithOrders(backroom: Backroom): { id: number; email: string; orders: number; spend: number } {
  const id = backroom.scalar<number>(
    `SELECT c.id FROM customers c JOIN orders o ON o.customer_id = c.id
      WHERE c.email IS NOT NULL AND c.merged_into_id IS NULL AND o.${QUALIFYING}
      GROUP BY c.id HAVING count(*) >= 3
      ORDER BY max(o.refunded_minor > 0) DESC, count(*) DESC, c.id LIMIT 1`,
  );
  return {
    id,
    email: backroom.scalar<string>('SELECT email FROM customers WHERE id = ?', id),
    orders: backroom.scalar(`SELECT count(*) FROM orders WHERE customer_id = ? AND ${QUALIFYING}`, id),
    spend: backroom.scalar(
      `SELECT sum(total_minor - refunded_minor) FROM orders WHERE customer_id = ? AND ${QUALIFYING}`,
      id,
    ),
  };
}

const table = (page: Page) => page.getByTestId('customers-table');
const rows = (page: Page) => page.getByTestId('customers-table-row');

test.describe('customers', () => {
  test('search by email finds the customer; the profile shows their orders and spend as in SQL', async ({ page, backroom }) => {
    const customer = customerWithOrders(backroom);
    expect(customer.orders).toBeGreaterThanOrEqual(3);

    await openConsole(page, backroom, '/customers');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customers');
    await expect(rows(page).first()).toBeVisible();
    await page.getByTestId('customers-search').fill(customer.email);
    // Debounced: the list narrows to exactly this customer.
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page)).toHaveAttribute('data-row-key', String(customer.id));
    await expect(rows(page)).toContainText(customer.email);
    await rows(page).click();

    await expect(page).toHaveURL(new RegExp(`#/customers/${customer.id}$`));
    const profile = page.getByTestId('customer-profile');
    await expect(profile).toHaveAttribute('data-customer-id', String(customer.id));
    await expect(page.getByTestId('profile-email')).toHaveText(customer.email);
    await expect(page.getByTestId('profile-orders')).toHaveAttribute('data-value', String(customer.orders));
    await expect(page.getByTestId('profile-orders')).toHaveText(String(customer.orders));
    await expect(page.getByTestId('profile-spend')).toHaveAttribute('data-value', String(customer.spend));
    // Recent orders link into the orders area, newest first.
    const newest = backroom.scalar<number>(
      'SELECT id FROM orders WHERE customer_id = ? ORDER BY placed_at DESC, id DESC LIMIT 1',
      customer.id,
    );
    await expect(page.getByTestId('profile-recent-orders').getByRole('link').first()).toHaveAttribute(
      'href',
      `#/orders/${newest}`,
    );
    // One timeline, newest first, with an entry for every order it shows.
    const times = await page.getByTestId('timeline-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-at') ?? ''));
    expect(times.length).toBeGreaterThan(0);
    expect([...times].sort().reverse()).toEqual(times);
    const lastPlaced = backroom.scalar<string>('SELECT max(placed_at) FROM orders WHERE customer_id = ?', customer.id);
    await expect(page.locator('[data-testid="timeline-item"][data-kind="order"]').first()).toHaveAttribute(
      'data-at',
      lastPlaced,
    );
    // The loyalty panel is embedded for this customer.
    await expect(page.getByTestId('customer-points-panel')).toHaveAttribute('data-customer-id', String(customer.id));

    await page.getByTestId('profile-back').click();
    await expect(page).toHaveURL(/#\/customers$/);
    // The search is kept for the session.
    await expect(page.getByTestId('customers-search')).toHaveValue(customer.email);
  });

  test('the keyboard opens a customer: focus the grid, arrow down, Enter', async ({ page, backroom }) => {
    await openConsole(page, backroom, '/customers');
    await page.getByTestId('customers-search').fill('');
    await expect(rows(page).first()).toBeVisible();
    const second = await rows(page).nth(1).getAttribute('data-row-key');
    await table(page).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/customers/${second}$`));
    await expect(page.getByTestId('customer-profile')).toHaveAttribute('data-customer-id', String(second));
  });

  test('sorting by orders puts the customer with most qualifying orders first', async ({ page, backroom }) => {
    const most = backroom.scalar<number>(
      `SELECT count(*) FROM orders WHERE customer_id IS NOT NULL AND ${QUALIFYING} GROUP BY customer_id ORDER BY 1 DESC LIMIT 1`,
    );
    await openConsole(page, backroom, '/customers');
    await page.getByTestId('sort-orders').click();
    await expect(page.getByTestId('sort-orders')).toHaveAttribute('data-direction', 'desc');
    await expect(rows(page).first().locator('[data-column="orders"]')).toHaveText(String(most));
    await expect(table(page).getByRole('columnheader', { name: 'Orders' })).toHaveAttribute('aria-sort', 'descending');
  });

  test('segments: the counts add up to every customer in SQL, and filter the list', async ({ page, backroom }) => {
    const customers = backroom.scalar('SELECT count(*) FROM customers WHERE merged_into_id IS NULL');
    const withOrders = backroom.scalar(
      `SELECT count(DISTINCT c.id) FROM customers c JOIN orders o ON o.customer_id = c.id
        WHERE c.merged_into_id IS NULL AND o.${QUALIFYING}`,
    );
    await openConsole(page, backroom, '/customers');
    await page.getByRole('tab', { name: 'Segments' }).click();
    await expect(page).toHaveURL(/#\/customers\/segments$/);
    const segmentRows = page.getByTestId('segment-row');
    await expect(segmentRows).toHaveCount(8);
    const counts = await segmentRows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-customers'))));
    const inSegments = counts.reduce((a, b) => a + b, 0);
    expect(inSegments).toBe(withOrders);
    const without = Number((await page.getByTestId('segments-without-orders').getAttribute('data-count')) ?? 0);
    expect(inSegments + without).toBe(customers);
    await expect(page.getByTestId('segments-total')).toHaveAttribute('data-total', String(customers));
    await expect(page.getByTestId('segments-chart').locator('.recharts-bar-rectangle')).toHaveCount(
      counts.filter((n) => n > 0).length,
    );

    // A segment's name opens the list filtered to it; its rows all carry that segment.
    const champions = segmentRows.and(page.locator('[data-segment="champions"]'));
    const championCount = Number(await champions.getAttribute('data-customers'));
    expect(championCount).toBeGreaterThan(0);
    await champions.getByRole('link').click();
    await expect(page).toHaveURL(/#\/customers$/);
    // One page holds them all in the small demo store: exactly the segment's count is loaded.
    expect(championCount).toBeLessThanOrEqual(100);
    await expect(table(page)).toHaveAttribute('data-loaded-rows', String(championCount));
    await expect(rows(page).first()).toBeVisible();
    const shown = await rows(page).locator('[data-column="segment"] [data-segment]').evaluateAll((badges) =>
      badges.map((b) => b.getAttribute('data-segment')),
    );
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set(['champions']));
    await page.getByRole('button', { name: 'Clear filters' }).click();
  });

  test('"Recompute segments" scores every customer and says how many', async ({ page, backroom }) => {
    const customers = backroom.scalar('SELECT count(*) FROM customers WHERE merged_into_id IS NULL');
    await openConsole(page, backroom, '/customers/segments');
    await expect(page.getByTestId('segment-row').first()).toBeVisible();
    const before = backroom.scalar<string>('SELECT max(computed_at) FROM customer_rfm');
    await page.getByRole('button', { name: 'Recompute segments' }).click();
    await expect(page.getByText(`Segments recomputed for ${customers.toLocaleString('en-US')} customers`)).toBeVisible();
    await expect.poll(() => backroom.scalar<string>('SELECT max(computed_at) FROM customer_rfm')).not.toBe(before);
    await expect(page.getByTestId('segment-row')).toHaveCount(8);
  });

  test('segment export downloads the consented customers of the segment as CSV', async ({ page, backroom }) => {
    const expected = backroom.scalar(
      `SELECT count(*) FROM customers c JOIN customer_rfm r ON r.customer_id = c.id
        WHERE r.segment = 'loyal' AND c.merged_into_id IS NULL AND c.marketing_consent = 1`,
    );
    await openConsole(page, backroom, '/customers/segments');
    await expect(page.getByTestId('segments-only-consented')).toBeChecked();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export the Loyal segment as CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^customers-loyal-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    const lines = text.replace(/^\ufeff/, '').split('\r\n').filter((line) => line !== '');
    expect(lines.length - 1).toBe(expected);
    await expect(page.getByText(`Exported ${expected.toLocaleString('en-US')} customers of Loyal`)).toBeVisible();
  });

  test('duplicates: the tab shows exactly the groups SQL finds (the demo store has none)', async ({ page, backroom }) => {
    const byEmail = backroom.scalar(
      `SELECT count(*) FROM (SELECT lower(trim(email)) FROM customers
         WHERE email IS NOT NULL AND merged_into_id IS NULL GROUP BY 1 HAVING count(*) > 1)`,
    );
    const byPhone = backroom.scalar(
      `SELECT count(*) FROM (SELECT replace(replace(replace(replace(phone, ' ', ''), '+', ''), '-', ''), '.', '') FROM customers
         WHERE phone IS NOT NULL AND merged_into_id IS NULL GROUP BY 1 HAVING count(*) > 1)`,
    );
    await openConsole(page, backroom, '/customers/duplicates');
    await expect(page.getByRole('tab', { name: 'Duplicates' })).toHaveAttribute('aria-selected', 'true');
    if (byEmail + byPhone === 0) {
      await expect(page.getByTestId('duplicates-empty')).toContainText('No likely duplicates');
      await expect(page.getByTestId('duplicate-group')).toHaveCount(0);
    } else {
      await expect(page.getByTestId('duplicate-group').first()).toBeVisible();
      expect(await page.getByTestId('duplicate-group').count()).toBe(Math.min(25, byEmail + byPhone));
    }
  });

  test('in Chinese the area, segment names and figures are translated', async ({ page, backroom }) => {
    await backroom.invoke('settings.update', { locale: 'zh-CN' });
    try {
      await openConsole(page, backroom, '/customers/segments');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('客户');
      await expect(page.getByRole('tab', { name: '客户分群' })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByTestId('segments-table')).toContainText('冠军客户');
      await expect(page.getByRole('button', { name: '重新计算分群' })).toBeVisible();
    } finally {
      await backroom.invoke('settings.update', { locale: 'en' });
    }
  });

  test('an unknown customer number says so, with a way back', async ({ page, backroom }) => {
    const missing = backroom.scalar<number>('SELECT max(id) + 1000 FROM customers');
    await openConsole(page, backroom, `/customers/${missing}`);
    await expect(page.getByTestId('profile-not-found')).toContainText('There is no customer with this number');
    await page.getByTestId('profile-back').click();
    await expect(rows(page).first()).toBeVisible();
  });
});
