import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openConsole, test, type Backroom } from './fixtures';

/**
 * The orders workspace on a 100,000-order demo store: what the table, the
 * drawer and the export show must be what SQL says, and a local refund must
 * take back exactly the points its order earned.
 */
test.use({ demoSize: 'medium' });
test.describe.configure({ timeout: 120_000 });

interface Candidate {
  id: number;
  orderNumber: string;
  customerId: number;
  earned: number;
}

const earnedBy = (backroom: Backroom, orderId: number) =>
  backroom.scalar(`SELECT coalesce(sum(points), 0) FROM points_ledger WHERE order_id = ? AND entry_type = 'earn'`, orderId);
const ledgerBalance = (backroom: Backroom, customerId: number) =>
  backroom.scalar('SELECT coalesce(sum(points), 0) FROM points_ledger WHERE customer_id = ?', customerId);

/**
 * A paid, never-refunded order that earned points, whose customer holds at
 * least twice that many: the reversal can take all of them back without debt.
 * `skip` picks a different one for each test that refunds.
 */
function refundableOrder(backroom: Backroom, skip: number): Candidate {
  const json = backroom.scalar<string>(
    `SELECT json_object('id', o.id, 'orderNumber', o.order_number, 'customerId', o.customer_id, 'earned', e.earned)
       FROM orders o
       JOIN (SELECT order_id, sum(points) AS earned FROM points_ledger WHERE entry_type = 'earn' GROUP BY order_id) e
         ON e.order_id = o.id
      WHERE o.financial_status = 'paid' AND o.status <> 'cancelled' AND o.refunded_minor = 0 AND e.earned > 0
        AND NOT EXISTS (SELECT 1 FROM points_ledger r WHERE r.order_id = o.id AND r.entry_type <> 'earn')
        AND (SELECT sum(points) FROM points_ledger b WHERE b.customer_id = o.customer_id) >= 2 * e.earned
      ORDER BY o.id DESC LIMIT 1 OFFSET ?`,
    skip,
  );
  return JSON.parse(json) as Candidate;
}

async function searchAndOpen(page: Page, order: Candidate): Promise<void> {
  await page.getByTestId('orders-search').fill(order.orderNumber);
  const row = page.locator(`[data-testid="orders-table-row"][data-row-key="${order.id}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(order.orderNumber);
  await row.click();
  await expect(page).toHaveURL(new RegExp(`#/orders/${order.id}$`));
  await expect(page.getByTestId('order-detail')).toHaveAttribute('data-order-id', String(order.id));
}

const customerPoints = async (page: Page): Promise<number> => {
  const panel = page.getByTestId('order-customer-points');
  await expect(panel).toBeVisible();
  return Number(await panel.getAttribute('data-approved')) + Number(await panel.getAttribute('data-pending'));
};

test.describe('orders workspace (100k orders)', () => {
  test('find an order by number, refund it locally, and its points come off the customer', async ({ page, backroom }) => {
    const order = refundableOrder(backroom, 0);
    expect(order.earned).toBeGreaterThan(0);
    const balanceBefore = ledgerBalance(backroom, order.customerId);
    const totalMinor = backroom.scalar('SELECT total_minor FROM orders WHERE id = ?', order.id);

    await openConsole(page, backroom, '/orders');
    await searchAndOpen(page, order);
    await expect(page.getByTestId('order-drawer-title')).toHaveText(`Order ${order.orderNumber}`);
    await expect(page.getByTestId('order-points-earned')).toHaveAttribute('data-value', String(order.earned));
    await expect(page.getByTestId('order-refundable')).toHaveAttribute('data-value', String(totalMinor));
    const pointsBefore = await customerPoints(page);
    expect(pointsBefore).toBe(balanceBefore);

    await page.getByTestId('order-refund-open').click();
    // The amount defaults to everything still refundable.
    await expect(page.getByTestId('refund-amount')).toHaveValue((totalMinor / 100).toFixed(2));
    await page.getByTestId('refund-reason').click();
    await page.getByRole('option', { name: 'Arrived damaged' }).click();
    await page.getByTestId('refund-note').fill('Broken in transit');
    await page.getByTestId('refund-submit').click();

    await expect(page.getByText(`${order.earned} points taken back from the customer.`)).toBeVisible();
    await expect(page.getByTestId('refund-notification')).toContainText('Recorded in Backroom only: this store is not connected');
    await expect(page.getByTestId('refund-notification')).toHaveAttribute('data-queued-for', '');
    await expect(page.getByTestId('refund-form')).toHaveCount(0);
    await expect(page.getByTestId('order-refunded')).toHaveAttribute('data-value', String(totalMinor));
    await expect(page.getByTestId('order-refundable')).toHaveAttribute('data-value', '0');
    await expect(page.getByTestId('order-points-reversed')).toHaveAttribute('data-value', String(order.earned));
    await expect(page.getByTestId('order-customer-points')).toHaveAttribute('data-approved', /\d+/);
    await expect.poll(() => customerPoints(page)).toBe(pointsBefore - order.earned);
    expect(ledgerBalance(backroom, order.customerId)).toBe(balanceBefore - earnedBy(backroom, order.id));
    // The audit trail names who did it; the refund is listed with its reason.
    const audit = page.getByTestId('order-audit-entry').first();
    await expect(audit).toHaveAttribute('data-action', 'refund.local');
    const actingStaff = await page.getByTestId('acting-staff').inputValue();
    await expect(audit).toContainText(actingStaff);
    expect(backroom.scalar(
      `SELECT s.name FROM audit_log a JOIN staff s ON s.id = a.staff_id
        WHERE a.entity_type = 'order' AND a.entity_id = ? AND a.action = 'refund.local'`, order.id,
    )).toBe(actingStaff);
    await expect(page.getByTestId('order-refund').first()).toContainText('Arrived damaged');
    await expect(page.getByTestId('order-refund-open')).toBeDisabled();

    // Escape closes the drawer and the address goes back to the list.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('order-detail')).toHaveCount(0);
    await expect(page).toHaveURL(/#\/orders$/);
  });

  test('a refund above what is refundable shows a sentence, not a crash', async ({ page, backroom }) => {
    const order = refundableOrder(backroom, 1);
    const totalMinor = backroom.scalar('SELECT total_minor FROM orders WHERE id = ?', order.id);
    // Another till, without live updates: this window does not hear of the refund made there.
    await page.route('**/api/events**', (route) => route.abort());
    await openConsole(page, backroom, `/orders/${order.id}`);
    await expect(page.getByTestId('order-detail')).toBeVisible();
    await page.getByTestId('order-refund-open').click();

    // Caught in the form: too much, not a number, zero.
    const amount = page.getByTestId('refund-amount');
    await amount.fill(((totalMinor + 1) / 100).toFixed(2));
    await page.getByTestId('refund-submit').click();
    await expect(page.getByText(`At most $${(totalMinor / 100).toFixed(2)} can be refunded.`)).toBeVisible();
    await amount.fill('12,5x');
    await expect(page.getByText('Enter an amount such as 12.50.')).toBeVisible();
    await amount.fill('0');
    await expect(page.getByText('The amount must be more than zero.')).toBeVisible();

    // Refused by the core: someone refunded part of it meanwhile, so the form's full amount is now too much.
    await amount.fill((totalMinor / 100).toFixed(2));
    const staffId = backroom.scalar(`SELECT id FROM staff WHERE active = 1 ORDER BY id LIMIT 1`);
    await backroom.invoke('orders.refund', { id: order.id, amountMinor: 100, staffId, idempotencyKey: 'e2e-meanwhile-refund' });
    await page.getByTestId('refund-submit').click();
    const error = page.getByTestId('refund-error');
    await expect(error).toHaveAttribute('data-code', 'VALIDATION');
    await expect(error).toContainText('The refund was not made.');
    await expect(error).toContainText('still refundable');
    expect(backroom.scalar('SELECT refunded_minor FROM orders WHERE id = ?', order.id)).toBe(100);
    // The page is still alive, and now knows what is left to refund.
    await expect(page.getByTestId('refund-form')).toBeVisible();
    await expect(page.getByTestId('query-error')).toHaveCount(0);
    await expect(page.getByTestId('order-refundable')).toHaveAttribute('data-value', String(totalMinor - 100));
    await expect(page.getByText(`At most $${((totalMinor - 100) / 100).toFixed(2)} can be refunded.`)).toBeVisible();

    // Escape closes the form first (focus back on its button), then the drawer.
    await page.getByTestId('refund-amount').press('Escape');
    await expect(page.getByTestId('refund-form')).toHaveCount(0);
    await expect(page.getByTestId('order-refund-open')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('order-detail')).toHaveCount(0);
  });

  test('filters and sort match SQL, all pages included', async ({ page, backroom }) => {
    const where = `channel = 'social' AND financial_status = 'refunded'`;
    const count = backroom.scalar(`SELECT count(*) FROM orders WHERE ${where}`);
    const smallest = backroom.scalar(`SELECT min(total_minor) FROM orders WHERE ${where}`);
    const largest = backroom.scalar(`SELECT max(total_minor) FROM orders WHERE ${where}`);
    expect(count).toBeGreaterThan(100); // more than one page of 100

    await openConsole(page, backroom, '/orders');
    // No filter: the header counts the whole store exactly.
    const all = backroom.scalar('SELECT count(*) FROM orders');
    await expect(page.getByTestId('orders-count')).toHaveAttribute('data-count', String(all));
    await expect(page.getByTestId('orders-count')).toHaveAttribute('data-exact', 'true');
    await expect(page.getByTestId('orders-count')).toHaveText(`${all.toLocaleString('en-US')} orders`);
    await chooseOptions(page, 'orders-filter-financialStatus', ['Refunded']);
    await page.getByTestId('orders-filters-more').click();
    // The channel picker lists the channels in use with SQL's order counts.
    await page.getByTestId('orders-filter-channel').click();
    const channels = JSON.parse(backroom.scalar<string>(
      `SELECT json_group_array(json_array(channel, n)) FROM (SELECT channel, count(*) AS n FROM orders GROUP BY channel)`,
    )) as [string, number][];
    await expect(page.getByTestId('orders-filter-channel-options').getByTestId('facet-count')).toHaveCount(channels.length);
    for (const [channel, n] of channels) {
      await expect(page.locator(`[data-testid="facet-count"][data-value="${channel}"]`)).toHaveAttribute('data-count', String(n));
    }
    await page.keyboard.press('Escape');
    await chooseOptions(page, 'orders-filter-channel', ['Social']);
    await expect(page.getByTestId('orders-filters')).toHaveAttribute('data-active-count', '2');
    // A narrow filter over 100k orders: counted among the newest 50,000 only, and the header says so ("N+").
    const newest = backroom.scalar(`SELECT count(*) FROM (SELECT channel, financial_status FROM orders
      ORDER BY placed_at DESC, id DESC LIMIT 50000) WHERE ${where}`);
    const header = page.getByTestId('orders-count');
    await expect(header).toHaveAttribute('data-count', String(all > 50_000 ? newest : count));
    await expect(header).toHaveAttribute('data-exact', String(all <= 50_000));
    if (all > 50_000) {
      await expect(header).toHaveText(`${newest}+ orders`);
      await page.getByTestId('orders-count-hint').click();
      await expect(page.getByTestId('orders-count-why')).toContainText('newest 50,000 orders');
      await page.keyboard.press('Escape');
    }
    await page.getByTestId('sort-total').click(); // descending first
    await page.getByTestId('sort-total').click(); // then ascending
    await expect(page.getByTestId('sort-total')).toHaveAttribute('data-direction', 'asc');

    const table = page.getByTestId('orders-table');
    await expect(table.locator('[aria-rowindex="2"] [data-column="total"]')).toHaveText(money(smallest));
    // Keyboard: End moves to the last loaded row, which loads the next page, until there is none.
    await table.focus();
    await expect(async () => {
      await page.keyboard.press('End');
      await expect(table).toHaveAttribute('data-loaded-rows', String(count), { timeout: 1_000 });
    }).toPass();
    await page.keyboard.press('End');
    await expect(table.locator(`[aria-rowindex="${count + 1}"] [data-column="total"]`)).toHaveText(money(largest));

    // Enter opens the active row (the last, the largest); Escape closes and focus returns to the table.
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('order-total')).toHaveAttribute('data-value', String(largest));
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('order-detail')).toHaveCount(0);
    await expect(table).toBeFocused();

    // Clearing the filters brings every order back.
    await page.getByTestId('orders-filters-clear').click();
    await expect(page.getByTestId('orders-filters')).toHaveAttribute('data-active-count', '0');
  });

  test('a date range picked in the calendar and a status match SQL', async ({ page, backroom }) => {
    await openConsole(page, backroom, '/orders');
    await chooseOptions(page, 'orders-filter-status', ['Cancelled']);
    await page.getByTestId('orders-filter-dates').click();
    // The calendar opens on this month; pick its 2nd and 9th day.
    const days = page.locator('table button:not([data-outside]):not([disabled])');
    await days.nth(1).click();
    await days.nth(8).click();
    const month = new Date().toISOString().slice(0, 7);
    const count = backroom.scalar(
      `SELECT count(*) FROM orders WHERE status = 'cancelled' AND substr(placed_at, 1, 10) BETWEEN ? AND ?`,
      `${month}-02`, `${month}-09`,
    );
    expect(count).toBeLessThan(100); // one page
    await expect(page.getByTestId('orders-filters')).toHaveAttribute('data-active-count', '2');
    // A week of orders is within what the header counts: the exact figure SQL gives.
    await expect(page.getByTestId('orders-count')).toHaveAttribute('data-count', String(count));
    await expect(page.getByTestId('orders-count')).toHaveAttribute('data-exact', 'true');
    const table = page.getByTestId('orders-table');
    await expect(table).toHaveAttribute('data-loaded-rows', String(count));
    // Early in a month those days are still ahead and nothing matches: then the empty state must say so.
    if (count > 0) await expect(page.getByTestId('orders-table-row').first()).toContainText('Cancelled');
    else await expect(page.getByTestId('orders-empty')).toContainText('No orders match');
  });

  test('an amount range in major units filters on exact minor units', async ({ page, backroom }) => {
    const count = backroom.scalar('SELECT count(*) FROM orders WHERE total_minor BETWEEN 50000 AND 50999');
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(100); // one page
    await openConsole(page, backroom, '/orders');
    await page.getByTestId('orders-filters-more').click();
    const min = page.getByTestId('orders-filter-min-total');
    await min.fill('5OO');
    await min.press('Enter');
    await expect(page.getByText('Enter an amount such as 25 or 25.50.')).toBeVisible();
    await expect(page.getByTestId('orders-filters')).toHaveAttribute('data-active-count', '0');
    await min.fill('500');
    await page.getByTestId('orders-filter-max-total').fill('509.99');
    await page.getByTestId('orders-filter-max-total').press('Enter');
    await expect(page.getByTestId('orders-filters')).toHaveAttribute('data-active-count', '1');
    await expect(page.getByTestId('orders-table')).toHaveAttribute('data-loaded-rows', String(count));
    await expect(page.getByTestId('orders-table-row').first()).toBeVisible();
    const totals = await page.getByTestId('orders-table').locator('[data-column="total"]').allTextContents();
    for (const total of totals) expect(total).toMatch(/^\$50\d\.\d\d$/);
  });

  test('CSV export of a narrow filter has exactly the rows SQL counts', async ({ page, backroom }) => {
    const count = backroom.scalar(`SELECT count(*) FROM orders WHERE channel = 'pos' AND financial_status = 'refunded'`);
    expect(count).toBeGreaterThan(0);
    await openConsole(page, backroom, '/orders');
    await chooseOptions(page, 'orders-filter-financialStatus', ['Refunded']);
    await page.getByTestId('orders-filters-more').click();
    await chooseOptions(page, 'orders-filter-channel', ['Point of sale']);

    const download = page.waitForEvent('download');
    await page.getByTestId('orders-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync(await file.path(), 'utf8').replace(/^\ufeff/, '');
    const lines = text.split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toContain('order_number');
    expect(lines.length - 1).toBe(count);
    expect(lines.slice(1).every((line) => line.includes(',pos,'))).toBe(true);
    await expect(page.getByText(`Exported ${count} orders`)).toBeVisible();
  });

  test('the whole store exports with a progress bar that can be cancelled', async ({ page, backroom }) => {
    const total = backroom.scalar('SELECT count(*) FROM orders');
    // Each chunk a little slower than the core answers, so there is time to watch and cancel.
    await page.route('**/api/orders.export', async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await openConsole(page, backroom, '/orders');
    await page.getByTestId('orders-export').click();
    const status = page.getByTestId('orders-export-status');
    await expect(status).toHaveAttribute('data-total', String(total));
    await expect(status).toContainText(`of ${total.toLocaleString('en-US')} orders`);
    await expect(page.getByTestId('orders-export-progress')).toBeVisible();
    await page.getByTestId('orders-export-cancel').click();
    await expect(status).toBeHidden();
    await page.waitForTimeout(1_000);
    expect(downloaded).toBe(false);
  });

  test('a saved view brings back its filter and sort, and can be deleted', async ({ page, backroom }) => {
    await openConsole(page, backroom, '/orders');
    await chooseOptions(page, 'orders-filter-status', ['Cancelled']);
    await page.getByTestId('sort-total').click();
    await page.getByTestId('orders-views-save').click();
    await page.getByTestId('orders-views-name').fill('Cancelled, biggest first');
    await page.getByTestId('orders-views-submit').click();
    await expect(page.getByText('View “Cancelled, biggest first” saved.')).toBeVisible();
    const saved = backroom.scalar<string>(`SELECT query FROM saved_views WHERE name = 'Cancelled, biggest first'`);
    expect(JSON.parse(saved)).toMatchObject({ filter: { status: ['cancelled'] }, sort: { by: 'total', direction: 'desc' } });

    await page.getByTestId('orders-filters-clear').click();
    await expect(page.getByTestId('orders-filters')).toHaveAttribute('data-active-count', '0');
    await page.getByTestId('orders-views').click();
    await page.getByRole('option', { name: 'Cancelled, biggest first' }).click();
    await expect(page.getByTestId('orders-filters')).toHaveAttribute('data-active-count', '1');
    await expect(page.getByTestId('sort-total')).toHaveAttribute('data-direction', 'desc');
    const biggest = backroom.scalar(`SELECT max(total_minor) FROM orders WHERE status = 'cancelled'`);
    await expect(page.getByTestId('orders-table').locator('[aria-rowindex="2"] [data-column="total"]')).toHaveText(money(biggest));

    await page.getByTestId('orders-views-delete').click();
    await expect(page.getByText('View “Cancelled, biggest first” deleted.')).toBeVisible();
    expect(backroom.scalar(`SELECT count(*) FROM saved_views WHERE name = 'Cancelled, biggest first'`)).toBe(0);
  });

  test('a note and tags are saved locally, audited, and the tag filter finds the order', async ({ page, backroom }) => {
    const order = refundableOrder(backroom, 2);
    await openConsole(page, backroom, `/orders/${order.id}`);
    await expect(page.getByTestId('order-detail')).toBeVisible();
    await page.getByTestId('order-note').fill('Gift wrap, call before delivery');
    await page.getByTestId('order-tags').fill('vip-e2e');
    await page.getByTestId('order-tags').press('Enter');
    await page.getByTestId('order-notes-save').click();
    // Where the change went comes from the core's answer: the demo store queues nothing.
    await expect(page.getByText('Saved in Backroom. This store is not connected, so nothing is sent to it.')).toBeVisible();
    await expect(page.getByTestId('order-notes-saved')).toHaveAttribute('data-queued-for', '');
    expect(backroom.scalar('SELECT local_note FROM orders WHERE id = ?', order.id)).toBe('Gift wrap, call before delivery');
    expect(JSON.parse(backroom.scalar<string>('SELECT local_tags FROM orders WHERE id = ?', order.id))).toEqual(['vip-e2e']);
    // The demo store is not connected: nothing waits in the outbox.
    expect(backroom.scalar(`SELECT count(*) FROM outbox WHERE target_id = ?`, order.id)).toBe(0);
    const actions = page.getByTestId('order-audit-entry');
    await expect(actions).toHaveCount(2);
    await expect(page.getByTestId('order-notes-save')).toBeDisabled();

    await page.keyboard.press('Escape');
    await page.getByTestId('orders-filters-more').click();
    await page.getByTestId('orders-filter-tag').fill('vip-e2e');
    // The tag now in use is suggested, with the one order that carries it.
    await expect(page.getByTestId('orders-filter-tag-option').filter({ hasText: 'vip-e2e' })).toContainText(/vip-e2e\s*1$/);
    await page.getByTestId('orders-filter-tag').press('Enter');
    const rows = page.getByTestId('orders-table-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute('data-row-key', String(order.id));
  });

  test('a search that matches nothing says what to do', async ({ page, backroom }) => {
    await openConsole(page, backroom, '/orders');
    await page.getByTestId('orders-search').fill('no-such-customer-zzz@example.invalid');
    await expect(page.getByTestId('orders-empty')).toContainText('No orders match');
    await page.getByTestId('orders-empty').getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByTestId('orders-search')).toHaveValue('');
    await expect(page.getByTestId('orders-table-row').first()).toBeVisible();
  });
});

const money = (minor: number) => `$${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

async function chooseOptions(page: Page, testId: string, labels: string[]): Promise<void> {
  await page.getByTestId(testId).click();
  for (const label of labels) await page.getByRole('checkbox', { name: label, exact: true }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('checkbox', { name: labels[0], exact: true })).toBeHidden();
}
