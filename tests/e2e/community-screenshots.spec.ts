import type { AppInfo, CommunityGroup } from '../../src/shared/contract';
import { expect, openConsole, test, type Backroom } from './fixtures';
import { shotPath } from './shots';

/** The community pictures the README shows, taken once each screen shows its data (see shots.ts). */
test.use({ viewport: { width: 1440, height: 900 } });
test.describe.configure({ mode: 'serial' });

interface Scene { groups: CommunityGroup[]; staffId: number }
let scene: Scene | null = null;

/** A few groups on different platforms, members imported from the demo's customers, a note and an announcement. */
async function setScene(backroom: Backroom): Promise<Scene> {
  if (scene) return scene;
  const info = (await backroom.invoke('app.info')) as AppInfo;
  const staffId = (info.staff.find((s) => s.role === 'owner') ?? info.staff[0])!.id;
  const specs = [
    { platform: 'wechat', name: '老朋友会员群', owner: '王芳', moderators: ['李娜'], rules: '请勿发广告；每周五晚有新品预告。', size: 48 },
    { platform: 'discord', name: 'Night owls', owner: 'Mia', moderators: ['Sam', 'Lee'], rules: 'Be kind. No spoilers before Friday drops.', link: 'https://discord.gg/night-owls', size: 31 },
    { platform: 'whatsapp', name: 'Weekend makers', owner: 'Ana', moderators: [], rules: '', size: 12 },
    { platform: 'facebook', name: 'Backroom fans', owner: null, moderators: ['Jo'], rules: '', size: 7 },
  ];
  const groups: CommunityGroup[] = [];
  let offset = 0;
  for (const { size, ...spec } of specs) {
    const group = (await backroom.invoke('community.groups.update', { ...spec, staffId })) as CommunityGroup;
    const ids = Array.from({ length: size }, (_, i) => `#${backroom.scalar<number>('SELECT id FROM customers WHERE merged_into_id IS NULL ORDER BY id LIMIT 1 OFFSET ?', offset + i)}`);
    offset += size;
    await backroom.invoke('community.members.add', { groupId: group.id, entries: ids, staffId });
    groups.push(group);
  }
  await backroom.invoke('community.notes.add', { groupId: groups[1]!.id, body: 'Movie night on Friday: 18 joined, two asked about the restock.', staffId });
  await backroom.invoke('community.notes.add', { groupId: groups[1]!.id, body: 'Sam will run the giveaway thread this month.', staffId });
  await backroom.invoke('announcements.save', {
    titleEn: 'Spring sale for members', titleZh: '会员春季特卖',
    bodyEn: 'Members save **20%** on everything this weekend.\n\nUse your member email at checkout.',
    bodyZh: '本周末会员全场 8 折。\n\n结账时请使用会员邮箱。',
    groupIds: groups.map((g) => g.id), staffId,
  });
  scene = { groups, staffId };
  return scene;
}

test.describe('community screenshots', () => {
  test.afterAll(async ({ backroom }) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'auto' });
  });

  test('community-groups-en-light.png', async ({ page, backroom }, testInfo) => {
    await setScene(backroom);
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'light' });
    await openConsole(page, backroom, '/community');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
    await expect(page.getByTestId('group-row')).toHaveCount(4);
    await page.waitForTimeout(300);
    await page.screenshot({ path: shotPath('community-groups-en-light.png', testInfo) });
  });

  test('community-group-en-light.png', async ({ page, backroom }, testInfo) => {
    const { groups } = await setScene(backroom);
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'light' });
    await openConsole(page, backroom, `/community/groups/${groups[1]!.id}`);
    await expect(page.getByTestId('members-total')).toHaveAttribute('data-value', '31');
    await expect(page.getByTestId('note')).toHaveCount(2);
    await page.waitForTimeout(300);
    await page.screenshot({ path: shotPath('community-group-en-light.png', testInfo) });
  });

  test('community-leaderboards-zh-light.png', async ({ page, backroom }, testInfo) => {
    await setScene(backroom);
    await backroom.invoke('settings.update', { locale: 'zh-CN', colorScheme: 'light' });
    await openConsole(page, backroom, '/community/leaderboards');
    await page.getByTestId('board-period').getByText('本季度', { exact: true }).click();
    await expect(page.getByTestId('board-row').first()).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot({ path: shotPath('community-leaderboards-zh-light.png', testInfo) });
  });

  test('community-announcements-en-dark.png', async ({ page, backroom }, testInfo) => {
    await setScene(backroom);
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'dark' });
    await openConsole(page, backroom, '/community/announcements');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await page.getByTestId('announcement-item').first().click();
    await expect(page.getByTestId('export-row')).toHaveCount(4);
    // The editor with both languages side by side is the picture; the export modal would cover it.
    await expect(page.getByTestId('announcement-title-zh')).toHaveValue('会员春季特卖');
    await expect(page.getByTestId('export-row').first().getByTestId('platform-badge')).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot({ path: shotPath('community-announcements-en-dark.png', testInfo) });
  });
});
