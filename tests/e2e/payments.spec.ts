import type { PaymentsSummary } from '../../src/shared/contract';
import { shotPath } from './shots';
import { addDays, expect, openConsole, test, todayUtc } from './fixtures';

/** The payments page on the small demo store shows what payments.summary answers for the same range. */
test.describe('payments', () => {
  test('the payments page renders the store’s figures', async ({ page, backroom }) => {
    const range = { from: addDays(todayUtc(), -29), to: todayUtc() };
    const summary = (await backroom.invoke('payments.summary', { range, compare: true })) as PaymentsSummary;
    expect(summary.current.grossSalesMinor, 'the demo store sold something in the last 30 days').toBeGreaterThan(0);

    await openConsole(page, backroom, '/dashboard');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Payments', exact: true }).click();
    await expect(page).toHaveURL(/#\/payments$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payments');
    await expect(page.getByTestId('kpi-net-revenue')).toHaveAttribute('data-value', String(summary.current.netRevenueMinor));
    await expect(page.getByTestId('kpi-refunded')).toHaveAttribute('data-value', String(summary.current.refundedMinor));
    await expect(page.getByTestId('kpi-failed')).toHaveAttribute('data-value', String(summary.current.failedPayments));
    await expect(page.getByTestId('kpi-pending')).toHaveAttribute('data-value', String(summary.current.pendingPayments));

    const methods = page.getByTestId('payments-chart-method').getByTestId('payments-breakdown-row');
    await expect(methods).toHaveCount(summary.byMethod.length);
    const top = summary.byMethod[0]!;
    await expect(methods.first()).toHaveAttribute('data-amount', String(top.amountMinor));
    await expect(page.getByTestId('payments-chart-gateway').getByTestId('payments-breakdown-row')).toHaveCount(summary.byGateway.length);
    await expect(page.getByTestId('payments-chart-series').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByTestId('payments-attention-row')).toHaveCount(summary.attention.length);
    if (summary.attention.length > 0) {
      const first = summary.attention[0]!;
      await page.getByTestId('payments-attention-row').first().getByRole('link', { name: first.orderNumber }).click();
      await expect(page).toHaveURL(new RegExp(`#/orders/${first.orderId}$`));
    }
  });

  test('"Export CSV" downloads the rows behind a chart', async ({ page, backroom }) => {
    await openConsole(page, backroom, '/payments');
    const card = page.getByTestId('payments-chart-method');
    await expect(card.getByTestId('payments-breakdown-row').first()).toBeVisible();
    await card.getByTestId('chart-export').click();
    const download = page.waitForEvent('download');
    await page.getByTestId('chart-export-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('payments-revenue-by-method.csv');
  });
});

test.describe('payments screenshot', () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  test.afterAll(async ({ backroom }) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'auto' });
  });

  test('payments-en-light.png', async ({ page, backroom }, testInfo) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'light' });
    await openConsole(page, backroom, '/payments');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
    await expect(page.getByTestId('payments-chart-series').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByTestId('payments-breakdown-row').first()).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot({ path: shotPath('payments-en-light.png', testInfo) });
  });
});
