import { readFileSync } from 'node:fs';
import { expect, openConsole, test } from './fixtures';
import { shotPath } from './shots';

/**
 * The recommendations area beyond tuning: saving (a stale save is refused
 * with its sentence and the newer settings load; a good one saves), the
 * customer preview's privacy statement, association rules with their figures
 * from the core, and publishing without a connected store (the way to Sync and
 * the CSV export).
 */
interface ConfigState { version: number; config: { weights: Record<string, number> } & Record<string, unknown> }

test.describe('recommendations pages', () => {
  test.describe.configure({ mode: 'serial' });
  test.use({ viewport: { width: 1440, height: 900 } });

  test.beforeAll(async ({ backroom }) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'light' });
  });
  test.afterAll(async ({ backroom }) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'auto' });
  });

  test('a stale save is refused with a sentence and the newer settings load; then a save goes through', async ({ page, backroom }) => {
    await openConsole(page, backroom, '/recommendations');
    await expect(page.getByTestId('recs-all-saved')).toBeVisible();
    const start = (await backroom.invoke('recs.config.get')) as ConfigState;

    await page.getByRole('slider', { name: 'Weight of “Trending”' }).focus();
    await page.keyboard.press('End');
    await expect(page.getByTestId('recs-unsaved')).toBeVisible();

    // Someone else saves in between (another window, the HTTP API).
    const theirs = { ...start.config, weights: { ...start.config.weights, content: 2 } };
    await backroom.invoke('recs.config.update', { config: theirs, expectedVersion: start.version });
    // The page hears of it (data.changed) and says so, but keeps the edits.
    await expect(page.getByTestId('recs-saved-elsewhere')).toBeVisible();
    await expect(page.getByTestId('recs-weight-value-trending')).toContainText('10');

    await page.getByTestId('recs-save').click();
    await expect(page.getByTestId('recs-save-error')).toContainText('Someone saved the recommendation settings while you were editing them');
    await expect(page.getByTestId('recs-weight-value-content')).toContainText('2');
    await expect(page.getByTestId('recs-weight-value-trending')).not.toContainText('10');
    const afterConflict = (await backroom.invoke('recs.config.get')) as ConfigState;
    expect(afterConflict.version).toBe(start.version + 1);
    expect(afterConflict.config.weights.trending).toBe(start.config.weights.trending);

    // Applied again on the newer settings, the save goes through.
    await page.getByRole('slider', { name: 'Weight of “Trending”' }).focus();
    await page.keyboard.press('End');
    await page.getByTestId('recs-save').click();
    await expect(page.getByTestId('recs-all-saved')).toBeVisible();
    const saved = (await backroom.invoke('recs.config.get')) as ConfigState;
    expect(saved.version).toBe(start.version + 2);
    expect(saved.config.weights).toMatchObject({ trending: 10, content: 2 });

    // Reset to defaults is an edit like any other: nothing is saved until Save.
    await page.getByTestId('recs-reset-defaults').click();
    await expect(page.getByTestId('recs-unsaved')).toBeVisible();
    await page.getByTestId('recs-save').click();
    await expect(page.getByTestId('recs-all-saved')).toBeVisible();
    const defaults = (await backroom.invoke('recs.config.get')) as ConfigState & { defaults: unknown };
    expect(defaults.config).toEqual(defaults.defaults);
  });

  test('a customer without personalization consent gets a list that says plainly it is not personal', async ({ page, backroom }) => {
    const email = backroom.scalar<string>(
      `SELECT c.email FROM customers c WHERE c.personalization_consent = 0 AND c.email IS NOT NULL
         AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id) ORDER BY c.id LIMIT 1`,
    );
    await openConsole(page, backroom, '/recommendations');
    await page.getByTestId('recs-customer-picker').click();
    await page.getByTestId('recs-customer-picker').fill(email);
    await page.getByRole('option', { name: email }).click();
    const preview = page.getByTestId('recs-customer-preview');
    await expect(preview).toHaveAttribute('data-personalized', 'false', { timeout: 20_000 });
    await expect(page.getByTestId('recs-not-personal')).toContainText('has not agreed to personalized recommendations');
    await expect(page.getByTestId('recs-customer-data-used').locator('[data-kind="no_consent"]')).toBeVisible();
    await expect(page.getByTestId('recs-customer-data-used').locator('[data-kind="customer_history"]')).toHaveCount(0);
  });

  test('a customer who agreed to personalization gets a personal list, drawn from their own orders', async ({ page, backroom }) => {
    const email = backroom.scalar<string>(
      `SELECT c.email FROM customers c WHERE c.personalization_consent = 1 AND c.email IS NOT NULL
         AND (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) >= 2 ORDER BY c.id LIMIT 1`,
    );
    await openConsole(page, backroom, '/recommendations');
    await page.getByTestId('recs-customer-picker').click();
    await page.getByTestId('recs-customer-picker').fill(email);
    await page.getByRole('option', { name: email }).click();
    const preview = page.getByTestId('recs-customer-preview');
    await expect(preview).toHaveAttribute('data-personalized', 'true', { timeout: 20_000 });
    await expect(page.getByTestId('recs-for-you-item').first()).toBeVisible();
    await expect(page.getByTestId('recs-customer-data-used').locator('[data-kind="customer_history"]')).toContainText('This customer’s own');
    await expect(page.getByTestId('recs-not-personal')).toHaveCount(0);
  });

  test('association rules: the table and its figures are the core’s, with the time it took', async ({ page, backroom }, testInfo) => {
    await openConsole(page, backroom, '/recommendations/rules');
    await expect(page.getByTestId('recs-rules-empty')).toBeVisible();
    await page.getByTestId('recs-rules-support').fill('0.002');
    await page.getByTestId('recs-rules-confidence').fill('0.1');
    await page.getByTestId('recs-rules-lift').fill('1');
    await page.getByTestId('recs-rules-mine').click();
    const expected = (await backroom.invoke('recs.rules.mine', { minSupport: 0.002, minConfidence: 0.1, minLift: 1, sort: 'lift', limit: 200 })) as {
      total: number; baskets: number; rules: unknown[];
    };
    const summary = page.getByTestId('recs-rules-summary');
    await expect(summary).toContainText(`${expected.total.toLocaleString('en')} rules in ${expected.baskets.toLocaleString('en')} baskets`);
    await expect(summary).toContainText('found in');
    await expect(page.getByTestId('recs-rules-table').locator('tbody tr')).toHaveCount(expected.rules.length);
    await page.screenshot({ path: shotPath('recs-rules-en-light.png', testInfo) });

    // A threshold out of range is a sentence beside the field, and nothing is asked.
    await page.getByTestId('recs-rules-support').fill('0');
    await expect(page.getByText('The minimum support must be above zero.')).toBeVisible();
    await expect(page.getByTestId('recs-rules-mine')).toBeDisabled();
  });

  test('publish with no connected store points to Sync, and the CSV export downloads the lists', async ({ page, backroom }) => {
    await openConsole(page, backroom, '/recommendations/publish');
    const noStore = page.getByTestId('recs-publish-no-store');
    await expect(noStore).toContainText('needs a connected Shopify or WooCommerce store');
    await expect(noStore.getByRole('link', { name: 'Connect a store' })).toHaveAttribute('href', /#\/sync\/connect$/);

    // Nothing trained in this worker yet: the export says to train first.
    await expect(page.getByTestId('recs-export-untrained')).toContainText('train the model on the Tuning tab first');
    await expect(page.getByTestId('recs-export-run')).toBeDisabled();
    await backroom.invoke('recs.train', {});
    await expect
      .poll(async () => ((await backroom.invoke('recs.status')) as { model: { status: string } | null }).model?.status, { timeout: 60_000 })
      .toBe('ready');
    await expect(page.getByTestId('recs-export-run')).toBeEnabled({ timeout: 10_000 });

    const downloading = page.waitForEvent('download');
    await page.getByTestId('recs-export-run').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
    const lines = csv.trim().split(/\r?\n/);
    await expect(page.getByTestId('recs-export-done')).toContainText(`${(lines.length - 1).toLocaleString('en')} rows saved as ${download.suggestedFilename()}`);
    expect(lines.length).toBeGreaterThan(1);
  });
});
