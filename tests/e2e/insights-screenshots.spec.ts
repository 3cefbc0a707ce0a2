import { expect, openConsole, test } from './fixtures';
import { shotPath } from './shots';

/**
 * The retention insights in English (light) and Chinese (dark), the whole page
 * at 1440 wide. Each variant checks its figures rendered before the picture.
 */
const VARIANTS = [
  { file: 'insights-en-light.png', locale: 'en', colorScheme: 'light', tab: 'Retention insights', all: 'All time' },
  { file: 'insights-zh-dark.png', locale: 'zh-CN', colorScheme: 'dark', tab: '留存洞察', all: '全部时间' },
] as const;

test.describe('insights screenshots', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  // The demo store has no segment computation yet: one gives the movement matrix something to show.
  test.beforeAll(async ({ backroom }) => {
    await backroom.invoke('customers.rfm.recompute', {});
  });

  test.afterAll(async ({ backroom }) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'auto' });
  });

  for (const variant of VARIANTS) {
    test(variant.file, async ({ page, backroom }, testInfo) => {
      await backroom.invoke('settings.update', { locale: variant.locale, colorScheme: variant.colorScheme });
      await openConsole(page, backroom);
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', variant.colorScheme);
      await page.getByTestId('range-presets').getByText(variant.all, { exact: true }).click();
      await page.getByRole('tab', { name: variant.tab }).click();
      await expect(page.getByTestId('insight-tiles')).toHaveAttribute('data-stale', 'false');
      await expect(page.getByTestId('cohort-heatmap').getByTestId('heat-cell').first()).toBeVisible();
      await expect(page.getByTestId('insight-time-between').locator('.recharts-bar-rectangle').first()).toBeVisible();
      await expect(page.getByTestId('insight-clv').locator('.recharts-line-curve').first()).toBeVisible();
      await expect(page.getByTestId('movement-grid').getByTestId('heat-cell').first()).toBeVisible();
      await expect(page.getByTestId('store-name')).toBeVisible();

      await page.screenshot({ path: shotPath(variant.file, testInfo), fullPage: true });
    });
  }
});
