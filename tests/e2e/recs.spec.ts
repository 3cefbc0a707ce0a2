import type { Page } from '@playwright/test';
import { expect, openConsole, test, type Backroom } from './fixtures';
import { shotPath } from './shots';

/**
 * Recommendation tuning end to end, on the real core (training in its
 * worker): train, move a weight and see the preview's scores change, run an
 * evaluation with its progress bar and chart, and a bad setting refused with
 * its sentence while the saved settings stay as they were. Screenshots of the
 * tuning and evaluation pages.
 */

/** The related list as "id:score" pairs, in order: what the merchant sees change. */
const relatedSignature = (page: Page) =>
  page.getByTestId('recs-related-item').evaluateAll((items) => items.map((li) => `${li.getAttribute('data-product-id')}:${li.getAttribute('data-score')}`).join(' '));

/** Trains from the tuning page when nothing is trained yet, and waits for the model's facts. */
async function ensureTrained(page: Page) {
  const status = page.getByTestId('recs-model-status');
  await expect(status).toBeVisible();
  if (await page.getByTestId('recs-model-empty').isVisible()) {
    await expect(page.getByTestId('recs-model-empty')).toContainText('Nothing trained yet');
    await page.getByTestId('recs-train').click();
  }
  await expect(status).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(page.getByTestId('recs-model-facts')).toContainText('orders placed');
}

/** Before a picture: no notification over the header, no hover tooltip, no slider's value bubble. */
async function settle(page: Page) {
  const closeButtons = page.locator('.mantine-Notification-root').getByRole('button');
  for (const button of await closeButtons.all()) await button.click();
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
  const focused = page.locator(':focus');
  if (await focused.count()) await focused.blur();
  await page.mouse.move(5, 890);
}

async function look(page: Page, backroom: Backroom, locale: 'en' | 'zh-CN', colorScheme: 'light' | 'dark', path: string) {
  await backroom.invoke('settings.update', { locale, colorScheme });
  await openConsole(page, backroom, path);
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme);
}

test.describe('recommendation tuning', () => {
  test.describe.configure({ mode: 'serial' });
  test.use({ viewport: { width: 1440, height: 900 } });

  test.afterAll(async ({ backroom }) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'auto' });
  });

  test('train, then moving a weight changes the preview of the unsaved settings', async ({ page, backroom }, testInfo) => {
    const problems: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    await look(page, backroom, 'en', 'light', '/recommendations');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recommendations');
    await ensureTrained(page);

    // The preview starts on a product from the latest orders and shows its lists with the scores by source.
    const related = page.getByTestId('recs-related-item');
    await expect(related.first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('recs-product-data-used')).toContainText('Which data this used');
    const before = await relatedSignature(page);

    // Arrow keys and End move a slider: popularity to its maximum (10).
    const slider = page.getByRole('slider', { name: 'Weight of “Popular”' });
    await slider.focus();
    await page.keyboard.press('End');
    await expect(page.getByTestId('recs-weight-value-popularity')).toContainText('10');
    await expect(page.getByTestId('recs-unsaved')).toBeVisible();
    await expect.poll(() => relatedSignature(page), { timeout: 10_000 }).not.toBe(before);

    // The comparison shows saved against edited, with the products that moved highlighted.
    await expect(page.getByTestId('recs-compare-summary')).toContainText(/products are in a different place|Both lists are the same/);
    await settle(page);
    await page.screenshot({ path: shotPath('recs-en-light.png', testInfo) });
    await page.screenshot({ path: shotPath('recs-tuning-full-en-light.png', testInfo), fullPage: true });

    // Nothing was saved by moving a slider.
    const saved = (await backroom.invoke('recs.config.get')) as { config: { weights: { popularity: number } } };
    expect(saved.config.weights.popularity).not.toBe(10);
    expect(problems).toEqual([]);
  });

  test('a price window upside down is shown as a sentence and never saved', async ({ page, backroom }) => {
    const savedBefore = (await backroom.invoke('recs.config.get')) as { version: number; config: unknown };
    await openConsole(page, backroom, '/recommendations');
    await expect(page.getByTestId('recs-savebar')).toBeVisible();
    await page.getByRole('switch', { name: 'Price window around the product shown' }).check();
    await page.getByTestId('recs-price-min').fill('50');
    await page.getByTestId('recs-price-max').fill('-20');
    await page.getByTestId('recs-price-max').blur();
    await expect(page.getByTestId('recs-price-window-error')).toHaveText(
      'The price window is upside down: its lowest price must not be above its highest.',
    );
    await page.getByTestId('recs-save').click();
    await expect(page.getByTestId('recs-save-error')).toContainText('Nothing was saved');

    await page.reload();
    await expect(page.getByTestId('recs-savebar')).toBeVisible();
    await expect(page.getByTestId('recs-all-saved')).toBeVisible();
    await expect(page.getByRole('switch', { name: 'Price window around the product shown' })).not.toBeChecked();
    const savedAfter = (await backroom.invoke('recs.config.get')) as { version: number; config: unknown };
    expect(savedAfter).toMatchObject({ version: savedBefore.version, config: savedBefore.config });
  });

  test('an evaluation runs with a progress bar, then shows its figures against popularity and a chart', async ({ page, backroom }, testInfo) => {
    await look(page, backroom, 'en', 'light', '/recommendations/evaluate');
    await expect(page.getByTestId('recs-evaluate-form')).toBeVisible();
    // A fast run may show its bar only briefly: record every appearance from before the click.
    // (A script string: the e2e tsconfig has no DOM types; this runs in the page.)
    await page.evaluate(`
      window.recsProgressSeen = 0;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="recs-eval-progress"] [role="progressbar"]')) window.recsProgressSeen += 1;
      }).observe(document.body, { childList: true, subtree: true, attributes: true });
    `);
    const experimentsBefore = backroom.scalar<number>('SELECT count(*) FROM recs_experiments');
    await page.getByTestId('recs-eval-split').getByText('Last basket held out').click();
    await page.getByTestId('recs-eval-run').click();

    const result = page.getByTestId('recs-eval-result');
    await expect(result).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
    expect(await page.evaluate<number>('window.recsProgressSeen')).toBeGreaterThan(0);
    expect(backroom.scalar<number>('SELECT count(*) FROM recs_experiments')).toBe(experimentsBefore + 1);

    // Popularity is always beside the candidate, at every k asked for (5, 10, 20 by default).
    await expect(page.getByTestId('recs-results-candidate')).toHaveCount(3);
    await expect(page.getByTestId('recs-results-baseline')).toHaveCount(3);
    await expect(page.getByTestId('recs-eval-split-sentence')).toContainText('last basket held out');
    await expect(page.getByTestId('recs-chart-over-k').locator('.recharts-line')).toHaveCount(2);
    await expect(page.getByTestId('recs-chart-experiments').locator('.recharts-line')).toHaveCount(2);
    await expect(page.getByTestId('recs-eval-config')).toContainText('Settings: weights');
    await settle(page);
    await page.screenshot({ path: shotPath('recs-evaluate-en-light.png', testInfo), fullPage: true });

    // An experiment's settings load back into the editor, on the tuning tab.
    await page.getByTestId('recs-experiment-row').first().getByRole('button', { name: /^Load the settings of/ }).click();
    await expect(page).toHaveURL(/#\/recommendations$/);
    await expect(page.getByText(/are in the editor, not saved yet/)).toBeVisible();
    await expect(page.getByTestId('recs-savebar')).toBeVisible();
  });

  test('recs-zh-dark.png: the tuning page in Chinese, dark', async ({ page, backroom }, testInfo) => {
    await look(page, backroom, 'zh-CN', 'dark', '/recommendations');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('商品推荐');
    await expect(page.getByTestId('recs-model-facts')).toBeVisible();
    await expect(page.getByTestId('recs-related-item').first()).toBeVisible({ timeout: 20_000 });
    await settle(page);
    await page.screenshot({ path: shotPath('recs-zh-dark.png', testInfo) });
  });
});
