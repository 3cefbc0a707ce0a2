import type { Page } from '@playwright/test';
import { expect, openConsole, test, type Backroom } from './fixtures';

/**
 * Campaigns end to end over the demo store: a campaign for a segment with a
 * 10 % holdout and bonus points is created, launched (with a double click),
 * its points land in the ledger once and in a treatment customer's history,
 * and its report opens. The figures on screen are checked against SQL.
 */
const SEGMENT_LABEL: Record<string, string> = {
  champions: 'Champions', loyal: 'Loyal', potential: 'Potential loyalists', new: 'New',
  atRisk: 'At risk', cantLose: "Can't lose", hibernating: 'Hibernating', lost: 'Lost',
};
const BONUS_POINTS = 100;

/** The segment with the most consenting customers, so the holdout split has something to split. */
async function biggestSegment(backroom: Backroom): Promise<string> {
  // The segments are computed at first view, as the Customers page would.
  await backroom.invoke('customers.list', { limit: 1 });
  return backroom.scalar<string>(
    `SELECT r.segment FROM customer_rfm r JOIN customers c ON c.id = r.customer_id
      WHERE c.marketing_consent = 1 GROUP BY r.segment ORDER BY count(*) DESC LIMIT 1`,
  );
}

function shiftMonth(month: string, by: number): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + by);
  return d.toISOString().slice(0, 7);
}

async function pickSegment(page: Page, label: string): Promise<void> {
  await page.getByTestId('audience-segments').click();
  await page.getByRole('option', { name: label, exact: true }).click();
  await page.keyboard.press('Escape');
}

async function addBonus(page: Page): Promise<void> {
  await page.getByTestId('mechanic-add').click();
  await page.getByTestId('mechanic-add-bonus').click();
  await expect(page.getByTestId('mechanic-bonus-points')).toHaveValue(String(BONUS_POINTS));
}

test.describe('campaigns', () => {
  test.afterAll(async ({ backroom }) => {
    await backroom.invoke('settings.update', { locale: 'en' });
  });

  test('a campaign for a segment with a 10 % holdout launches once, posts its points and shows its report', async ({ page, backroom }) => {
    const segment = await biggestSegment(backroom);
    const name = `Win back ${segment} ${Date.now()}`;
    await openConsole(page, backroom, '/campaigns');
    await page.getByTestId('campaign-new').click();
    await expect(page).toHaveURL(/#\/campaigns\/new$/);
    await page.getByTestId('campaign-name').fill(name);
    await pickSegment(page, SEGMENT_LABEL[segment]!);
    await expect(page.getByTestId('campaign-holdout')).toHaveValue('10');
    await addBonus(page);

    // The live preview counts the consenting members of the segment.
    const consenting = backroom.scalar(
      `SELECT count(*) FROM customer_rfm r JOIN customers c ON c.id = r.customer_id WHERE r.segment = ? AND c.marketing_consent = 1`, segment);
    await expect(page.getByTestId('preview-eligible')).toHaveAttribute('data-value', String(consenting));

    await page.getByTestId('campaign-save').click();
    await expect(page).toHaveURL(/#\/campaigns\/\d+$/);
    const id = Number(/campaigns\/(\d+)$/.exec(page.url())![1]);
    await expect(page.getByTestId('campaign-status')).toHaveAttribute('data-status', 'draft');
    await expect(page.getByTestId('report-not-launched')).toBeVisible();

    await page.getByTestId('campaign-launch').click();
    await expect(page.getByTestId('launch-what')).toContainText('100 bonus points');
    // A double click sends the same launch key twice at most: the points post once.
    await page.getByTestId('launch-confirm').dblclick();
    const result = page.getByTestId('launch-result');
    await expect(result).toBeVisible();

    const treatment = backroom.scalar(`SELECT count(*) FROM campaign_members WHERE campaign_id = ? AND arm = 'treatment'`, id);
    const holdout = backroom.scalar(`SELECT count(*) FROM campaign_members WHERE campaign_id = ? AND arm = 'holdout'`, id);
    expect(treatment + holdout).toBe(consenting);
    expect(treatment).toBeGreaterThan(0);
    const postings = () => backroom.scalar(`SELECT count(*) FROM points_ledger WHERE idempotency_key LIKE ?`, `campaign:${id}:bonus:%`);
    const posted = () => backroom.scalar(`SELECT coalesce(sum(points), 0) FROM points_ledger WHERE idempotency_key LIKE ?`, `campaign:${id}:bonus:%`);
    expect(postings()).toBe(treatment);
    expect(posted()).toBe(treatment * BONUS_POINTS);
    await expect(result).toHaveAttribute('data-points', String(treatment * BONUS_POINTS));
    await expect(result).toContainText(`Launched: ${(treatment * BONUS_POINTS).toLocaleString('en')} points posted, 0 coupons queued.`);
    // Nobody in the holdout got anything.
    expect(backroom.scalar(
      `SELECT count(*) FROM points_ledger l JOIN campaign_members m ON m.customer_id = l.customer_id AND m.campaign_id = ?
        WHERE m.arm = 'holdout' AND l.idempotency_key LIKE ?`, id, `campaign:${id}:%`)).toBe(0);

    await page.getByTestId('launch-close').click();
    await expect(page.getByTestId('campaign-points-posted')).toHaveAttribute('data-value', String(treatment * BONUS_POINTS));
    await expect(page.getByTestId('campaign-launch')).toHaveCount(0);

    // A second launch (another person, another key) posts nothing more.
    const staff = (await backroom.invoke('app.info')) as { staff: { id: number }[] };
    await backroom.invoke('campaigns.launch', { id, staffId: staff.staff[0]!.id, launchKey: `second-launch-${id}` }).catch(() => undefined);
    expect(postings()).toBe(treatment);

    // The report opens with the two arms as launched.
    await expect(page.getByTestId('campaign-report')).toBeVisible();
    await expect(page.getByTestId('report-arm-treatment')).toHaveAttribute('data-customers', String(treatment));
    await expect(page.getByTestId('report-arm-holdout')).toHaveAttribute('data-customers', String(holdout));
    await expect(page.getByTestId('report-repeatRate').getByTestId('report-difference')).toContainText(/significant/);
    await expect(page.locator('[data-chart^="campaign-"]')).toHaveCount(2);

    // A treatment customer's points history shows the campaign bonus.
    const customerId = backroom.scalar(`SELECT customer_id FROM campaign_members WHERE campaign_id = ? AND arm = 'treatment' LIMIT 1`, id);
    await page.goto(`${backroom.consoleUrl}#/customers/${customerId}`);
    const bonusRow = page.getByTestId('points-history-row').filter({ hasText: `Campaign bonus: ${name}` });
    await expect(bonusRow).toHaveCount(1);
    await expect(bonusRow).toContainText('+100');

    // The list shows it launched, with its frozen audience.
    await page.goto(`${backroom.consoleUrl}#/campaigns`);
    const row = page.getByTestId('campaign-row').filter({ hasText: name });
    await expect(row.getByTestId('campaign-status')).not.toHaveAttribute('data-status', 'draft');
    await expect(row).toContainText(`${consenting.toLocaleString('en')} (${treatment.toLocaleString('en')} get it`);
  });

  test('a campaign that is not valid says why in sentences and saves nothing', async ({ page, backroom }) => {
    const before = backroom.scalar('SELECT count(*) FROM campaigns');
    await openConsole(page, backroom, '/campaigns/new');
    await page.getByTestId('campaign-holdout').fill('60');
    await page.getByTestId('campaign-save').click();
    await expect(page.getByText('Name is required.')).toBeVisible();
    await expect(page.getByText('Pick at least one segment.')).toBeVisible();
    await expect(page.getByText('Holdout must be at most 50 %.')).toBeVisible();
    await expect(page.getByTestId('mechanics-error')).toHaveText('Add at least one mechanic: what the customers get.');
    await expect(page).toHaveURL(/#\/campaigns\/new$/);
    expect(backroom.scalar('SELECT count(*) FROM campaigns')).toBe(before);

    // Fixing a field clears its sentence at once.
    await page.getByTestId('campaign-name').fill('Spring thank-you');
    await expect(page.getByText('Name is required.')).toHaveCount(0);
    await expect(page.getByText('Pick at least one segment.')).toBeVisible();
  });

  test('a draft for an uploaded list counts what matched nobody, is edited with its version and cancelled', async ({ page, backroom }) => {
    const email = backroom.scalar<string>(`SELECT email FROM customers WHERE marketing_consent = 1 AND email IS NOT NULL ORDER BY id LIMIT 1`);
    const consentingId = backroom.scalar(`SELECT id FROM customers WHERE marketing_consent = 1 AND email IS NOT NULL AND email <> ? ORDER BY id LIMIT 1`, email);
    await openConsole(page, backroom, '/campaigns/new');
    await page.getByTestId('campaign-name').fill('VIP list thank-you');
    await page.getByTestId('audience-kind').getByText('List', { exact: true }).click();
    await page.getByTestId('audience-list').fill(`${email}\n${consentingId}\nnobody@example.invalid`);
    await expect(page.getByTestId('audience-list-count')).toHaveText('3 entries');
    await expect(page.getByTestId('preview-matched')).toHaveAttribute('data-value', '2');
    await expect(page.getByTestId('preview-unmatched')).toContainText('List entries that match no customer: 1');
    await expect(page.getByTestId('preview-unmatched')).toContainText('nobody@example.invalid');
    await addBonus(page);
    await page.getByTestId('campaign-save').click();
    await expect(page).toHaveURL(/#\/campaigns\/\d+$/);
    const id = Number(/campaigns\/(\d+)$/.exec(page.url())![1]);
    await expect(page.getByTestId('campaign-audience')).toHaveText('An uploaded list of 3 entries');

    await page.getByTestId('campaign-edit').click();
    await expect(page.getByTestId('campaign-name')).toHaveValue('VIP list thank-you');
    await page.getByTestId('campaign-name').fill('VIP list thank-you (spring)');
    await page.getByTestId('campaign-save').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('VIP list thank-you (spring)');
    expect(backroom.scalar('SELECT name FROM campaigns WHERE id = ?', id)).toBe('VIP list thank-you (spring)');

    await page.getByTestId('campaign-cancel').click();
    await page.getByTestId('campaign-cancel-confirm').click();
    await expect(page.getByTestId('campaign-status')).toHaveAttribute('data-status', 'cancelled');
    await expect(page.getByTestId('campaign-launch')).toHaveCount(0);
    await expect(page.getByTestId('campaign-edit')).toHaveCount(0);
  });

  test('the calendar shows campaigns by day and walks with the keyboard', async ({ page, backroom }) => {
    const staff = (await backroom.invoke('app.info')) as { staff: { id: number }[] };
    const today = new Date().toISOString().slice(0, 10);
    const created = (await backroom.invoke('campaigns.create', {
      name: 'Calendar check', goal: 'reward', startsAt: `${today}T00:00:00Z`, endsAt: `${today}T23:00:00Z`,
      audience: { kind: 'segment', segments: ['champions'] }, holdoutPercent: 10,
      mechanics: [{ kind: 'bonus', points: 5 }], staffId: staff.staff[0]!.id,
    })) as { id: number };
    await openConsole(page, backroom, '/campaigns/calendar');
    const cell = page.locator(`[data-testid="calendar-day"][data-day="${today}"]`);
    await expect(cell.getByTestId('calendar-campaign').filter({ hasText: 'Calendar check' })).toHaveCount(1);
    await expect(cell).toHaveAttribute('tabindex', '0');
    await cell.focus();
    await page.keyboard.press('ArrowDown');
    const nextWeek = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    await expect(page.locator(`[data-testid="calendar-day"][data-day="${nextWeek}"]`)).toBeFocused();
    // Page Down turns to the next month, the Previous button back.
    const shown = nextWeek.slice(0, 7);
    await expect(page.getByTestId('campaign-calendar')).toHaveAttribute('data-month', shown);
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('campaign-calendar')).toHaveAttribute('data-month', shiftMonth(shown, 1));
    await page.getByTestId('calendar-previous').click();
    await expect(page.getByTestId('campaign-calendar')).toHaveAttribute('data-month', shown);
    if (shown !== today.slice(0, 7)) await page.getByTestId('calendar-previous').click();
    await page.getByTestId('calendar-campaign').filter({ hasText: 'Calendar check' }).first().click();
    await expect(page).toHaveURL(new RegExp(`#/campaigns/${created.id}$`));
  });

  test('a lucky draw runs from a seed, verifies, and the coupon codes export as CSV', async ({ page, backroom }) => {
    const staff = (await backroom.invoke('app.info')) as { staff: { id: number }[] };
    const staffId = staff.staff[0]!.id;
    const today = new Date().toISOString().slice(0, 10);
    const created = (await backroom.invoke('campaigns.create', {
      name: 'Lucky draw check', goal: 'reward', startsAt: `${today}T00:00:00Z`, endsAt: `${today}T23:30:00Z`,
      audience: { kind: 'segment', segments: ['champions', 'loyal'] }, holdoutPercent: 10,
      mechanics: [{ kind: 'draw', winners: 3, weighting: 'none', prize: { kind: 'points', points: 250 } }], staffId,
    })) as { id: number };
    await backroom.invoke('campaigns.launch', { id: created.id, staffId, launchKey: `launch-draw-${created.id}` });

    await openConsole(page, backroom, `/campaigns/${created.id}/draws`);
    await page.getByTestId('draw-seed').fill('announced-seed-2026');
    await page.getByTestId('draw-run').click();
    const card = page.getByTestId('draw-card');
    await expect(card).toHaveCount(1);
    await expect(card.getByTestId('draw-winner')).toHaveCount(3);
    await expect(card.getByTestId('draw-seed-value')).toHaveText('announced-seed-2026');
    // The campaign's one draw has run: the form gives way to its result.
    await expect(page.getByTestId('draw-run')).toHaveCount(0);
    const drawId = Number(await card.getAttribute('data-id'));
    expect(backroom.scalar(`SELECT count(*) FROM points_ledger WHERE idempotency_key LIKE ?`, `draw:${drawId}:%`)).toBe(3);
    await card.getByTestId('draw-verify').click();
    await expect(card.getByTestId('draw-verification')).toHaveAttribute('data-ok', 'true');
    await expect(card.getByTestId('draw-verification')).toContainText('Verified: the saved seed and entrant list pick the same 3 winners in the same order.');

    // The demo campaign gives coupons: its codes download as one CSV row each.
    const demoId = backroom.scalar(`SELECT campaign_id FROM campaign_coupons ORDER BY id LIMIT 1`);
    const codes = backroom.scalar(`SELECT count(*) FROM campaign_coupons WHERE campaign_id = ?`, demoId);
    await page.goto(`${backroom.consoleUrl}#/campaigns/${demoId}/exports`);
    const download = page.waitForEvent('download');
    await page.getByTestId('export-coupons').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const text = (await import('node:fs')).readFileSync((await file.path())!, 'utf8');
    expect(text.trim().split(/\r?\n/)).toHaveLength(codes + 1);
    await expect(page.getByTestId('export-prices-unavailable')).toBeVisible();
  });

  test('the area opens from the navigation, after Loyalty', async ({ page, backroom }) => {
    await openConsole(page, backroom);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    const links = await nav.getByRole('link').allInnerTexts();
    expect(links.indexOf('Campaigns')).toBe(links.indexOf('Loyalty') + 1);
    await nav.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await expect(page).toHaveURL(/#\/campaigns$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Campaigns');
    await expect(nav.getByRole('link', { name: 'Campaigns', exact: true })).toHaveAttribute('aria-current', 'page');
    await page.goto(`${backroom.consoleUrl}#/campaigns/not-a-page`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });

  test('the campaigns area renders in Simplified Chinese', async ({ page, backroom }) => {
    await backroom.invoke('settings.update', { locale: 'zh-CN' });
    await openConsole(page, backroom, '/campaigns');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('营销活动');
    await expect(page.getByTestId('campaigns-tab-calendar')).toHaveText('日历');
    await page.getByTestId('campaign-new').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('新建活动');
    await page.getByTestId('campaign-save').click();
    await expect(page.getByText('名称为必填项。')).toBeVisible();
    await expect(page.getByText('请至少选择一个分群。')).toBeVisible();
    // The report of the demo campaign (still running), caveats included, in Chinese.
    const demoId = backroom.scalar('SELECT id FROM campaigns WHERE launched_at IS NOT NULL ORDER BY id LIMIT 1');
    await page.goto(`${backroom.consoleUrl}#/campaigns/${demoId}`);
    await expect(page.getByTestId('report-arm-treatment')).toContainText('参与活动');
    await expect(page.getByTestId('report-caveats')).toContainText('活动仍在进行');
    await expect(page.getByTestId('report-repeatRate').getByTestId('report-difference')).toContainText(/个百分点.*显著/);
    await backroom.invoke('settings.update', { locale: 'en' });
  });
});
