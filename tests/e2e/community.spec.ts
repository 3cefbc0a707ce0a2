import type { AppInfo, CommunityGroup, Leaderboard } from '../../src/shared/contract';
import { expect, openConsole, test, todayUtc } from './fixtures';

/**
 * The community area on the small demo store: a group is created, filled from
 * a pasted list (one entry matches nobody and is listed) and from a profile;
 * a leaderboard's top is honoured once (a second award posts nothing); an
 * announcement is exported differently for a Discord and a WeChat group; a
 * template flags an unknown variable and previews for a customer; and the
 * area reads in Chinese.
 */
test.describe.configure({ mode: 'serial' });

async function actingStaffId(invoke: (name: string, input?: unknown) => Promise<unknown>): Promise<number> {
  const info = (await invoke('app.info')) as AppInfo;
  const staff = info.staff.find((s) => s.role === 'owner') ?? info.staff[0];
  if (!staff) throw new Error('the demo store has no staff');
  return staff.id;
}

test.describe('community', () => {
  test('a group is created, members come from a pasted list and from a profile', async ({ page, backroom }) => {
    // Three customers in no group yet, with unique emails, not merged away: two imported, one added from the profile.
    const people = [0, 1, 2].map((offset) => backroom.scalar<number>(
      `SELECT id FROM customers c WHERE merged_into_id IS NULL AND email IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM community_members m WHERE m.customer_id = c.id)
          AND (SELECT count(*) FROM customers d WHERE lower(d.email) = lower(c.email)) = 1
        ORDER BY id LIMIT 1 OFFSET ?`, offset));
    const email = backroom.scalar<string>('SELECT email FROM customers WHERE id = ?', people[1]);

    await openConsole(page, backroom, '/community');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Community');
    await page.getByTestId('group-new').click();
    await page.getByTestId('group-name').fill('');
    await page.getByTestId('group-save').click();
    await expect(page.getByTestId('group-form')).toContainText('This is required.');
    await page.getByTestId('group-name').fill('Early birds');
    await page.getByTestId('group-platform').click();
    await page.getByRole('option', { name: 'Discord', exact: true }).click();
    await page.getByTestId('group-link').fill('not a link');
    await page.getByTestId('group-save').click();
    await expect(page.getByTestId('group-form')).toContainText('Enter a web link');
    await page.getByTestId('group-link').fill('https://discord.gg/night-owls');
    await page.getByTestId('group-owner').fill('Mia');
    await page.getByTestId('group-save').click();

    const detail = page.getByTestId('group-detail');
    await expect(page.getByTestId('group-title')).toHaveText('Early birds');
    const groupId = Number(await detail.getAttribute('data-group-id'));
    await expect(page.getByTestId('members-empty')).toBeVisible();

    // Someone else saves the group while it is open here: the save is refused with a sentence, the saved copy loads.
    await page.getByTestId('group-edit').click();
    await page.getByTestId('group-owner').fill('Mia Chen');
    const saved = (await backroom.invoke('community.groups.get', { id: groupId })) as CommunityGroup;
    const staffId = await actingStaffId(backroom.invoke);
    await backroom.invoke('community.groups.update', {
      id: groupId, version: saved.version, platform: 'discord', name: 'Early birds', link: saved.link, owner: 'Noor', staffId,
    });
    await page.getByTestId('group-save').click();
    await expect(page.getByTestId('group-save-error')).toBeVisible();
    await page.getByTestId('group-save-error-reload').click();
    await expect(page.getByTestId('group-owner')).toHaveValue('Noor');
    await page.getByTestId('group-owner').fill('Mia Chen');
    await page.getByTestId('group-save').click();
    await expect(page.getByTestId('group-form')).toHaveCount(0);
    await expect(detail).toContainText('owner: Mia Chen');

    await page.getByTestId('members-import').click();
    await page.getByTestId('import-text').fill(`#${people[0]}\n${email.toUpperCase()}\nnobody@nowhere.invalid\n`);
    await expect(page.getByTestId('import-count')).toHaveAttribute('data-value', '3');
    await page.getByTestId('import-submit').click();
    const result = page.getByTestId('import-result');
    await expect(result).toHaveAttribute('data-added', '2');
    await expect(result).toHaveAttribute('data-unmatched', '1');
    await expect(page.getByTestId('import-unmatched')).toHaveText('nobody@nowhere.invalid');
    await page.getByTestId('import-done').click();
    await expect(page.getByTestId('member-row')).toHaveCount(2);
    expect(backroom.scalar('SELECT count(*) FROM community_members WHERE group_id = ?', groupId)).toBe(2);

    // The third customer joins from their profile's Community card.
    await openConsole(page, backroom, `/customers/${people[2]}`);
    const card = page.getByTestId('profile-community');
    await expect(card.getByTestId('profile-community-none')).toBeVisible();
    await card.getByTestId('profile-community-group-select').click();
    await page.getByRole('option', { name: 'Early birds', exact: true }).click();
    await card.getByTestId('profile-community-add').click();
    await expect(card.getByTestId('profile-community-group')).toHaveAttribute('data-group-id', String(groupId));

    await card.getByRole('link', { name: 'Early birds' }).click();
    await expect(page.getByTestId('members-total')).toHaveAttribute('data-value', '3');
    await expect(page.locator(`[data-testid="member-row"][data-customer-id="${people[2]}"]`)).toContainText('Added from profile');

    // Removing asks once, then the member is gone from the list and the table.
    const first = page.locator(`[data-testid="member-row"][data-customer-id="${people[0]}"]`);
    await first.getByTestId('member-remove').click();
    await page.getByTestId('member-remove-confirm').click();
    await expect(first).toHaveCount(0);
    await expect(page.getByTestId('members-total')).toHaveAttribute('data-value', '2');
    expect(backroom.scalar('SELECT count(*) FROM community_members WHERE group_id = ? AND customer_id = ?', groupId, people[0])).toBe(0);

    // A note on the group is kept with who wrote it.
    await page.getByTestId('note-body').fill('Movie night on Friday went well.');
    await page.getByTestId('note-add').click();
    await expect(page.getByTestId('note')).toHaveCount(1);
    await expect(page.getByTestId('note').first()).toContainText('Movie night on Friday went well.');
  });

  test('a custom period picked in the calendar sets the board\'s range', async ({ page, backroom }, testInfo) => {
    await openConsole(page, backroom, '/community/leaderboards');
    // From last month, so the calendar opens on a month whose every day can be picked.
    await page.getByTestId('board-period').getByText('Last month', { exact: true }).click();
    await page.getByTestId('board-period').getByText('Custom', { exact: true }).click();
    await page.getByTestId('board-custom').click();
    const days = page.locator('table button:not([data-outside]):not([disabled])');
    await days.nth(1).click();
    await days.nth(8).click();
    const today = new Date(`${todayUtc()}T00:00:00Z`);
    const month = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    await expect(page.getByTestId('board-range')).toHaveAttribute('data-from', `${month}-02`);
    await expect(page.getByTestId('board-range')).toHaveAttribute('data-to', `${month}-09`);
    await page.screenshot({ path: testInfo.outputPath('community-leaderboards-custom.png') });
  });

  test('the top of a leaderboard is honoured once; a second award says they already were', async ({ page, backroom }) => {
    const today = todayUtc();
    const quarterStart = `${today.slice(0, 5)}${String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    const board = (await backroom.invoke('leaderboards.get', { board: 'points', from: quarterStart, to: today })) as Leaderboard;
    expect(board.rows.length, 'the demo store earned points this quarter').toBeGreaterThanOrEqual(3);
    const top = board.rows.slice(0, 3);

    await openConsole(page, backroom, '/community/leaderboards');
    await page.getByTestId('board-period').getByText('This quarter', { exact: true }).click();
    await expect(page.getByTestId('board-range')).toContainText(String(Number(quarterStart.slice(0, 4))));
    await expect(page.getByTestId('board-definition')).toHaveText(board.definition);
    await expect(page.getByTestId('board-row').first()).toHaveAttribute('data-customer-id', String(top[0]!.customerId));

    const award = async () => {
      await page.getByTestId('board-award').click();
      await page.getByTestId('award-top').fill('3');
      await page.getByTestId('award-badge').fill('Quarter star');
      await page.getByTestId('award-points').fill('200');
      await page.getByTestId('award-review').click();
      await expect(page.getByTestId('award-confirm-text')).toContainText('Quarter star');
      await page.getByTestId('award-confirm').click();
      return page.getByTestId('award-result');
    };
    const first = await award();
    await expect(first).toHaveText('3 honoured, 0 already were, 600 points posted.');
    await page.getByTestId('award-done').click();
    await expect(page.locator('[data-testid="board-row"][data-honoured="true"]')).toHaveCount(3);

    const second = await award();
    await expect(second).toHaveAttribute('data-awarded', '0');
    await expect(second).toHaveAttribute('data-already', '3');
    await expect(second).toContainText('0 honoured, 3 already were, 0 points posted.');
    await page.getByTestId('award-done').click();

    // The honour shows on the winner's profile.
    await openConsole(page, backroom, `/customers/${top[0]!.customerId}`);
    await expect(page.getByTestId('profile-honour')).toContainText('Quarter star');
  });

  test('an announcement is exported in each group’s own shape', async ({ page, backroom }) => {
    const staffId = await actingStaffId(backroom.invoke);
    const save = (platform: string, name: string) =>
      backroom.invoke('community.groups.update', { platform, name, staffId }) as Promise<CommunityGroup>;
    const discord = await save('discord', 'Gamers corner');
    const wechat = await save('wechat', '老朋友群');

    await openConsole(page, backroom, '/community/announcements');
    await expect(page.getByTestId('announcement-none')).toBeVisible();
    await page.getByTestId('announcement-new').click();
    await page.getByTestId('announcement-title-en').fill('Spring sale');
    await page.getByTestId('announcement-body-en').fill('Members save **20%** this weekend.');
    await page.getByTestId('announcement-save').click();
    await expect(page.getByTestId('announcement-editor')).toContainText('This is required.');
    await page.getByTestId('announcement-title-zh').fill('春季特卖');
    await page.getByTestId('announcement-body-zh').fill('本周末会员立享 8 折。');
    await page.getByTestId('announcement-groups').click();
    await page.getByRole('option', { name: 'Gamers corner', exact: true }).click();
    await page.getByRole('option', { name: '老朋友群', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('announcement-save').click();
    await expect(page.getByTestId('export-row')).toHaveCount(2);

    await page.locator(`[data-testid="export-row"][data-group-id="${discord.id}"]`).getByTestId('export-open').click();
    const text = page.getByTestId('export-text');
    await expect(text).toHaveAttribute('data-language', 'en');
    await expect(text).toHaveValue('**Spring sale**\n\nMembers save **20%** this weekend.');
    await page.getByTestId('export-copy').click();
    await expect(page.getByTestId('export-copy')).toHaveAttribute('data-copied', 'true');
    await page.keyboard.press('Escape');

    await page.locator(`[data-testid="export-row"][data-group-id="${wechat.id}"]`).getByTestId('export-open').click();
    await expect(text).toHaveAttribute('data-language', 'zh-CN');
    await expect(text).toHaveValue('【春季特卖】\n\n本周末会员立享 8 折。');
    // The WeChat group in English: plain text, the markdown stripped.
    await page.getByTestId('export-language').getByText('English', { exact: true }).click();
    await expect(text).toHaveValue('Spring sale\n\nMembers save 20% this weekend.');
  });

  test('a template flags an unknown variable and previews for a customer', async ({ page, backroom }) => {
    const customerId = backroom.scalar<number>(
      "SELECT id FROM customers WHERE merged_into_id IS NULL AND first_name IS NOT NULL AND email IS NOT NULL ORDER BY id LIMIT 1");
    const email = backroom.scalar<string>('SELECT email FROM customers WHERE id = ?', customerId);
    await openConsole(page, backroom, '/community/templates');
    await page.getByTestId('template-new').click();
    await page.getByTestId('template-name').fill('Welcome');
    await page.getByTestId('template-bodyEn').fill('Hi ');
    await page.getByTestId('macro-variable-picker').click();
    await page.getByTestId('macro-variable-customer.email').click();
    await page.getByTestId('template-bodyEn').press('End');
    await page.getByTestId('template-bodyEn').pressSequentially(', welcome {{bogus}}');
    await page.getByTestId('template-bodyZh').fill('您好 {{customer.email}}');
    await expect(page.getByTestId('template-bodyEn')).toHaveValue('Hi {{customer.email}}, welcome {{bogus}}');
    await expect(page.getByTestId('template-unknown')).toContainText('{{bogus}}');
    await page.getByTestId('template-save').click();
    await expect(page.getByTestId('template-item')).toHaveCount(1);

    await page.getByTestId('template-preview-language').getByText('English', { exact: true }).click();
    await page.getByTestId('template-preview-customer').fill(email);
    // The options follow the search after a pause in typing: wait for the customer's own.
    await page.getByRole('option', { name: email }).click();
    await expect(page.getByTestId('template-preview-text')).toContainText(`Hi ${email}`);
    await expect(page.getByTestId('template-preview-missing')).toContainText('{{bogus}}');
  });

  test('the area reads in Simplified Chinese', async ({ page, backroom }) => {
    const staffId = await actingStaffId(backroom.invoke);
    await backroom.invoke('community.groups.update', { platform: 'qq', name: '书友会', staffId });
    await backroom.invoke('settings.update', { locale: 'zh-CN' });
    try {
      await openConsole(page, backroom, '/community');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('社群');
      await expect(page.getByTestId('community-tab-leaderboards')).toHaveText('排行榜');
      await expect(page.getByTestId('groups-table')).toContainText('书友会');
      await expect(page.getByTestId('groups-table').getByTestId('platform-badge').first()).toBeVisible();
      await expect(page.getByTestId('groups-table')).toContainText('群主');
      await page.getByTestId('community-tab-leaderboards').click();
      await expect(page.getByTestId('board-picker')).toContainText('积分获得最多');
      await expect(page.getByTestId('board-definition')).toContainText('该期间获得的积分');
    } finally {
      await backroom.invoke('settings.update', { locale: 'en' });
    }
  });
});
