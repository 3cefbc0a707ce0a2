import { expect, openConsole, test } from './fixtures';

const UNAUTHORIZED =
  'This console is not signed in. Open it again from the link Backroom printed, including its token.';
const OFFLINE = 'The console cannot reach Backroom right now. Check that Backroom is running.';

test.describe('errors are sentences', () => {
  test('a wrong token shows the UNAUTHORIZED sentence, not JSON', async ({ page, backroom }) => {
    await page.goto(`${backroom.origin}/?token=not-the-token#/dashboard`);
    const alert = page.getByTestId('query-error').first();
    await expect(alert).toBeVisible();
    await expect(alert).toHaveAttribute('data-code', 'UNAUTHORIZED');
    await expect(alert).toContainText(UNAUTHORIZED);
    await expect(alert).not.toContainText('{');
    await expect(page.getByTestId('kpi-orders')).toHaveCount(0);
  });

  test('the token is taken out of the address bar', async ({ page, backroom }) => {
    await openConsole(page, backroom);
    await expect(page.getByTestId('kpi-orders')).toBeVisible();
    expect(page.url()).not.toContain('token=');
  });

  test('an unreachable core shows the OFFLINE sentence, and Retry recovers', async ({ page, backroom }) => {
    await page.route('**/api/dashboard.summary', (route) => route.abort('connectionrefused'));
    await openConsole(page, backroom);
    const alert = page.getByTestId('query-error').first();
    await expect(alert).toHaveAttribute('data-code', 'OFFLINE');
    await expect(alert).toContainText(OFFLINE);

    await page.unroute('**/api/dashboard.summary');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByTestId('kpi-orders')).toBeVisible();
    await expect(page.getByTestId('query-error')).toHaveCount(0);
  });
});
