import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, openConsole, test } from './fixtures';

/**
 * The dashboard in both languages and both themes at 1440×900. Every run checks
 * that each variant renders its figures; the pictures are written to
 * docs/screenshots only when BACKROOM_SCREENSHOTS=1 (so a test run does not
 * rewrite the committed images), otherwise into the test's output folder.
 */
const VARIANTS = [
  { file: 'dashboard-en-light.png', locale: 'en', colorScheme: 'light', title: 'Dashboard' },
  { file: 'dashboard-en-dark.png', locale: 'en', colorScheme: 'dark', title: 'Dashboard' },
  { file: 'dashboard-zh-light.png', locale: 'zh-CN', colorScheme: 'light', title: '概览' },
  { file: 'dashboard-zh-dark.png', locale: 'zh-CN', colorScheme: 'dark', title: '概览' },
] as const;

const DOCS_DIR = resolve(__dirname, '../../docs/screenshots');

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

      const target =
        process.env['BACKROOM_SCREENSHOTS'] === '1' ? join(DOCS_DIR, variant.file) : testInfo.outputPath(variant.file);
      mkdirSync(resolve(target, '..'), { recursive: true });
      await page.screenshot({ path: target });
    });
  }
});
