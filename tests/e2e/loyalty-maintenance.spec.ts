import Database from 'better-sqlite3';
import { expect, openConsole, test, todayUtc } from './fixtures';

/**
 * Loyalty maintenance from the overview: the last run's line and "Run now".
 * Birthdays are the visible effect on a demo store (its lots expire after two
 * years): customers born today get the program's birthday bonus, once.
 */
type Settings = { bonusActions: Record<string, number> } & Record<string, unknown>;

test.describe('loyalty maintenance', () => {
  test('"Run now" gives today\'s birthday bonuses once and says so', async ({ page, backroom }) => {
    // The core runs maintenance by itself shortly after it opens: wait for that, so the run below is the button's.
    await expect.poll(() => backroom.invoke('loyalty.maintenance.last'), { timeout: 15_000 }).not.toBeNull();
    const monthDay = todayUtc().slice(5);
    // Make sure someone is born today: the customer with the lowest id not born today gets today as a birthday.
    const writer = new Database(backroom.dbPath, { fileMustExist: true });
    const chosen = writer.prepare(`SELECT id, birthday FROM customers WHERE merged_into_id IS NULL
      AND coalesce(substr(birthday, -5), '') <> ? ORDER BY id LIMIT 1`).get(monthDay) as { id: number; birthday: string | null };
    writer.prepare('UPDATE customers SET birthday = ? WHERE id = ?').run(`1990-${monthDay}`, chosen.id);
    const born = await backroom.scalar<number>(
      "SELECT count(*) FROM customers WHERE substr(birthday, -5) = ? AND merged_into_id IS NULL", monthDay);
    const given = () => backroom.scalar<number>(
      "SELECT count(*) FROM points_ledger WHERE idempotency_key LIKE 'bonus:birthday:%:' || ?", todayUtc().slice(0, 4));
    const before = await given();
    const settings = (await backroom.invoke('loyalty.settings.get')) as Settings;
    await backroom.invoke('loyalty.settings.update', { ...settings, bonusActions: { ...settings.bonusActions, birthday: 25 } });
    try {
      await openConsole(page, backroom, '/loyalty');
      await expect(page.getByTestId('loyalty-maintenance')).toBeVisible();
      await page.getByTestId('loyalty-maintenance-run').click();
      const expected = born - before;
      expect(expected).toBeGreaterThan(0);
      await expect(page.getByText(`0 points expired for 0 customers, ${expected} birthday bonuses given.`)).toBeVisible();
      await expect(page.getByTestId('loyalty-maintenance-summary')).toContainText(`${expected} birthday bonuses given`);
      await expect(page.getByTestId('loyalty-maintenance-summary')).toContainText('Last maintenance:');
      await expect(page.getByTestId('loyalty-maintenance-summary')).toContainText('0 points expired');
      expect(await given()).toBe(born);
      // A second run finds nothing left to give.
      await page.getByTestId('loyalty-maintenance-run').click();
      await expect(page.getByText('0 points expired for 0 customers, 0 birthday bonuses given.')).toBeVisible();
      expect(await given()).toBe(born);
    } finally {
      await backroom.invoke('loyalty.settings.update', settings);
      writer.prepare('UPDATE customers SET birthday = ? WHERE id = ?').run(chosen.birthday, chosen.id);
      writer.close();
    }
  });
});
