import type { Page } from '@playwright/test';
import { expect, openConsole, test, todayUtc, type Backroom } from './fixtures';
import { shotPath } from './shots';

/**
 * The service desk's settings and reports on the small demo store: an SLA
 * target saved and read back, a closing time before the opening time refused
 * with its sentence and nothing sent, a macro with an unknown variable
 * warned about while typing, an agent refused when adding staff, and the
 * compliance and CSAT reports drawn from the store's own tickets.
 */

interface SlaPolicy {
  version: number;
  targets: Record<'low' | 'normal' | 'high' | 'urgent', { firstReplyMinutes: number }>;
  calendar: { hours: { day: number; start: string; end: string }[]; holidays: string[] };
}

const policy = async (backroom: Backroom) => (await backroom.invoke('sla.policies.get')) as SlaPolicy;

/** Counts the calls of one operation the page makes, to prove a refused form sent nothing. */
function countCalls(page: Page, operation: string): () => number {
  let calls = 0;
  page.on('request', (request) => {
    if (request.url().includes(`/api/${operation}`)) calls += 1;
  });
  return () => calls;
}

/** The Monday the reports' "last 12 weeks" starts on, as the UI computes it. */
function twelveWeeksFrom(today: string): string {
  const ms = Date.parse(`${today}T00:00:00Z`);
  const monday = ms - ((new Date(ms).getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday - 11 * 7 * 86_400_000).toISOString().slice(0, 10);
}

test.describe('service settings', () => {
  test.afterAll(async ({ backroom }) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'auto' });
  });

  test('an urgent first-reply target is saved, says open tickets got new due times, and reads back after a reload', async ({ page, backroom }, testInfo) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'light' });
    const before = await policy(backroom);
    const minutes = before.targets.urgent.firstReplyMinutes === 30 ? 45 : 30;

    await openConsole(page, backroom, '/service/admin/sla');
    await expect(page.getByTestId('sla-form')).toBeVisible();
    await expect(page.getByTestId('sla-hours')).toBeVisible();
    await shoot(page, 'service-admin-sla-en-light.png', testInfo);

    await page.getByTestId('sla-target-urgent-firstReply-hours').fill('0');
    await page.getByTestId('sla-target-urgent-firstReply-minutes').fill(String(minutes));
    await expect(page.getByTestId('sla-target-urgent-firstReply-text')).toHaveText(`${minutes} min`);
    await page.getByTestId('sla-holiday-date').fill('2027-01-01');
    await page.getByTestId('sla-holiday-add').click();
    await expect(page.getByTestId('sla-holiday')).toContainText(['Jan 1, 2027']);
    await expect(page.getByTestId('sla-unsaved')).toBeVisible();
    await page.getByTestId('sla-save').click();
    await expect(page.getByTestId('sla-saved')).toContainText('Every open ticket got new due times');

    const after = await policy(backroom);
    expect(after.version).toBe(before.version + 1);
    expect(after.targets.urgent.firstReplyMinutes).toBe(minutes);
    expect(after.targets.high.firstReplyMinutes).toBe(before.targets.high.firstReplyMinutes);
    expect(after.calendar.holidays).toContain('2027-01-01');
    const audited = backroom.scalar<number>(`SELECT count(*) FROM audit_log WHERE action = 'sla.policy.update'`);
    expect(audited).toBeGreaterThan(0);

    await page.reload();
    await expect(page.getByTestId('sla-target-urgent-firstReply-hours')).toHaveValue('0');
    await expect(page.getByTestId('sla-target-urgent-firstReply-minutes')).toHaveValue(String(minutes));
    await expect(page.getByTestId('sla-target-urgent-firstReply-text')).toHaveText(`${minutes} min`);
  });

  test('a closing time before the opening time shows its sentence and saves nothing', async ({ page, backroom }, testInfo) => {
    await backroom.invoke('settings.update', { locale: 'zh-CN', colorScheme: 'light' });
    const before = await policy(backroom);
    const updates = countCalls(page, 'sla.policies.update');
    await openConsole(page, backroom, '/service/admin/sla');
    await expect(page.getByTestId('sla-form')).toBeVisible();

    // Monday opens whatever it opened before; make sure it is open, then close it before it opens.
    if ((await page.getByTestId('sla-day-1-0-start').count()) === 0) await page.getByTestId('sla-day-1-open').check();
    await page.getByTestId('sla-day-1-0-start').fill('09:00');
    await page.getByTestId('sla-day-1-0-end').fill('08:00');
    await page.getByTestId('sla-save').click();

    await expect(page.getByTestId('sla-day-1-0-error')).toHaveText('结束时间必须晚于开始时间。');
    await expect(page.getByTestId('sla-error-count')).toHaveText('保存前需要修改的字段：1 个');
    await expect(page.getByTestId('sla-saved')).toHaveCount(0);
    await shoot(page, 'service-admin-sla-error-zh-light.png', testInfo);
    expect(updates()).toBe(0);
    expect((await policy(backroom)).version).toBe(before.version);
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'light' });
  });

  test('a save over a policy changed elsewhere meanwhile is refused, and the saved one can be loaded', async ({ page, backroom }) => {
    await openConsole(page, backroom, '/service/admin/sla');
    await expect(page.getByTestId('sla-form')).toBeVisible();
    await page.getByTestId('sla-target-high-resolution-hours').fill('30');

    // Someone else saves meanwhile (another window, the LAN console).
    const { version, updatedAt: _updatedAt, ...current } = (await backroom.invoke('sla.policies.get')) as SlaPolicy & {
      updatedAt: string; warningMinutes: number;
    };
    const ownerId = backroom.scalar<number>(`SELECT id FROM staff WHERE role = 'owner' AND active = 1 ORDER BY id LIMIT 1`);
    const otherWarning = current.warningMinutes === 45 ? 50 : 45;
    await backroom.invoke('sla.policies.update', {
      staffId: ownerId, expectedVersion: version, policy: { ...current, warningMinutes: otherWarning },
    });

    await page.getByTestId('sla-save').click();
    await expect(page.getByTestId('sla-save-error')).toContainText('Someone else saved the SLA policy');
    const saved = (await policy(backroom)) as SlaPolicy & { warningMinutes: number };
    expect(saved.version).toBe(version + 1);
    expect(saved.warningMinutes).toBe(otherWarning);

    await page.getByTestId('sla-reload').click();
    await expect(page.getByTestId('sla-warning')).toHaveValue(`${otherWarning} min`);
    await expect(page.getByTestId('sla-save-error')).toHaveCount(0);
    await expect(page.getByTestId('sla-unsaved')).toHaveCount(0);
  });

  test('a macro with an unknown variable is warned about while typing, and saved once fixed', async ({ page, backroom }, testInfo) => {
    const name = `E2E shipping update ${Date.now()}`;
    await openConsole(page, backroom, '/service/admin/macros');
    await page.getByTestId('macros-new').click();
    const editor = page.getByTestId('macro-editor');
    await editor.getByTestId('macro-name').fill(name);
    await editor.getByTestId('macro-body').fill('Hi {{customer.first_name}}, your order {{order.numbr}} is on its way.');

    await expect(editor.getByTestId('macro-unknown-variables')).toContainText('{{order.numbr}}');
    await expect(editor.getByTestId('macro-variables').locator('[data-known="false"]')).toHaveText('{{order.numbr}}');
    await expect(editor.getByTestId('macro-variables').locator('[data-known="true"]')).toHaveText('{{customer.first_name}}');
    await shoot(page, 'service-admin-macro-en-light.png', testInfo);

    // The picker puts a known variable where the caret is; removing the typo clears the warning.
    const body = editor.getByTestId('macro-body');
    const withGap = 'Hi {{customer.first_name}}, your order  is on its way.';
    await body.fill(withGap);
    const caret = withGap.indexOf('  is') + 1;
    await body.evaluate((el, at) => (el as unknown as { setSelectionRange(a: number, b: number): void }).setSelectionRange(at, at), caret);
    await editor.getByTestId('macro-variable-picker').click();
    await page.getByTestId('macro-variable-order.number').click();
    await expect(body).toHaveValue('Hi {{customer.first_name}}, your order {{order.number}} is on its way.');
    await expect(editor.getByTestId('macro-unknown-variables')).toHaveCount(0);

    await editor.getByTestId('macro-save').click();
    await expect(page.getByTestId('macros-item').filter({ hasText: name })).toBeVisible();
    expect(backroom.scalar<string>('SELECT body FROM macros WHERE name = ?', name)).toBe(
      'Hi {{customer.first_name}}, your order {{order.number}} is on its way.',
    );
  });

  test('a knowledge-base article written here is found by its words', async ({ page, backroom }, testInfo) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'dark' });
    const title = `Gift cards never expire ${Date.now()}`;
    await openConsole(page, backroom, '/service/admin/kb');
    await page.getByTestId('kb-new').click();
    const editor = page.getByTestId('kb-editor');
    await editor.getByTestId('kb-title').fill(title);
    await editor.getByTestId('kb-body').fill('A gift card keeps its value until it is spent; we never charge fees on it.');
    await editor.getByTestId('kb-tags').fill('voucher');
    await editor.getByTestId('kb-tags').press('Enter');
    await editor.getByTestId('kb-save').click();
    await expect(page.getByTestId('kb-item').filter({ hasText: title })).toBeVisible();
    expect(backroom.scalar<number>('SELECT count(*) FROM kb_articles WHERE title = ?', title)).toBe(1);

    await page.getByTestId('kb-search').fill('voucher');
    await expect(page.getByTestId('kb-item').filter({ hasText: title })).toBeVisible();
    await page.getByTestId('kb-search').fill('zzzz-no-such-words');
    await expect(page.getByTestId('kb-empty')).toBeVisible();
    await page.getByTestId('kb-search').fill('gift card');
    await page.getByTestId('kb-item').filter({ hasText: title }).click();
    await expect(page.getByTestId('kb-title')).toHaveValue(title);
    await shoot(page, 'service-admin-kb-en-dark.png', testInfo);
  });

  test('an agent who adds a staff member gets the core’s sentence, and nobody is added', async ({ page, backroom }, testInfo) => {
    const agentId = backroom.scalar<number>(`SELECT id FROM staff WHERE role = 'agent' AND active = 1 ORDER BY id LIMIT 1`);
    const staffBefore = backroom.scalar<number>('SELECT count(*) FROM staff');
    await page.addInitScript(`localStorage.setItem('backroom.actingStaffId', '${agentId}')`);
    await openConsole(page, backroom, '/service/admin/staff');
    await expect(page.getByTestId('staff-row')).toHaveCount(staffBefore);

    await page.getByTestId('staff-add').click();
    await page.getByTestId('staff-name').fill('Robin Example');
    await page.getByTestId('staff-email').fill('robin@example.com');
    await page.getByTestId('staff-save').click();
    await expect(page.getByTestId('staff-save-error')).toContainText('Only owners and managers may add or edit staff members.');
    await shoot(page, 'service-admin-staff-en-light.png', testInfo);
    expect(backroom.scalar<number>('SELECT count(*) FROM staff')).toBe(staffBefore);
  });

  test('the reports draw compliance and CSAT from the store’s tickets', async ({ page, backroom }, testInfo) => {
    await backroom.invoke('settings.update', { locale: 'zh-CN', colorScheme: 'dark' });
    const today = todayUtc();
    const from = twelveWeeksFrom(today);
    const urgentTickets = backroom.scalar<number>(
      `SELECT count(*) FROM tickets WHERE priority = 'urgent' AND merged_into_id IS NULL AND created_at >= ? AND created_at < ?`,
      `${from}T00:00:00.000Z`, `${today}T23:59:59.999Z`,
    );
    expect(urgentTickets).toBeGreaterThan(0);

    await openConsole(page, backroom, '/service/admin/reports');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    const slaChart = page.getByTestId('sla-report-chart');
    await expect(slaChart.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByTestId('sla-report-priority-row')).toHaveCount(4);
    await expect(page.getByTestId('sla-report-priority-row').filter({ hasText: '紧急' }).locator('td').nth(1)).toHaveText(
      new Intl.NumberFormat('zh-CN').format(urgentTickets),
    );
    await expect(page.getByTestId('sla-report-staff-row').first()).toBeVisible();
    const csatChart = page.getByTestId('csat-report-chart');
    await expect(csatChart.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByTestId('csat-report-staff-row').first()).toBeVisible();
    await shoot(page, 'service-admin-reports-zh-dark.png', testInfo);

    // A shorter period asks the core again and shows fewer (or as many) tickets.
    await page.getByTestId('report-range-presets').getByText('最近 4 周').click();
    await expect(slaChart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  });
});

async function shoot(page: Page, file: string, testInfo: { outputPath(name: string): string }) {
  // From the top, focus nowhere: sticky bars and the skip link would otherwise land mid-picture.
  await page.evaluate('document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)');
  await page.screenshot({ path: shotPath(file, testInfo), fullPage: true });
}
