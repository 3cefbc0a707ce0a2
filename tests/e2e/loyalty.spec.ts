import type { Page } from '@playwright/test';
import { expect, openConsole, test, type Backroom } from './fixtures';

/**
 * The loyalty area end to end on the small demo store: the rewards catalog,
 * a redemption from the customer's points panel (the coupon on screen is the
 * coupon in SQL, the points fall by the reward's cost), a bonus awarded by hand
 * that a second award of the same review cannot post again, a refused redemption
 * and a refused program change that leave the database as it was, and the
 * liability report showing the core's own figures.
 */

interface Balance {
  approved: number;
  pending: number;
  debt: number;
}
interface Liability {
  approvedPoints: number;
  pendingPoints: number;
  debtPoints: number;
  pointValueMinor: number;
  redemptionRate: number;
  liabilityMinor: number;
  expiringByMonth: { month: string; points: number }[];
}

/** The customer with the most points in the ledger, and what of it is spendable now. */
async function richCustomer(backroom: Backroom): Promise<{ customerId: number; balance: Balance }> {
  const customerId = backroom.scalar<number>(
    `SELECT customer_id FROM points_ledger GROUP BY customer_id ORDER BY sum(points) DESC, customer_id LIMIT 1`,
  );
  const balance = (await backroom.invoke('loyalty.balance', { customerId })) as Balance;
  return { customerId, balance };
}

const ledgerSum = (backroom: Backroom, customerId: number) =>
  backroom.scalar<number>('SELECT coalesce(sum(points), 0) FROM points_ledger WHERE customer_id = ?', customerId);
const couponCount = (backroom: Backroom, customerId: number) =>
  backroom.scalar<number>('SELECT count(*) FROM coupons WHERE customer_id = ?', customerId);

async function openRedeem(page: Page, rewardName: string): Promise<void> {
  await page.getByTestId('redeem-open').click();
  await page.getByTestId('redeem-reward-option').filter({ hasText: rewardName }).click();
  await page.getByTestId('redeem-next').click();
  await page.getByTestId('redeem-confirm').click();
}

test.describe('loyalty', () => {
  test('a reward created in the catalog is redeemed from the points panel', async ({ page, backroom }) => {
    const { customerId, balance } = await richCustomer(backroom);
    expect(balance.approved).toBeGreaterThan(10);
    const cost = Math.floor(balance.approved / 2);
    const name = `E2E voucher ${Date.now()}`;

    await openConsole(page, backroom, '/loyalty/rewards');
    await page.getByTestId('reward-create').first().click();
    const modal = page.getByTestId('reward-modal');
    await modal.getByTestId('reward-name').fill(name);
    await modal.getByTestId('reward-cost').fill(String(cost));
    await modal.getByTestId('reward-value').fill('5');
    await modal.getByTestId('reward-save').click();
    await expect(modal).toBeHidden();
    const row = page.getByTestId('reward-row').filter({ hasText: name });
    await expect(row).toBeVisible();
    expect(backroom.scalar('SELECT count(*) FROM rewards WHERE name = ? AND points_cost = ? AND value_minor = 500', name, cost)).toBe(1);

    const sumBefore = ledgerSum(backroom, customerId);
    const couponsBefore = couponCount(backroom, customerId);
    await openConsole(page, backroom, `/loyalty/customer/${customerId}`);
    await expect(page.getByTestId('points-approved')).toHaveAttribute('data-value', String(balance.approved));
    await openRedeem(page, name);

    const code = page.getByTestId('coupon-code');
    await expect(code).toBeVisible();
    const codeText = (await code.textContent())?.trim();
    expect(backroom.scalar<string>('SELECT code FROM coupons WHERE customer_id = ? ORDER BY id DESC LIMIT 1', customerId)).toBe(codeText);
    expect(couponCount(backroom, customerId)).toBe(couponsBefore + 1);
    expect(ledgerSum(backroom, customerId)).toBe(sumBefore - cost);
    expect(
      backroom.scalar<number>(
        `SELECT -l.points FROM coupons c JOIN points_ledger l ON l.id = c.ledger_entry_id WHERE c.code = ?`,
        codeText,
      ),
    ).toBe(cost);

    await page.getByTestId('redeem-done').getByRole('button').last().click();
    await expect(page.getByTestId('points-approved')).toHaveAttribute('data-value', String(balance.approved - cost));
    await expect(page.getByTestId('points-coupons').getByTestId('coupon-list-code').first()).toHaveText(codeText!);
    await expect(page.getByTestId('points-history-row').first()).toContainText(`−${cost.toLocaleString('en')}`);
  });

  test('a redemption the balance cannot pay shows a sentence and posts nothing', async ({ page, backroom }) => {
    const { customerId, balance } = await richCustomer(backroom);
    const name = `E2E too dear ${Date.now()}`;
    await backroom.invoke('loyalty.rewards.save', { name, kind: 'free_shipping', pointsCost: balance.approved + 1_000 });
    const sumBefore = ledgerSum(backroom, customerId);
    const couponsBefore = couponCount(backroom, customerId);

    await openConsole(page, backroom, `/loyalty/customer/${customerId}`);
    await expect(page.getByTestId('points-approved')).toHaveAttribute('data-value', String(balance.approved));
    await openRedeem(page, name);
    const error = page.getByTestId('redeem-error');
    await expect(error).toBeVisible();
    await expect(error).toHaveText(/\w+ .*\.$/);
    await expect(error).not.toContainText('{');
    await expect(page.getByTestId('coupon-code')).toHaveCount(0);
    expect(ledgerSum(backroom, customerId)).toBe(sumBefore);
    expect(couponCount(backroom, customerId)).toBe(couponsBefore);
  });

  test('overlapping tiers show the field error and save nothing', async ({ page, backroom }) => {
    const storedBefore = backroom.scalar<string | null>(`SELECT value FROM settings WHERE key = 'loyalty'`) ?? null;
    const updates: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/loyalty.settings.update')) updates.push(request.url());
    });

    await openConsole(page, backroom, '/loyalty/program');
    await expect(page.getByTestId('program-form')).toHaveAttribute('data-dirty', 'false');
    const tiersBefore = await page.getByTestId('tier-row').count();
    await page.getByTestId('tier-add').click();
    await page.getByTestId('tier-add').click();
    const first = tiersBefore;
    const second = tiersBefore + 1;
    await page.getByTestId(`tier-${first}-name`).fill('Silver');
    await page.getByTestId(`tier-${second}-name`).fill('Gold');
    await page.getByTestId(`tier-${first}-threshold`).fill(first === 0 ? '0' : '900000');
    await page.getByTestId(`tier-${second}-threshold`).fill(first === 0 ? '0' : '900000');
    await expect(page.getByTestId('program-unsaved')).toBeVisible();
    await page.getByTestId('program-save').click();

    const thresholdError = page.getByTestId('tier-row').nth(second).getByText(/must be greater than the previous tier/);
    await expect(thresholdError).toBeVisible();
    await expect(thresholdError).toHaveText(/^Threshold must be greater than the previous tier’s threshold \(\d+\), or the tiers overlap\.$/);
    expect(updates).toEqual([]);
    expect(backroom.scalar<string | null>(`SELECT value FROM settings WHERE key = 'loyalty'`) ?? null).toBe(storedBefore);

    // The core refuses the same program on its own, with the same field named.
    const saved = await backroom.invoke('loyalty.settings.get');
    const overlapping = {
      ...(saved as object),
      tiers: [
        { id: 'silver', name: 'Silver', threshold: 0, multiplier: 1, benefits: '' },
        { id: 'gold', name: 'Gold', threshold: 0, multiplier: 1, benefits: '' },
      ],
    };
    await expect(backroom.invoke('loyalty.settings.update', overlapping)).rejects.toThrow(/VALIDATION.*tiers\.1\.threshold/);
    expect(backroom.scalar<string | null>(`SELECT value FROM settings WHERE key = 'loyalty'`) ?? null).toBe(storedBefore);

    // Another tab and back: the unsaved edits are still there.
    await page.getByTestId('loyalty-tab-rewards').click();
    await expect(page).toHaveURL(/#\/loyalty\/rewards$/);
    await page.getByTestId('loyalty-tab-program').click();
    await expect(page.getByTestId('program-unsaved')).toBeVisible();
    await expect(page.getByTestId('tier-row')).toHaveCount(tiersBefore + 2);

    await page.getByTestId('program-reset').click();
    await expect(page.getByTestId('program-form')).toHaveAttribute('data-dirty', 'false');
    await expect(page.getByTestId('tier-row')).toHaveCount(tiersBefore);
  });

  test('an adjustment needs a reason, names the acting staff, and a retry after a lost answer posts once', async ({ page, backroom }) => {
    const { customerId, balance } = await richCustomer(backroom);
    const reason = `E2E goodwill ${Date.now()}`;
    const adjustments = () =>
      backroom.scalar<number>(`SELECT count(*) FROM points_ledger WHERE customer_id = ? AND reason = ?`, customerId, reason);

    await openConsole(page, backroom, `/loyalty/customer/${customerId}`);
    await expect(page.getByTestId('points-approved')).toHaveAttribute('data-value', String(balance.approved));
    await page.getByTestId('adjust-open').click();
    const modal = page.getByTestId('adjust-modal');
    await modal.getByTestId('adjust-points').fill('25');
    await modal.getByTestId('adjust-submit').click();
    await expect(modal.getByText('Reason is required.')).toBeVisible();

    // The core posts the first attempt but its answer is lost on the way back.
    let firstKey: string | undefined;
    await page.route('**/api/loyalty.adjust', async (route) => {
      firstKey = (route.request().postDataJSON() as { idempotencyKey: string }).idempotencyKey;
      await route.fetch();
      await route.abort('connectionreset');
    }, { times: 1 });
    await modal.getByTestId('adjust-reason').fill(reason);
    await modal.getByTestId('adjust-submit').click();
    await expect(modal.getByTestId('adjust-error')).toBeVisible();
    expect(adjustments()).toBe(1);

    const retry = page.waitForRequest('**/api/loyalty.adjust');
    await modal.getByTestId('adjust-submit').click();
    expect(((await retry).postDataJSON() as { idempotencyKey: string }).idempotencyKey).toBe(firstKey);
    await expect(modal).toBeHidden();
    expect(adjustments()).toBe(1);
    const staffId = backroom.scalar<number>(
      `SELECT staff_id FROM points_ledger WHERE customer_id = ? AND reason = ?`, customerId, reason);
    expect(staffId).toBe(backroom.scalar<number>(`SELECT id FROM staff WHERE name = ?`, await page.getByTestId('acting-staff').inputValue()));
    await expect(page.getByTestId('points-approved')).toHaveAttribute('data-value', String(balance.approved + 25));
    await expect(page.getByTestId('points-history-row').first()).toContainText(reason);
  });

  test('a review bonus is awarded once per reference: again for the customer posts nothing, for another is refused', async ({ page, backroom }) => {
    const program = (await backroom.invoke('loyalty.settings.get')) as { bonusActions: Record<string, number> };
    const reviewPoints = (program.bonusActions['review'] ?? 0) + 37;
    await backroom.invoke('loyalty.settings.update', { ...program, bonusActions: { ...program.bonusActions, review: reviewPoints } });
    try {
      const { customerId, balance } = await richCustomer(backroom);
      const otherCustomerId = backroom.scalar<number>('SELECT id FROM customers WHERE id <> ? ORDER BY id LIMIT 1', customerId);
      const reference = `E2E-review-${Date.now()}`;
      const rows = () =>
        backroom.scalar<number>(`SELECT count(*) FROM points_ledger WHERE idempotency_key = ?`, `bonus:review:${reference}`);

      await openConsole(page, backroom, `/loyalty/customer/${customerId}`);
      await expect(page.getByTestId('points-approved')).toHaveAttribute('data-value', String(balance.approved));
      await page.getByTestId('bonus-open').click();
      const modal = page.getByTestId('bonus-modal');
      const review = modal.getByTestId('bonus-action-review');
      await expect(review).toContainText(`+${reviewPoints} pts`);
      for (const [action, points] of Object.entries(program.bonusActions)) {
        if (action !== 'review' && points === 0) await expect(modal.getByTestId(`bonus-action-${action}`)).toBeDisabled();
      }
      await review.click();
      await modal.getByTestId('bonus-submit').click();
      await expect(modal.getByText('Review id is required.')).toBeVisible();
      expect(rows()).toBe(0);

      await modal.getByTestId('bonus-reference').fill(reference);
      await expect(modal.getByTestId('bonus-submit')).toHaveText(`Award ${reviewPoints} points`);
      await modal.getByTestId('bonus-submit').click();
      await expect(modal).toBeHidden();
      await expect(page.getByText(`Review bonus given: ${reviewPoints} points.`)).toBeVisible();
      expect(rows()).toBe(1);
      const staffName = await page.getByTestId('acting-staff').inputValue();
      expect(
        backroom.scalar<number>(
          `SELECT count(*) FROM points_ledger l JOIN staff s ON s.id = l.staff_id
           WHERE l.idempotency_key = ? AND l.customer_id = ? AND l.entry_type = 'bonus' AND l.points = ? AND s.name = ?`,
          `bonus:review:${reference}`, customerId, reviewPoints, staffName,
        ),
      ).toBe(1);
      await expect(page.getByTestId('points-approved')).toHaveAttribute('data-value', String(balance.approved + reviewPoints));
      await expect(page.getByTestId('points-history-row').first()).toContainText(reference);

      // The same review for the same customer: the core answers with the first posting and writes nothing.
      await page.getByTestId('bonus-open').click();
      await modal.getByTestId('bonus-action-review').click();
      await modal.getByTestId('bonus-reference').fill(reference);
      await modal.getByTestId('bonus-submit').click();
      await expect(modal.getByTestId('bonus-already')).toContainText(`(${reviewPoints} points), so nothing new was posted.`);
      expect(rows()).toBe(1);
      await page.keyboard.press('Escape');
      await expect(modal).toBeHidden();

      // The same review for another customer: refused with the core's sentence.
      await openConsole(page, backroom, `/loyalty/customer/${otherCustomerId}`);
      await page.getByTestId('bonus-open').click();
      await modal.getByTestId('bonus-action-review').click();
      await modal.getByTestId('bonus-reference').fill(reference);
      await modal.getByTestId('bonus-submit').click();
      await expect(modal.getByTestId('bonus-error')).toHaveText('This action has already earned points for another customer.');
      expect(rows()).toBe(1);
      expect(
        backroom.scalar<number>(`SELECT count(*) FROM points_ledger WHERE customer_id = ? AND reason LIKE ?`, otherCustomerId, `%${reference}%`),
      ).toBe(0);
    } finally {
      await backroom.invoke('loyalty.settings.update', program);
    }
    const restored = (await backroom.invoke('loyalty.settings.get')) as { bonusActions: Record<string, number> };
    expect(restored).toEqual(program);
  });

  test('a valid program change is saved whole and the form is clean again', async ({ page, backroom }) => {
    const stored = () => JSON.parse(backroom.scalar<string | null>(`SELECT value FROM settings WHERE key = 'loyalty'`) ?? '{}');
    await openConsole(page, backroom, '/loyalty/program');
    const input = page.getByTestId('program-bonus-review');
    const before = await input.inputValue();
    await input.fill('40');
    await expect(page.getByTestId('program-unsaved')).toBeVisible();
    await page.getByTestId('program-save').click();
    await expect(page.getByTestId('program-form')).toHaveAttribute('data-dirty', 'false');
    expect(stored().bonusActions.review).toBe(40);

    await input.fill(before.replace(/,/g, ''));
    await page.getByTestId('program-save').click();
    await expect(page.getByTestId('program-form')).toHaveAttribute('data-dirty', 'false');
    expect(stored().bonusActions.review).toBe(Number(before.replace(/,/g, '')));
  });

  test('the liability figures on screen are the report’s', async ({ page, backroom }) => {
    await openConsole(page, backroom, '/loyalty');
    await expect(page.getByTestId('liability-kpis')).toBeVisible();
    const report = (await backroom.invoke('loyalty.liability')) as Liability;
    await expect(page.getByTestId('liability-approved')).toHaveAttribute('data-value', String(report.approvedPoints));
    await expect(page.getByTestId('liability-pending')).toHaveAttribute('data-value', String(report.pendingPoints));
    await expect(page.getByTestId('liability-debt')).toHaveAttribute('data-value', String(report.debtPoints));
    await expect(page.getByTestId('liability-point-value')).toHaveAttribute('data-value', String(report.pointValueMinor));
    await expect(page.getByTestId('liability-redemption-rate')).toHaveAttribute('data-value', String(report.redemptionRate));
    await expect(page.getByTestId('liability-money')).toHaveAttribute('data-value', String(report.liabilityMinor));
    await expect(page.getByTestId('liability-approved')).toHaveText(`${report.approvedPoints.toLocaleString('en')} pts`);
    const bars = report.expiringByMonth.filter((m) => m.points > 0).length;
    if (bars > 0) {
      await expect(page.getByTestId('chart-expiring-by-month').locator('.recharts-bar-rectangle')).toHaveCount(bars);
    }
  });
});
