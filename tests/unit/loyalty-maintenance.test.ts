import { beforeEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../src/main/core/handler';
import type { Sqlite } from '../../src/main/db/connection';
import { birthdayDays, birthdaysCelebratedOn } from '../../src/main/domain/loyalty/birthdays';
import { balance, post } from '../../src/main/domain/loyalty/ledger';
import { lastMaintenance, runLoyaltyMaintenance } from '../../src/main/domain/loyalty/maintenance';
import { readLoyaltySettings, writeLoyaltySettings } from '../../src/main/domain/loyalty/settings';
import { memoryDb } from '../helpers/db';
import { handlerContext } from '../helpers/context';
import { insertCustomer, insertStore } from '../helpers/fixtures';

/** Loyalty maintenance: due expiries and birthday bonuses, each posted once however often it runs. */
let sqlite: Sqlite;
let ctx: HandlerContext;
let clock: Date;
const run = (iso: string) => runLoyaltyMaintenance(ctx, new Date(iso));
const entries = (type: string) =>
  sqlite.prepare('SELECT customer_id AS customerId, points, idempotency_key AS key, created_at AS createdAt FROM points_ledger WHERE entry_type = ? ORDER BY id')
    .all(type) as { customerId: number; points: number; key: string; createdAt: string }[];
const give = (customerId: number, points: number, key: string, expiresAt: string | null) =>
  post(ctx, { customerId, entryType: 'bonus', points, idempotencyKey: key, expiresAt });
const setBirthday = (customerId: number, birthday: string | null) =>
  sqlite.prepare('UPDATE customers SET birthday = ? WHERE id = ?').run(birthday, customerId);
function program(change: (s: ReturnType<typeof readLoyaltySettings>) => void): void {
  const settings = readLoyaltySettings(sqlite);
  change(settings);
  writeLoyaltySettings(sqlite, settings, clock);
}

beforeEach(async () => {
  const connection = await memoryDb();
  sqlite = connection.sqlite;
  insertStore(sqlite);
  for (const id of [1, 2, 3]) insertCustomer(sqlite, id);
  clock = new Date('2026-01-01T00:00:00.000Z');
  ctx = handlerContext(connection, () => clock);
});

describe('expiry', () => {
  it('posts what is left of each due lot once, even when run twice, and reports it', () => {
    give(1, 100, 'a', '2026-03-01T00:00:00.000Z');
    give(1, 40, 'b', '2026-09-01T00:00:00.000Z');
    give(2, 25, 'c', '2026-03-02T00:00:00.000Z');
    give(3, 10, 'd', null);
    const first = run('2026-03-05T00:00:00.000Z');
    expect(first).toMatchObject({ at: '2026-03-05T00:00:00.000Z', expired: { customers: 2, points: 125 }, birthdays: 0 });
    expect(first.durationMs).toBeGreaterThanOrEqual(0);
    expect(entries('expire').map((e) => [e.customerId, e.points, e.createdAt])).toEqual([
      [1, -100, '2026-03-05T00:00:00.000Z'], [2, -25, '2026-03-05T00:00:00.000Z']]);
    expect(run('2026-03-05T00:00:00.000Z').expired).toEqual({ customers: 0, points: 0 });
    expect(run('2026-03-06T00:00:00.000Z').expired).toEqual({ customers: 0, points: 0 });
    expect(entries('expire')).toHaveLength(2);
    expect(lastMaintenance(sqlite)?.at).toBe('2026-03-06T00:00:00.000Z');
    expect(balance(ctx, 1, new Date('2026-03-06T00:00:00.000Z')).approved).toBe(40);
  });

  it('finds lots that fall due after the last run, and lots posted since with an expiry already past', () => {
    give(1, 100, 'a', '2026-03-01T00:00:00.000Z');
    expect(run('2026-02-01T00:00:00.000Z').expired.points).toBe(0);
    expect(run('2026-03-01T00:00:00.000Z').expired.points).toBe(100); // due exactly now
    clock = new Date('2026-03-10T00:00:00.000Z');
    give(2, 30, 'late-import', '2026-02-15T00:00:00.000Z'); // before the watermark, but posted after it
    expect(run('2026-03-10T00:00:00.000Z').expired).toEqual({ customers: 1, points: 30 });
  });

  it('never expires points a redemption already spent', () => {
    give(1, 100, 'a', '2026-03-01T00:00:00.000Z');
    clock = new Date('2026-02-01T00:00:00.000Z');
    post(ctx, { customerId: 1, entryType: 'redeem', points: -70, idempotencyKey: 'r' });
    expect(run('2026-03-02T00:00:00.000Z').expired).toEqual({ customers: 1, points: 30 });
  });

  it('expires everything an inactive customer holds under inactivity expiry, once', () => {
    program((s) => { s.earning.expiryMode = 'inactivity'; s.earning.inactivityMonths = 6; });
    give(1, 80, 'a', null);
    clock = new Date('2026-04-01T00:00:00.000Z');
    give(2, 20, 'b', null); // active later: keeps its points
    expect(run('2026-06-30T00:00:00.000Z').expired.points).toBe(0); // not yet six months
    expect(run('2026-07-01T00:00:00.000Z').expired).toEqual({ customers: 1, points: 80 });
    expect(run('2026-07-02T00:00:00.000Z').expired.points).toBe(0);
    expect(entries('expire').map((e) => [e.customerId, e.points])).toEqual([[1, -80]]);
    expect(run('2026-10-01T00:00:00.000Z').expired).toEqual({ customers: 1, points: 20 });
  });
});

describe('birthdays', () => {
  beforeEach(() => {
    setBirthday(1, '1990-03-05');
    setBirthday(2, '1985-07-20');
    program((s) => { s.bonusActions.birthday = 50; });
  });

  it('gives the bonus on the birthday, once per year, and again the next year', () => {
    expect(run('2026-03-04T23:59:59.000Z').birthdays).toBe(0);
    expect(run('2026-03-05T08:00:00.000Z').birthdays).toBe(1);
    expect(run('2026-03-05T09:00:00.000Z').birthdays).toBe(0);
    expect(run('2026-03-06T09:00:00.000Z').birthdays).toBe(0);
    expect(run('2027-03-05T09:00:00.000Z').birthdays).toBe(1);
    expect(entries('bonus').map((e) => [e.customerId, e.points, e.key])).toEqual([
      [1, 50, 'bonus:birthday:customer:1:2026'], [1, 50, 'bonus:birthday:customer:1:2027']]);
  });

  it('gives nothing when the program gives no birthday points or is switched off', () => {
    program((s) => { s.bonusActions.birthday = 0; });
    expect(run('2026-03-05T08:00:00.000Z').birthdays).toBe(0);
    program((s) => { s.bonusActions.birthday = 50; s.enabled = false; });
    expect(run('2026-03-05T09:00:00.000Z').birthdays).toBe(0);
    expect(entries('bonus')).toEqual([]);
  });

  it('skips customers merged into another and does not repeat a bonus given by hand', () => {
    sqlite.prepare('UPDATE customers SET birthday = ?, merged_into_id = 1 WHERE id = 3').run('2000-03-05');
    give(1, 50, 'bonus:birthday:customer:1:2026', null);
    expect(run('2026-03-05T08:00:00.000Z').birthdays).toBe(0);
  });

  it('makes up for days missed while closed (up to a week), but not on the first run ever', () => {
    expect(run('2026-07-21T08:00:00.000Z').birthdays).toBe(0); // first run: 20 July has passed
    setBirthday(3, '1999-07-25');
    run('2026-07-24T08:00:00.000Z');
    expect(run('2026-07-27T08:00:00.000Z').birthdays).toBe(1); // 25 July, while closed
    expect(birthdayDays(new Date('2026-07-27T08:00:00.000Z'), '2026-07-01')).toHaveLength(7);
    expect(birthdayDays(new Date('2026-07-27T08:00:00.000Z'), null)).toEqual(['2026-07-27']);
  });

  it('celebrates 29 February on 28 February in common years, and on 29 February in leap years', () => {
    setBirthday(3, '2004-02-29');
    expect(birthdaysCelebratedOn('2027-02-28')).toEqual(['02-28', '02-29']);
    expect(birthdaysCelebratedOn('2028-02-28')).toEqual(['02-28']);
    expect(run('2027-02-28T10:00:00.000Z').birthdays).toBe(1);
    expect(run('2027-03-01T10:00:00.000Z').birthdays).toBe(0);
    expect(run('2028-02-28T10:00:00.000Z').birthdays).toBe(0);
    expect(run('2028-02-29T10:00:00.000Z').birthdays).toBe(1);
    expect(entries('bonus').map((e) => e.key)).toEqual(
      ['bonus:birthday:customer:3:2027', 'bonus:birthday:customer:3:2028']);
  });
});
