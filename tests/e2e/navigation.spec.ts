import { expect, openConsole, test } from './fixtures';

const AREAS = [
  ['dashboard', 'Dashboard'],
  ['orders', 'Orders'],
  ['customers', 'Customers'],
  ['loyalty', 'Loyalty'],
  ['campaigns', 'Campaigns'],
  ['community', 'Community'],
  ['service', 'Service'],
  ['returns', 'Returns'],
  ['feedback', 'Feedback'],
  ['logistics', 'Logistics'],
  ['payments', 'Payments'],
  ['recommendations', 'Recommendations'],
  ['sync', 'Sync'],
  ['settings', 'Settings'],
] as const;

test.describe('navigation', () => {
  test('every area opens from the navigation and shows its title', async ({ page, backroom }) => {
    await openConsole(page, backroom);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (const [id, title] of AREAS) {
      await nav.getByRole('link', { name: title, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`#/${id}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(nav.getByRole('link', { name: title, exact: true })).toHaveAttribute('aria-current', 'page');
    }
  });

  test('the console loads with no errors in the browser console (CSP included)', async ({ page, backroom }) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await openConsole(page, backroom);
    await expect(page.getByTestId('chart-revenue').locator('.recharts-area-area')).toHaveCount(1);
    await page.getByTestId('nav-settings').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    expect(problems).toEqual([]);
  });

  test('every area in the sidebar opens its own page, none a placeholder', async ({ page, backroom }) => {
    await openConsole(page, backroom);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    const links = nav.getByRole('link');
    const names = (await links.allInnerTexts()).map((name) => name.trim()).filter(Boolean);
    expect(names.length).toBe(AREAS.length);
    for (const name of names) {
      await nav.getByRole('link', { name, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      await expect(page.getByTestId('coming-soon')).toHaveCount(0);
    }
  });

  test('an unknown address shows a not-found page with a way back', async ({ page, backroom }) => {
    await openConsole(page, backroom, '/no-such-area');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await page.getByRole('link', { name: 'Back to the dashboard' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard');
  });

  test('the keyboard reaches the navigation, with a visible focus, and Enter opens an area', async ({ page, backroom }) => {
    await openConsole(page, backroom);
    const focused = page.locator(':focus');
    const focusedNavId = async () => ((await focused.count()) ? await focused.getAttribute('data-testid') : null);
    // Skip link, header controls, then the navigation: a bounded number of Tabs.
    let presses = 0;
    while ((await focusedNavId()) !== 'nav-dashboard' && presses < 25) {
      await page.keyboard.press('Tab');
      presses += 1;
    }
    expect(await focusedNavId()).toBe('nav-dashboard');
    // Mantine's focus ring: an outline shown for keyboard focus only.
    await expect(focused).toHaveCSS('outline-style', 'solid');

    await page.keyboard.press('Tab');
    expect(await focusedNavId()).toBe('nav-orders');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Orders');
  });

  test('the first Tab offers a skip link to the content', async ({ page, backroom }) => {
    await openConsole(page, backroom);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    // The router owns the hash: skipping must not navigate away.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard');
  });
});
