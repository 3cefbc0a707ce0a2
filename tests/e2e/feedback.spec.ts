import type { Page } from '@playwright/test';
import { expect, openConsole, test, type Backroom } from './fixtures';
import { shotPath } from './shots';

/**
 * The feedback inbox end to end: a CSV import with one malformed row (the
 * report names it, the good rows reach the inbox, the negative one has its
 * ticket), the trends chart, and the screenshots.
 */
async function prepare(backroom: Backroom, locale: 'en' | 'zh-CN', colorScheme: 'light' | 'dark') {
  await backroom.invoke('settings.update', { locale, colorScheme });
}

async function importCsv(page: Page, name: string, csv: string) {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
}

test.describe('feedback', () => {
  test.afterAll(async ({ backroom }) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'auto' });
  });

  test('imports a CSV: the malformed row is named, good rows reach the inbox, the negative one has a ticket', async ({ page, backroom }, testInfo) => {
    await prepare(backroom, 'en', 'light');
    const email = backroom.scalar<string>('SELECT email FROM customers WHERE email IS NOT NULL ORDER BY id LIMIT 1');
    const marker = `zephyr${Date.now()}`;
    const csv = [
      'rating,title,body,customer_email,created_at,external_id,channel',
      `5,Lovely candle,"Smells wonderful, ${marker} and fast shipping",${email},2026-01-10,${marker}-1,web`,
      `ten,Odd,"Rating is not a number ${marker}",,2026-01-11,${marker}-2,web`,
      `1,Arrived broken,"The jar cracked, very disappointed ${marker}",${email},2026-01-12,${marker}-3,web`,
    ].join('\r\n');
    const ticketsBefore = backroom.scalar('SELECT count(*) FROM tickets');

    await openConsole(page, backroom, '/feedback/import');
    await importCsv(page, 'marketplace-reviews.csv', csv);
    const report = page.getByTestId('feedback-import-report');
    await expect(report).toBeVisible();
    await expect(page.getByTestId('import-imported')).toHaveText('2');
    await expect(page.getByTestId('import-errors')).toHaveText('1');
    await expect(page.getByTestId('import-tickets')).toHaveText('1');
    await expect(page.getByTestId('import-error-rows').locator('tr[data-row="3"]')).toContainText('The rating "ten" is not a number.');
    await expect(page.getByTestId('import-ignored')).toContainText('channel');
    expect(backroom.scalar('SELECT count(*) FROM tickets')).toBe(ticketsBefore + 1);
    await page.screenshot({ path: shotPath('feedback-import-en-light.png', testInfo), fullPage: true });

    await page.getByTestId('feedback-tab-inbox').click();
    await page.getByTestId('feedback-search').fill(marker);
    const rows = page.getByTestId('feedback-table-row');
    await expect(rows).toHaveCount(2);
    const negative = rows.filter({ has: page.locator('[data-sentiment="negative"]') });
    await expect(negative).toHaveCount(1);
    const ticketId = backroom.scalar<number>('SELECT ticket_id FROM feedback WHERE external_id = ?', `${marker}-3`);
    await expect(negative.getByTestId('feedback-ticket-link')).toHaveText(`#${ticketId}`);
    await expect(rows.filter({ has: page.locator('[data-sentiment="positive"]') }).getByTestId('feedback-ticket-link')).toHaveCount(0);

    // The positive one opens in the drawer, where a ticket can still be opened by hand.
    await rows.filter({ has: page.locator('[data-sentiment="positive"]') }).click();
    await expect(page.getByTestId('feedback-drawer-body')).toBeVisible();
    await page.screenshot({ path: shotPath('feedback-drawer-en-light.png', testInfo) });
    await page.getByTestId('feedback-open-ticket').click();
    await expect(page.getByTestId('feedback-drawer-ticket')).toBeVisible();
    expect(backroom.scalar('SELECT count(*) FROM feedback WHERE external_id = ? AND ticket_id IS NOT NULL', `${marker}-1`)).toBe(1);

    await page.keyboard.press('Escape');
    await expect(page.getByTestId('feedback-drawer-body')).toBeHidden();

    // A second import of the same file adds nothing.
    await page.getByTestId('feedback-tab-import').click();
    await importCsv(page, 'marketplace-reviews.csv', csv);
    await expect(page.getByTestId('import-duplicates')).toHaveText('2');
    await expect(page.getByTestId('import-imported')).toHaveText('0');
  });

  test('a file larger than one request goes in parts with progress, and row numbers stay the file\'s', async ({ page, backroom }) => {
    await prepare(backroom, 'en', 'light');
    const marker = `big${Date.now()}`;
    // Dated long ago, so they do not crowd the newest-first inbox in the screenshot below.
    const lines = ['rating,title,body,external_id,created_at'];
    for (let i = 1; i <= 2_500; i++) {
      const rating = i === 2_400 ? 'eleven' : '5';
      lines.push(`${rating},Lovely,"Lovely candle, a little note to make this row longer ${marker} number ${i}",${marker}-${i},2025-06-01`);
    }
    const csv = lines.join('\n');
    expect(csv.length).toBeGreaterThan(200_000);
    await openConsole(page, backroom, '/feedback/import');
    await importCsv(page, 'big.csv', csv);
    await expect(page.getByTestId('feedback-import-report')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('import-imported')).toHaveText('2,499');
    await expect(page.getByTestId('import-error-rows').locator('tr[data-row="2401"]')).toContainText('The rating "eleven" is not a number.');
    expect(backroom.scalar("SELECT count(*) FROM feedback WHERE external_id LIKE ? || '-%'", marker)).toBe(2_499);
  });

  test('feedback entered by hand is saved by the acting staff member and, when negative, opens a ticket', async ({ page, backroom }) => {
    await prepare(backroom, 'en', 'light');
    const marker = `hand${Date.now()}`;
    await openConsole(page, backroom, '/feedback');
    await page.getByTestId('feedback-add').click();
    await page.getByTestId('feedback-add-rating').fill('1');
    await page.getByTestId('feedback-add-body').fill(`Arrived broken and late, very disappointed ${marker}`);
    await page.getByTestId('feedback-add-submit').click();
    await expect(page.getByText(/It reads negative, so ticket #\d+ was opened/)).toBeVisible();
    const row = backroom.scalar<number>('SELECT id FROM feedback WHERE body LIKE ?', `%${marker}`);
    expect(backroom.scalar('SELECT count(*) FROM tickets WHERE feedback_id = ?', row)).toBe(1);
    const owner = backroom.scalar<number>("SELECT id FROM staff WHERE role = 'owner' AND active = 1 ORDER BY id LIMIT 1");
    expect(backroom.scalar("SELECT staff_id FROM audit_log WHERE entity_type = 'feedback' AND entity_id = ? AND action = 'feedback.create'", row)).toBe(owner);
  });

  test('inbox screenshot, en light', async ({ page, backroom }, testInfo) => {
    await prepare(backroom, 'en', 'light');
    await openConsole(page, backroom, '/feedback');
    await expect(page.getByTestId('feedback-table-row').first()).toBeVisible();
    await expect(page.getByTestId('sentiment-badge').first()).toBeVisible();
    await page.screenshot({ path: shotPath('feedback-inbox-en-light.png', testInfo) });
  });

  test('topic rules screenshot, en dark', async ({ page, backroom }, testInfo) => {
    await prepare(backroom, 'en', 'dark');
    await openConsole(page, backroom, '/feedback/topics');
    await expect(page.getByTestId('topic-rule').first()).toBeVisible();
    await page.screenshot({ path: shotPath('feedback-topics-en-dark.png', testInfo), fullPage: true });
  });

  test('trends chart renders, zh dark', async ({ page, backroom }, testInfo) => {
    await prepare(backroom, 'zh-CN', 'dark');
    await openConsole(page, backroom, '/feedback/trends');
    const chart = page.getByTestId('trends-mentions-chart');
    await expect(chart.locator('.recharts-line').first()).toBeVisible();
    await expect(page.getByTestId('trends-negative-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByRole('tab', { name: '趋势' })).toHaveAttribute('aria-selected', 'true');
    await page.screenshot({ path: shotPath('feedback-trends-zh-dark.png', testInfo), fullPage: true });
  });
});
