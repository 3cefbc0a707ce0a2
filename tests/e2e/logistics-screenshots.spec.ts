import { expect, openConsole, test } from './fixtures';
import { shotPath } from './shots';

/** The logistics pictures the README shows, taken once each screen shows its data (see shots.ts). */
test.use({ viewport: { width: 1440, height: 900 } });

test.describe('logistics screenshots', () => {
  test.afterAll(async ({ backroom }) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'auto' });
  });

  test('logistics-en-light.png', async ({ page, backroom }, testInfo) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'light' });
    await openConsole(page, backroom, '/logistics');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
    await expect(page.getByTestId('kpi-shipped')).not.toHaveAttribute('data-value', '');
    await expect(page.getByTestId('logistics-chart-volume').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByTestId('logistics-chart-exceptions').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot({ path: shotPath('logistics-en-light.png', testInfo) });
  });

  test('logistics-exceptions-zh-dark.png', async ({ page, backroom }, testInfo) => {
    await backroom.invoke('settings.update', { locale: 'zh-CN', colorScheme: 'dark' });
    await openConsole(page, backroom, '/logistics/exceptions');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('物流');
    await expect(page.getByTestId('exception-row').first()).toBeVisible();
    await page.getByTestId('exception-open-ticket').first().click();
    await expect(page.getByTestId('exception-ticket-confirm')).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot({ path: shotPath('logistics-exceptions-zh-dark.png', testInfo) });
  });
});
