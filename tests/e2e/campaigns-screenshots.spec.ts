import { expect, openConsole, test } from './fixtures';
import { shotPath } from './shots';

/** The campaigns pictures the README shows, taken once each screen shows its data (see shots.ts). */
test.use({ viewport: { width: 1440, height: 900 } });

test.describe('campaigns screenshots', () => {
  test.afterAll(async ({ backroom }) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'auto' });
  });

  test('campaigns-list-en-light.png', async ({ page, backroom }, testInfo) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'light' });
    await openConsole(page, backroom, '/campaigns');
    await expect(page.getByTestId('campaign-row').first()).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot({ path: shotPath('campaigns-list-en-light.png', testInfo) });
  });

  test('campaigns-editor-en-light.png', async ({ page, backroom }, testInfo) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'light' });
    await openConsole(page, backroom, '/campaigns/new');
    await page.getByTestId('campaign-name').fill('Spring double points for champions');
    await page.getByTestId('audience-segments').click();
    await page.getByRole('option', { name: 'Champions', exact: true }).click();
    await page.getByRole('option', { name: 'Loyal', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('mechanic-add').click();
    await page.getByTestId('mechanic-add-multiplier').click();
    await page.getByTestId('mechanic-add').click();
    await page.getByTestId('mechanic-add-bonus').click();
    await expect(page.getByTestId('audience-preview')).toHaveAttribute('data-ready', 'true');
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: shotPath('campaigns-editor-en-light.png', testInfo), fullPage: true });
  });

  test('campaigns-report-en-light.png', async ({ page, backroom }, testInfo) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'light' });
    const id = backroom.scalar('SELECT id FROM campaigns WHERE launched_at IS NOT NULL ORDER BY id LIMIT 1');
    await openConsole(page, backroom, `/campaigns/${id}`);
    await expect(page.getByTestId('campaign-report')).toBeVisible();
    await expect(page.getByTestId('report-chart-repeat').locator('.recharts-line').first()).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot({ path: shotPath('campaigns-report-en-light.png', testInfo), fullPage: true });
  });

  test('campaigns-calendar-zh-dark.png', async ({ page, backroom }, testInfo) => {
    await backroom.invoke('settings.update', { locale: 'zh-CN', colorScheme: 'dark' });
    await openConsole(page, backroom, '/campaigns/calendar');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('营销活动');
    await expect(page.getByTestId('calendar-grid')).toBeVisible();
    await expect(page.getByTestId('calendar-campaign').first()).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot({ path: shotPath('campaigns-calendar-zh-dark.png', testInfo) });
  });
});
