import { expect, openConsole, test } from './fixtures';

test.describe('languages', () => {
  // The worker's profile is shared by its tests: put English back whatever happens.
  test.afterEach(async ({ backroom }) => {
    await backroom.invoke('settings.update', { locale: 'en' });
  });

  test('switching to 中文 changes the console and is saved in the profile', async ({ page, browser, backroom }) => {
    await openConsole(page, backroom);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard');

    await page.getByTestId('language-switch').getByText('中文').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览');
    const nav = page.getByRole('navigation', { name: '主导航' });
    await expect(nav.getByRole('link', { name: '订单' })).toBeVisible();
    await expect(page.getByText('净收入').first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect
      .poll(() => backroom.scalar<string | undefined>("SELECT value FROM settings WHERE key = 'locale'"))
      .toContain('zh-CN');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览');

    // A browser that never saw the switch (no local cache) gets Chinese from the profile.
    const fresh = await browser.newContext({ baseURL: backroom.origin });
    try {
      const other = await fresh.newPage();
      await openConsole(other, backroom);
      await expect(other.getByRole('heading', { level: 1 })).toHaveText('概览');
      await expect(other.getByTestId('kpi-orders')).toBeVisible();
    } finally {
      await fresh.close();
    }
  });

  test('numbers and money follow the language', async ({ page, backroom }) => {
    await backroom.invoke('settings.update', { locale: 'zh-CN' });
    await openConsole(page, backroom);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览');
    const orders = page.getByTestId('kpi-orders');
    const count = Number(await orders.getAttribute('data-value'));
    await expect(orders).toHaveText(new Intl.NumberFormat('zh-CN').format(count));
    await expect(page.getByRole('radio', { name: '最近 30 天' })).toBeChecked();
  });
});
