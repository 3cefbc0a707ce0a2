import type { Page } from '@playwright/test';
import { expect, openConsole, test, type Backroom } from './fixtures';
import { shotPath } from './shots';

/**
 * The loyalty area's screens, each checked to have rendered its content before
 * the picture is taken (see shots.ts for where pictures go).
 */
type Scheme = 'light' | 'dark';
type Locale = 'en' | 'zh-CN';

async function shoot(page: Page, file: string, testInfo: { outputPath(name: string): string }, fullPage = true) {
  await page.screenshot({ path: shotPath(file, testInfo), fullPage });
}

async function richCustomerId(backroom: Backroom): Promise<number> {
  return backroom.scalar<number>(
    `SELECT customer_id FROM points_ledger GROUP BY customer_id ORDER BY sum(points) DESC, customer_id LIMIT 1`,
  );
}

async function prepare(backroom: Backroom, locale: Locale, colorScheme: Scheme) {
  await backroom.invoke('settings.update', { locale, colorScheme });
}

test.describe('loyalty screenshots', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test.beforeAll(async ({ backroom }) => {
    const { rewards } = (await backroom.invoke('loyalty.rewards.list', { includeInactive: true })) as { rewards: unknown[] };
    if (rewards.length > 0) return;
    await backroom.invoke('loyalty.rewards.save', { name: '$5 off', kind: 'fixed_amount', pointsCost: 500, valueMinor: 500 });
    await backroom.invoke('loyalty.rewards.save', { name: '10% off', kind: 'percent', pointsCost: 900, percent: 10, minOrderMinor: 3000 });
    await backroom.invoke('loyalty.rewards.save', { name: 'Free shipping', kind: 'free_shipping', pointsCost: 300, limitPerCustomer: 2 });
  });

  test.afterAll(async ({ backroom }) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'auto' });
  });

  for (const [locale, scheme] of [['en', 'light'], ['en', 'dark'], ['zh-CN', 'light']] as const) {
    const suffix = `${locale === 'en' ? 'en' : 'zh'}-${scheme}`;

    test(`overview ${suffix}`, async ({ page, backroom }, testInfo) => {
      await prepare(backroom, locale, scheme);
      await openConsole(page, backroom, '/loyalty');
      await expect(page.getByTestId('liability-kpis')).toBeVisible();
      await expect(page.getByTestId('liability-explanation')).toBeVisible();
      await shoot(page, `loyalty-overview-${suffix}.png`, testInfo);
    });

    test(`program ${suffix}`, async ({ page, backroom }, testInfo) => {
      await prepare(backroom, locale, scheme);
      await openConsole(page, backroom, '/loyalty/program');
      await expect(page.getByTestId('program-form')).toBeVisible();
      await shoot(page, `loyalty-program-${suffix}.png`, testInfo);
    });

    test(`rewards ${suffix}`, async ({ page, backroom }, testInfo) => {
      await prepare(backroom, locale, scheme);
      await openConsole(page, backroom, '/loyalty/rewards');
      await expect(page.getByTestId('reward-row').first()).toBeVisible();
      await shoot(page, `loyalty-rewards-${suffix}.png`, testInfo);
    });

    test(`expiring ${suffix}`, async ({ page, backroom }, testInfo) => {
      await prepare(backroom, locale, scheme);
      await openConsole(page, backroom, '/loyalty/expiring');
      await expect(page.getByTestId('expiring-table').or(page.getByTestId('expiring-empty'))).toBeVisible();
      await shoot(page, `loyalty-expiring-${suffix}.png`, testInfo);
    });

    test(`panel ${suffix}`, async ({ page, backroom }, testInfo) => {
      await prepare(backroom, locale, scheme);
      await openConsole(page, backroom, `/loyalty/customer/${await richCustomerId(backroom)}`);
      await expect(page.getByTestId('points-approved')).toBeVisible();
      await expect(page.getByTestId('points-history-row').first()).toBeVisible();
      await shoot(page, `loyalty-panel-${suffix}.png`, testInfo);
    });
  }

  test('program with tiers, a campaign and a refused field', async ({ page, backroom }, testInfo) => {
    await prepare(backroom, 'en', 'light');
    await openConsole(page, backroom, '/loyalty/program');
    const before = await page.getByTestId('tier-row').count();
    for (const [name, threshold] of [['Bronze', '0'], ['Silver', '1000'], ['Gold', '800']] as const) {
      await page.getByTestId('tier-add').click();
      const index = await page.getByTestId('tier-row').count() - 1;
      await page.getByTestId(`tier-${index}-name`).fill(name);
      await page.getByTestId(`tier-${index}-threshold`).fill(before === 0 ? threshold : String(Number(threshold) + 900_000));
    }
    await page.getByTestId('campaign-add').click();
    await page.getByTestId('campaign-row').last().getByRole('textbox').first().fill('Double points weekend');
    await page.getByTestId('program-save').click();
    await expect(page.getByTestId('program-error-count')).toBeVisible();
    // A full-page picture starts at the top, with nothing focused.
    await page.getByRole('heading', { level: 1 }).click();
    await shoot(page, 'loyalty-program-tiers-en-light.png', testInfo);
  });

  test('panel with tiers', async ({ page, backroom }, testInfo) => {
    await prepare(backroom, 'en', 'light');
    const saved = await backroom.invoke('loyalty.settings.get');
    await backroom.invoke('loyalty.settings.update', {
      ...(saved as object),
      tiers: [
        { id: 'bronze', name: 'Bronze', threshold: 0, multiplier: 1, benefits: '' },
        { id: 'silver', name: 'Silver', threshold: 500, multiplier: 1.25, benefits: 'Free shipping over $30' },
        { id: 'gold', name: 'Gold', threshold: 2000, multiplier: 1.5, benefits: 'Free shipping and early access' },
      ],
    });
    try {
      await openConsole(page, backroom, `/loyalty/customer/${await richCustomerId(backroom)}`);
      await expect(page.getByTestId('points-tier-name')).toBeVisible();
      await shoot(page, 'loyalty-panel-tiers-en-light.png', testInfo, false);
    } finally {
      await backroom.invoke('loyalty.settings.update', saved);
    }
  });

  test('coupon shown', async ({ page, backroom }, testInfo) => {
    await prepare(backroom, 'en', 'light');
    await openConsole(page, backroom, `/loyalty/customer/${await richCustomerId(backroom)}`);
    await page.getByTestId('redeem-open').click();
    await page.getByTestId('redeem-reward-option').first().click();
    await page.getByTestId('redeem-next').click();
    await page.getByTestId('redeem-confirm').click();
    await expect(page.getByTestId('coupon-code')).toBeVisible();
    await page.mouse.move(0, 0);
    await shoot(page, 'loyalty-coupon-en-light.png', testInfo, false);
  });
});
