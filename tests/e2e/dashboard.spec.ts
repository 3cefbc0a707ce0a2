import type { Page } from '@playwright/test';
import { addDays, expect, openConsole, test, todayUtc } from './fixtures';

const choosePreset = (page: Page, label: string) =>
  page.getByTestId('range-presets').getByText(label, { exact: true }).click();
const ordersBetween = 'SELECT count(*) FROM orders WHERE substr(placed_at, 1, 10) BETWEEN ? AND ?';

/** Figures on screen must be the figures in the profile's database. */
test.describe('dashboard', () => {
  test('"All time" shows every order in the database and no comparison', async ({ page, backroom }) => {
    const allOrders = backroom.scalar('SELECT count(*) FROM orders');
    expect(allOrders).toBeGreaterThan(0);

    await openConsole(page, backroom);
    await choosePreset(page, 'All time');

    await expect(page.getByTestId('kpi-grid')).toHaveAttribute('data-from', '');
    await expect(page.getByTestId('kpi-grid')).toHaveAttribute('data-stale', 'false');
    await expect(page.getByTestId('kpi-orders')).toHaveAttribute('data-value', String(allOrders));
    await expect(page.getByTestId('kpi-orders')).toHaveText(allOrders.toLocaleString('en-US'));
    await expect(page.getByText('All orders, no comparison period')).toBeVisible();
    await expect(page.getByTestId('kpi-change')).toHaveCount(0);
  });

  test('last 30 days match SQL over the inclusive UTC range', async ({ page, backroom }) => {
    const to = todayUtc();
    const from = addDays(to, -29);
    const inRange = 'substr(placed_at, 1, 10) BETWEEN ? AND ?';
    const orders = backroom.scalar(ordersBetween, from, to);
    const currency = backroom.scalar<string>('SELECT currency FROM stores ORDER BY id LIMIT 1');
    const netRevenue = backroom.scalar(
      `SELECT coalesce(sum(total_minor - refunded_minor), 0) FROM orders
        WHERE ${inRange} AND status <> 'cancelled' AND currency = ?`,
      from,
      to,
      currency,
    );
    const activeCustomers = backroom.scalar(
      `SELECT count(DISTINCT customer_id) FROM orders WHERE ${inRange} AND customer_id IS NOT NULL`,
      from,
      to,
    );
    const openTickets = backroom.scalar(`SELECT count(*) FROM tickets WHERE status NOT IN ('solved', 'closed')`);
    expect(orders).toBeGreaterThan(0);

    await openConsole(page, backroom);
    // Last 30 days is the default range.
    await expect(page.getByRole('radio', { name: 'Last 30 days' })).toBeChecked();
    const grid = page.getByTestId('kpi-grid');
    await expect(grid).toHaveAttribute('data-from', from);
    await expect(grid).toHaveAttribute('data-to', to);
    await expect(page.getByTestId('kpi-orders')).toHaveAttribute('data-value', String(orders));
    await expect(page.getByTestId('kpi-net-revenue')).toHaveAttribute('data-value', String(netRevenue));
    await expect(page.getByTestId('kpi-active-customers')).toHaveAttribute('data-value', String(activeCustomers));
    await expect(page.getByTestId('kpi-open-tickets')).toHaveAttribute('data-value', String(openTickets));
    // Every KPI but open tickets compares with the 30 days before.
    await expect(page.getByTestId('kpi-change')).toHaveCount(5);
    await expect(page.getByTestId('range-line')).toContainText('Compared with');
  });

  test('changing the range refetches: 7 days never has more orders than 90', async ({ page, backroom }) => {
    const to = todayUtc();
    const count = (days: number) => backroom.scalar(ordersBetween, addDays(to, 1 - days), to);
    await openConsole(page, backroom);
    for (const [label, days] of [['Last 7 days', 7], ['Last 90 days', 90]] as const) {
      await choosePreset(page, label);
      await expect(page.getByTestId('kpi-grid')).toHaveAttribute('data-from', addDays(to, 1 - days));
      await expect(page.getByTestId('kpi-orders')).toHaveAttribute('data-value', String(count(days)));
    }
  });

  test('a custom range picked in the calendar matches SQL', async ({ page, backroom }) => {
    await openConsole(page, backroom);
    await choosePreset(page, 'Custom');
    await page.getByTestId('range-custom').click();
    // The calendar opens on the month of the range's first day; pick two days in it.
    const days = page.locator('table button:not([data-outside]):not([disabled])');
    await days.nth(1).click();
    await days.nth(8).click();
    const grid = page.getByTestId('kpi-grid');
    await expect(grid).toHaveAttribute('data-stale', 'false');
    const from = (await grid.getAttribute('data-from')) ?? '';
    const to = (await grid.getAttribute('data-to')) ?? '';
    // Day 2 and day 9 of the month the default range (last 30 days) starts in.
    expect(from).toBe(`${addDays(todayUtc(), -29).slice(0, 7)}-02`);
    expect(to).toBe(addDays(from, 7));
    const orders = backroom.scalar(ordersBetween, from, to);
    await expect(page.getByTestId('kpi-orders')).toHaveAttribute('data-value', String(orders));
  });

  test('both charts render from the series', async ({ page, backroom }) => {
    await openConsole(page, backroom);
    const revenue = page.getByTestId('chart-revenue');
    const mix = page.getByTestId('chart-customer-mix');
    await expect(revenue.getByRole('heading', { name: 'Net revenue per day' })).toBeVisible();
    await expect(revenue.locator('.recharts-area-area')).toHaveCount(1);
    await expect(mix.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(mix.getByText('New customers', { exact: true })).toBeVisible();
    await expect(mix.getByText('Returning customers', { exact: true })).toBeVisible();
  });
});
