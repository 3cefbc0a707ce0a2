import { expect, openConsole, test } from './fixtures';
import { shotPath } from './shots';

/**
 * The dashboard in both languages and both themes at 1440×900. Every run checks
 * that each variant renders its figures before the picture (see shots.ts).
 */
const VARIANTS = [
  { file: 'dashboard-en-light.png', locale: 'en', colorScheme: 'light', title: 'Dashboard' },
  { file: 'dashboard-en-dark.png', locale: 'en', colorScheme: 'dark', title: 'Dashboard' },
  { file: 'dashboard-zh-light.png', locale: 'zh-CN', colorScheme: 'light', title: '概览' },
  { file: 'dashboard-zh-dark.png', locale: 'zh-CN', colorScheme: 'dark', title: '概览' },
] as const;

test.describe('dashboard screenshots', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test.afterAll(async ({ backroom }) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'auto' });
  });

  for (const variant of VARIANTS) {
    test(variant.file, async ({ page, backroom }, testInfo) => {
      await backroom.invoke('settings.update', { locale: variant.locale, colorScheme: variant.colorScheme });
      await openConsole(page, backroom);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(variant.title);
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', variant.colorScheme);
      await expect(page.getByTestId('kpi-grid')).toHaveAttribute('data-stale', 'false');
      await expect(page.getByTestId('chart-revenue').locator('.recharts-area-area')).toHaveCount(1);
      await expect(page.getByTestId('chart-customer-mix').locator('.recharts-bar-rectangle').first()).toBeVisible();
      await expect(page.getByTestId('store-name')).toBeVisible();

      await page.screenshot({ path: shotPath(variant.file, testInfo) });
    });
  }
});
