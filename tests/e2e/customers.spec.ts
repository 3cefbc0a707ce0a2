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

/** The tables whose rows a merge moves to the survivor. */
const MOVED_TABLES = ['orders', 'tickets', 'returns', 'feedback'] as const;
const countOf = (backroom: Backroom, table: (typeof MOVED_TABLES)[number], customerId: number): number =>
  backroom.scalar(`SELECT count(*) FROM ${table} WHERE customer_id = ?`, customerId);
const ordersOf = (backroom: Backroom, id: number) => countOf(backroom, 'orders', id);
/** Lifetime spend as the profile counts it: qualifying orders in the store's currency, total less refunds. */
const spendOf = (backroom: Backroom, id: number): number =>
  backroom.scalar(
    `SELECT coalesce(sum(o.total_minor - o.refunded_minor), 0) FROM orders o
      WHERE o.customer_id = ? AND o.currency = (SELECT s.currency FROM stores s JOIN customers c ON c.store_id = s.id WHERE c.id = ?)
        AND o.${QUALIFYING}`,
    id, id,
  );
const pointsOf = (backroom: Backroom, id: number): number =>
  backroom.scalar('SELECT coalesce(sum(points), 0) FROM points_ledger WHERE customer_id = ?', id);

/** Normalized as the core matches: email lower case and trimmed, phone digits only. */
const PHONE_DIGITS = `replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '')`;
const KEYED = `SELECT id, 'email' AS kind, lower(trim(email)) AS key FROM customers WHERE email IS NOT NULL AND merged_into_id IS NULL
  UNION ALL SELECT id, 'phone', ${PHONE_DIGITS} FROM customers WHERE phone IS NOT NULL AND merged_into_id IS NULL`;

interface SqlGroup { kind: string; key: string; ids: number[] }

/** Every group of customers not merged away who share a key, email groups first, in key order. */
function duplicateGroups(backroom: Backroom): SqlGroup[] {
  const json = backroom.scalar<string | null>(
    `WITH keyed AS (${KEYED}), grouped AS (
       SELECT kind, key, json_group_array(id) AS ids FROM (SELECT * FROM keyed ORDER BY id)
        WHERE key <> '' GROUP BY kind, key HAVING count(*) > 1)
     SELECT json_group_array(json_object('kind', kind, 'key', key, 'ids', json(ids)))
       FROM (SELECT * FROM grouped ORDER BY kind, key)`,
  );
  return json ? (JSON.parse(json) as SqlGroup[]) : [];
}

/**
 * A pair no other test merges: the one whose would-be source has the most
 * tickets, returns and feedback (then orders), so the merge has the most to move.
 */
function mergeCandidate(backroom: Backroom): { group: SqlGroup; sourceId: number; targetId: number } {
  const weight = (id: number) =>
    1_000 * (countOf(backroom, 'tickets', id) + countOf(backroom, 'returns', id) + countOf(backroom, 'feedback', id))
    + ordersOf(backroom, id);
  const candidates = duplicateGroups(backroom)
    .filter((g) => g.ids.length === 2)
    .flatMap((group) => group.ids.map((sourceId) => ({ group, sourceId, targetId: group.ids.find((id) => id !== sourceId)! })));
  candidates.sort((a, b) => weight(b.sourceId) - weight(a.sourceId) || a.sourceId - b.sourceId);
  const best = candidates[0];
  if (!best) throw new Error('The demo store has no pair of duplicate customers to merge.');
  return best;
}

/** Screenshots for a person to look at, only when asked for (BACKROOM_SHOTS_DIR). */
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  const dir = process.env['BACKROOM_SHOTS_DIR'];
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage });
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

  test('"Recompute segments" shows it is working, leaves the area usable, and says how many when done', async ({ page, backroom }) => {
    const customers = backroom.scalar('SELECT count(*) FROM customers WHERE merged_into_id IS NULL');
    await openConsole(page, backroom, '/customers/segments');
    await expect(page.getByTestId('segment-row').first()).toBeVisible();
    const before = backroom.scalar<string>('SELECT max(computed_at) FROM customer_rfm');
    // Held in the browser until released: on a big store the recompute takes seconds, here milliseconds.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/customers.rfm.recompute', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Recompute segments' }).click();
    await expect(page.getByTestId('segments-recomputing')).toContainText('Scoring every customer’s orders');
    await expect(page.getByTestId('segments-recompute-elapsed')).toContainText('s so far');
    await expect(page.getByTestId('segments-recompute')).toHaveAttribute('data-loading', 'true');
    await shot(page, 'segments-recomputing', false);
    // The figures stay on screen meanwhile, and the rest of the area works.
    await expect(page.getByTestId('segment-row')).toHaveCount(8);
    await page.getByRole('tab', { name: 'All customers' }).click();
    await expect(rows(page).first()).toBeVisible();
    await expect(page.getByTestId('segments-tab-busy')).toBeVisible();

    release();
    // Told when done, though the Segments tab was left.
    await expect(page.getByText(`Segments recomputed for ${customers.toLocaleString('en-US')} customers`)).toBeVisible();
    await expect(page.getByTestId('segments-tab-busy')).toHaveCount(0);
    await expect.poll(() => backroom.scalar<string>('SELECT max(computed_at) FROM customer_rfm')).not.toBe(before);
    await page.getByRole('tab', { name: 'Segments' }).click();
    await expect(page.getByTestId('segment-row')).toHaveCount(8);
    await expect(page.getByTestId('segments-recomputing')).toHaveCount(0);
    await page.unroute('**/api/customers.rfm.recompute');
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

  test('duplicates: the tab shows exactly the groups SQL finds, each with its customers and their figures', async ({ page, backroom }) => {
    const groups = duplicateGroups(backroom);
    // The demo makes second accounts (same email in other case, or the same phone) for about 1% of customers.
    expect(groups.length).toBeGreaterThan(0);
    await openConsole(page, backroom, '/customers/duplicates');
    await expect(page.getByRole('tab', { name: 'Duplicates' })).toHaveAttribute('aria-selected', 'true');
    const cards = page.getByTestId('duplicate-group');
    await expect(cards).toHaveCount(Math.min(25, groups.length));
    // Email groups first, then phone groups, each in key order, as the core pages them.
    expect(await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-key')))).toEqual(
      groups.slice(0, 25).map((g) => g.key),
    );
    for (const group of groups.slice(0, 3)) {
      const card = cards.and(page.locator(`[data-key="${group.key}"]`));
      const members = card.getByTestId('duplicate-customer');
      expect(await members.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-customer-id'))))).toEqual(group.ids);
      for (const id of group.ids) {
        const column = members.and(page.locator(`[data-customer-id="${id}"]`));
        await expect(column.getByTestId('duplicate-orders')).toHaveAttribute('data-value', String(ordersOf(backroom, id)));
        await expect(column.getByTestId('duplicate-spend')).toHaveAttribute('data-value', String(spendOf(backroom, id)));
        await expect(column.getByTestId('duplicate-points')).toHaveAttribute('data-value', String(pointsOf(backroom, id)));
      }
    }
    await shot(page, 'duplicates-tab');
  });

  test('merging a duplicate through the dialog moves every order, ticket, return, feedback and point to the survivor', async ({ page, backroom }) => {
    const { group, sourceId, targetId } = mergeCandidate(backroom);
    const owned = (id: number) =>
      Object.fromEntries(MOVED_TABLES.map((table) => [table, countOf(backroom, table, id)])) as Record<(typeof MOVED_TABLES)[number], number>;
    const source = owned(sourceId);
    const target = owned(targetId);
    const points = { source: pointsOf(backroom, sourceId), target: pointsOf(backroom, targetId) };
    expect(source.orders + source.tickets + source.returns + source.feedback).toBeGreaterThan(0);
    // Not the default (the owner): the merge must record whoever is acting.
    const staff = backroom.scalar<string>(`SELECT name FROM staff WHERE active = 1 AND role <> 'owner' ORDER BY id LIMIT 1`);
    const staffId = backroom.scalar<number>('SELECT id FROM staff WHERE name = ?', staff);

    await openConsole(page, backroom, '/customers/duplicates');
    await page.getByTestId('acting-staff').click();
    await page.getByRole('option', { name: staff }).click();
    await expect(page.getByTestId('acting-staff')).toHaveValue(staff);
    const card = page.locator(`[data-testid="duplicate-group"][data-key="${group.key}"]`);
    await card.locator(`[data-testid="duplicate-customer"][data-customer-id="${targetId}"]`).getByTestId('duplicate-merge-into').click();

    const modal = page.getByRole('dialog', { name: 'Merge customers' });
    await expect(modal).toBeVisible();
    await expect(modal).toContainText(`(#${targetId}) stays`);
    const moves = modal.getByTestId('merge-moves');
    await expect(moves).toHaveCount(1);
    await expect(moves).toHaveAttribute('data-customer-id', String(sourceId));
    await expect(moves).toContainText(`${source.orders} orders`);
    await expect(moves).toContainText(`${points.source.toLocaleString('en-US')} points`);
    await expect(modal).toContainText(`Recorded in the audit log as done by ${staff}.`);
    await shot(page, 'merge-dialog', false);
    await modal.getByTestId('merge-confirm').click();
    await expect(modal.getByTestId('merge-result')).toContainText(
      `${source.orders} orders, ${source.tickets} tickets, ${source.returns} returns, ${source.feedback} feedback`,
    );

    // In SQL: everything the merged customer had now belongs to the survivor, and no point was lost or made.
    for (const table of MOVED_TABLES) {
      expect({ table, source: countOf(backroom, table, sourceId) }).toEqual({ table, source: 0 });
      expect({ table, target: countOf(backroom, table, targetId) }).toEqual({ table, target: source[table] + target[table] });
    }
    expect(pointsOf(backroom, sourceId)).toBe(0);
    expect(pointsOf(backroom, targetId)).toBe(points.source + points.target);
    expect(backroom.scalar('SELECT merged_into_id FROM customers WHERE id = ?', sourceId)).toBe(targetId);
    expect(backroom.scalar('SELECT staff_id FROM customer_merges WHERE source_customer_id = ?', sourceId)).toBe(staffId);
    expect(backroom.scalar(
      `SELECT count(*) FROM audit_log WHERE action IN ('customer.merge', 'customer.merged_into') AND staff_id = ? AND entity_id IN (?, ?)`,
      staffId, sourceId, targetId,
    )).toBe(2);

    // The group is gone from the tab; the others stay.
    await modal.getByTestId('merge-close').click();
    await expect(modal).toBeHidden();
    await expect(card).toHaveCount(0);
    await expect(page.getByTestId('duplicate-group')).toHaveCount(Math.min(25, duplicateGroups(backroom).length));

    // The merged profile says so and leads to the survivor, whose profile shows everything.
    await openConsole(page, backroom, `/customers/${sourceId}`);
    await expect(page.getByTestId('profile-merged')).toContainText('This customer was merged into another one');
    await expect(page.getByTestId('profile-segment')).toHaveText(`Merged into #${targetId}`);
    await expect(page.getByTestId('profile-orders-empty')).toHaveText(`Its orders moved to customer #${targetId} with the merge.`);
    await shot(page, 'merged-profile');
    await page.getByTestId('profile-open-survivor').click();
    await expect(page).toHaveURL(new RegExp(`#/customers/${targetId}$`));
    await expect(page.getByTestId('profile-merged-from')).toContainText(`#${sourceId}`);
    await expect(page.getByTestId('profile-orders')).toHaveAttribute(
      'data-value',
      String(backroom.scalar(`SELECT count(*) FROM orders WHERE customer_id = ? AND ${QUALIFYING}`, targetId)),
    );
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
