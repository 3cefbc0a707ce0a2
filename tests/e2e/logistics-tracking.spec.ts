import type { TrackingProviderState } from '../../src/shared/contract';
import { startAfterShipServer } from '../support/aftership-server';
import { expect, openConsole, test } from './fixtures';

/**
 * Tracking settings against the local AfterShip stand-in: a key AfterShip
 * refuses is not saved and the refusal stays on screen; a good key is saved
 * and never shown back; "Refresh now" says in a sentence what came of it.
 */
const RIGHT_KEY = 'asat_right_key_0123456789abcdef';

test.describe('tracking settings', () => {
  test.afterAll(async ({ backroom }) => {
    await backroom.invoke('tracking.provider.update', { provider: 'aftership', enabled: false, intervalMinutes: 0, staffId: 1 });
  });

  test('a refused key is not saved, a good one is kept secret, and a refresh is explained', async ({ page, backroom }) => {
    const server = await startAfterShipServer({ apiKey: RIGHT_KEY });
    try {
      await openConsole(page, backroom, '/logistics/tracking');
      const form = page.getByTestId('tracking-form');
      await expect(form).toBeVisible();
      const enabled = page.getByTestId('tracking-enabled');
      if (!(await enabled.isChecked())) await enabled.click({ force: true });
      await page.getByTestId('tracking-base-url').fill(server.url);
      await page.getByTestId('tracking-interval').fill('0');
      const before = (await backroom.invoke('tracking.provider.get')) as TrackingProviderState;
      if (!before.hasKey) {
        // Turning tracking on without a key is refused before anything is sent.
        await page.getByTestId('tracking-save').click();
        await expect(form.getByText('Type the API key to turn tracking on.')).toBeVisible();
      }

      await page.getByTestId('tracking-api-key').fill('asat_wrong_key');
      await page.getByTestId('tracking-save').click();
      await expect(page.getByTestId('tracking-save-error')).toContainText('not saved');
      expect(server.state.requests.some((request) => request.status === 401), 'AfterShip was asked, and refused the key').toBe(true);
      expect(((await backroom.invoke('tracking.provider.get')) as TrackingProviderState).hasKey).toBe(before.hasKey);

      await page.getByTestId('tracking-api-key').fill(RIGHT_KEY);
      await page.getByTestId('tracking-save').click();
      await expect(page.getByText('Tracking settings saved.')).toBeVisible();
      await expect(page.getByTestId('tracking-save-error')).toHaveCount(0);
      const saved = (await backroom.invoke('tracking.provider.get')) as TrackingProviderState;
      expect(saved).toMatchObject({ enabled: true, hasKey: true, intervalMinutes: 0 });
      expect(JSON.stringify(saved)).not.toContain(RIGHT_KEY);
      await expect(page.getByTestId('tracking-api-key')).toHaveValue('');
      await expect(form).toContainText('A key is saved');

      await page.getByTestId('tracking-refresh-now').click();
      const result = page.getByTestId('tracking-refresh-result');
      await expect(result).toContainText(`Checked ${saved.following.toLocaleString('en')} shipments:`, { timeout: 45_000 });
      await expect(result).toContainText(/[\d,]+ updated, [\d,]+ new scans, [\d,]+ could not be checked\./);
      await expect(page.getByTestId('tracking-status')).not.toContainText('not checked yet');
    } finally {
      await server.close();
    }
  });
});
