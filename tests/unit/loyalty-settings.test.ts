import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../src/main/core/dispatch';
import type { HandlerContext } from '../../src/main/core/handler';
import { handlers } from '../../src/main/core/handlers';
import type { Connection } from '../../src/main/db/connection';
import { readLoyaltySettings, writeLoyaltySettings } from '../../src/main/domain/loyalty/settings';
import { DEFAULT_LOYALTY_SETTINGS, type LoyaltySettings } from '../../src/shared/contract';
import { memoryDb } from '../helpers/db';
import { handlerContext } from '../helpers/context';

/** loyalty.settings.get and .update through the contract's one door, as the settings form calls them. */
let connection: Connection;
let events: unknown[];
let ctx: HandlerContext;
const noLog = () => undefined;
const call = (name: string, input: unknown) => dispatch(handlers, ctx, name, input, noLog);
const storedRow = () =>
  connection.sqlite.prepare("SELECT value, updated_at AS updatedAt FROM settings WHERE key = 'loyalty'").get();

const tier = (id: string, threshold: number, multiplier = 1) =>
  ({ id, name: id[0]!.toUpperCase() + id.slice(1), threshold, multiplier, benefits: '' });

/** A full program as the form sends it: everything changed from the defaults. */
const program = (): LoyaltySettings => ({
  enabled: true,
  earning: { pointsPerCurrencyUnit: 2.5, basis: 'total', pendingDays: 30, lotLifetimeMonths: null,
    pendingMode: 'deliveryPlusReturnWindow', returnWindowDays: 14, expiryMode: 'inactivity', inactivityMonths: 18 },
  bonusActions: { signUp: 100, firstOrder: 50, review: 25, birthday: 200, referral: 500, socialShare: 10 },
  pointValueMinor: 0.5,
  tiers: [tier('bronze', 0), tier('silver', 500, 1.25), tier('gold', 2000, 2)],
  tierBasis: 'spend',
  tierPeriod: 'calendarYear',
  campaigns: [
    { id: 'double-may', name: 'Double points in May', multiplier: 2, startsOn: '2026-05-01', endsOn: '2026-05-31',
      segment: null },
    // Overlapping campaigns are fine: an order gets the best one.
    { id: 'win-back', name: 'Win back', multiplier: 1.5, startsOn: '2026-05-15', endsOn: '2026-06-15',
      segment: 'atRisk' },
  ],
});

/** The program with one change made by `edit`. */
const withChange = (edit: (s: LoyaltySettings) => void): LoyaltySettings => {
  const settings = program();
  edit(settings);
  return settings;
};

beforeEach(async () => {
  connection = await memoryDb();
  events = [];
  ctx = handlerContext(connection, new Date('2026-05-01T00:00:00.000Z'), events);
});

afterEach(() => {
  connection.close();
  vi.restoreAllMocks();
});

describe('loyalty settings', () => {
  it('reads the defaults when nothing is stored: 1 point per unit of the subtotal, 14 days pending, 12 months', async () => {
    const result = await call('loyalty.settings.get', {});
    expect(result).toEqual({ ok: true, data: DEFAULT_LOYALTY_SETTINGS });
    expect(DEFAULT_LOYALTY_SETTINGS.earning).toEqual({
      pointsPerCurrencyUnit: 1, basis: 'subtotalAfterDiscounts', pendingDays: 14, lotLifetimeMonths: 12,
      pendingMode: 'days', returnWindowDays: 30, expiryMode: 'lotLifetime', inactivityMonths: 12,
    });
    expect(DEFAULT_LOYALTY_SETTINGS.campaigns).toEqual([]);
    expect(storedRow()).toBeUndefined(); // reading writes nothing
  });

  it('saves the whole program, returns it, reads it back and tells the views to refetch', async () => {
    const saved = await call('loyalty.settings.update', program());
    expect(saved).toEqual({ ok: true, data: program() });
    expect(await call('loyalty.settings.get', {})).toEqual({ ok: true, data: program() });
    expect(events).toEqual([{ event: 'data.changed', payload: { areas: ['loyalty'] } }]);
    expect(storedRow()).toMatchObject({ updatedAt: '2026-05-01T00:00:00.000Z' });
  });

  it('trims tier names and benefits before saving', async () => {
    const settings = withChange((s) => {
      s.tiers[0]!.name = '  Bronze  ';
      s.tiers[0]!.benefits = ' Free shipping ';
    });
    const result = await call('loyalty.settings.update', settings);
    expect(result.ok && result.data).toMatchObject({ tiers: [{ name: 'Bronze', benefits: 'Free shipping' }, {}, {}] });
  });

  it('accepts no tiers, a zero rate (earning paused) and points that never expire', async () => {
    const settings = withChange((s) => {
      s.tiers = [];
      s.earning.pointsPerCurrencyUnit = 0;
    });
    expect(await call('loyalty.settings.update', settings)).toEqual({ ok: true, data: settings });
  });

  it.each<[string, (s: LoyaltySettings) => void, string, RegExp]>([
    ['a negative rate', (s) => (s.earning.pointsPerCurrencyUnit = -1), 'earning.pointsPerCurrencyUnit', /not be negative/],
    ['a rate with 3 decimals', (s) => (s.earning.pointsPerCurrencyUnit = 1.234), 'earning.pointsPerCurrencyUnit',
      /at most 2 decimal places/],
    ['a rate above 1000', (s) => (s.earning.pointsPerCurrencyUnit = 1000.5), 'earning.pointsPerCurrencyUnit',
      /at most 1000/],
    ['a fractional pending period', (s) => (s.earning.pendingDays = 1.5), 'earning.pendingDays', /whole number/],
    ['a pending period over a year', (s) => (s.earning.pendingDays = 366), 'earning.pendingDays', /at most 365/],
    ['a lot lifetime of 0 months', (s) => (s.earning.lotLifetimeMonths = 0), 'earning.lotLifetimeMonths',
      /at least 1 month/],
    ['a negative bonus', (s) => (s.bonusActions.review = -5), 'bonusActions.review', /not be negative/],
    ['a point worth nothing', (s) => (s.pointValueMinor = 0), 'pointValueMinor', /greater than 0/],
    ['a first tier above 0', (s) => (s.tiers[0]!.threshold = 100), 'tiers.0.threshold', /must be 0 for the first tier/],
    ['unsorted tiers', (s) => (s.tiers[2]!.threshold = 400), 'tiers.2.threshold',
      /greater than the previous tier's threshold \(500\)/],
    ['two tiers at one threshold', (s) => (s.tiers[2]!.threshold = 500), 'tiers.2.threshold', /greater than/],
    ['a duplicate tier id', (s) => (s.tiers[2]!.id = 'silver'), 'tiers.2.id', /"silver" is already used/],
    ['a duplicate tier name', (s) => (s.tiers[2]!.name = 'SILVER'), 'tiers.2.name', /already used/],
    ['a tier id that is not a slug', (s) => (s.tiers[1]!.id = 'Silver Tier'), 'tiers.1.id', /slug/],
    ['a multiplier with 3 decimals', (s) => (s.tiers[1]!.multiplier = 1.255), 'tiers.1.multiplier', /2 decimal/],
    ['a multiplier below 1', (s) => (s.tiers[1]!.multiplier = 0.5), 'tiers.1.multiplier', /at least 1/],
    ['an empty tier name', (s) => (s.tiers[1]!.name = '   '), 'tiers.1.name', /required/],
    ['benefits over 500 characters', (s) => (s.tiers[1]!.benefits = 'x'.repeat(501)), 'tiers.1.benefits', /500/],
    ['eleven tiers', (s) => (s.tiers = Array.from({ length: 11 }, (_, i) => tier(`t${i}`, i * 100))), 'tiers',
      /at most 10 tiers/],
    ['a campaign ending before it starts', (s) => (s.campaigns[0]!.endsOn = '2026-04-30'), 'campaigns.0.endsOn',
      /must not be before the start date \(2026-05-01\)/],
    ['a campaign multiplier above 10', (s) => (s.campaigns[0]!.multiplier = 11), 'campaigns.0.multiplier', /at most 10/],
    ['a campaign multiplier below 1', (s) => (s.campaigns[0]!.multiplier = 0.5), 'campaigns.0.multiplier', /at least 1/],
    ['a campaign multiplier with 3 decimals', (s) => (s.campaigns[0]!.multiplier = 1.125), 'campaigns.0.multiplier',
      /2 decimal/],
    ['a campaign date that does not exist', (s) => (s.campaigns[0]!.startsOn = '2026-02-30'), 'campaigns.0.startsOn',
      /real calendar date/],
    ['a campaign for an unknown segment', (s) => Object.assign(s.campaigns[0]!, { segment: 'vip' }),
      'campaigns.0.segment', /./],
    ['two campaigns with one id', (s) => (s.campaigns[1]!.id = 'double-may'), 'campaigns.1.id', /already used/],
    ['an empty campaign name', (s) => (s.campaigns[0]!.name = ' '), 'campaigns.0.name', /required/],
    ['an unknown pending mode', (s) => Object.assign(s.earning, { pendingMode: 'never' }), 'earning.pendingMode', /./],
    ['a negative return window', (s) => (s.earning.returnWindowDays = -1), 'earning.returnWindowDays', /not be negative/],
    ['inactivity of 0 months', (s) => (s.earning.inactivityMonths = 0), 'earning.inactivityMonths', /at least 1 month/],
    ['an unknown field', (s) => Object.assign(s, { rewards: [] }), '', /./],
    ['a patch instead of the whole program', (s) => delete (s as Partial<LoyaltySettings>).earning, 'earning', /./],
  ])('refuses %s with VALIDATION naming the field, and saves nothing', async (_label, edit, path, message) => {
    await call('loyalty.settings.update', program());
    const before = storedRow();
    events = [];
    const result = await call('loyalty.settings.update', withChange(edit));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toMatch(new RegExp(`^The request is not valid: ${path.replace(/\./g, '\\.')}.+\\.$`));
    const issues = (result.error.details as { issues: { path: string; message: string }[] }).issues;
    expect(issues.find((i) => i.path === path)?.message).toMatch(message);
    expect(storedRow()).toEqual(before);
    expect(events).toEqual([]);
    expect(await call('loyalty.settings.get', {})).toEqual({ ok: true, data: program() });
  });

  it('refuses a broken program from domain code too, with a sentence, writing nothing', () => {
    const broken = withChange((s) => (s.earning.pointsPerCurrencyUnit = -2));
    expect(() => writeLoyaltySettings(connection.sqlite, broken, ctx.now())).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message: 'The loyalty settings are not valid: earning.pointsPerCurrencyUnit must not be negative.',
      }),
    );
    expect(storedRow()).toBeUndefined();
  });
});

describe('a stored program that no longer validates', () => {
  const store = (value: string) =>
    connection.sqlite
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('loyalty', ?, '2026-01-01T00:00:00.000Z')")
      .run(value);

  it.each([
    ['not JSON', '{"enabled": tru'],
    ['overlapping tiers', JSON.stringify(withChange((s) => (s.tiers[1]!.threshold = 0)))],
    ['a field from another version', JSON.stringify({ ...program(), rewards: [] })],
  ])('reads as the defaults when it is %s, and says so in the log', async (_label, value) => {
    store(value);
    const warnings: string[] = [];
    expect(readLoyaltySettings(connection.sqlite, (message) => warnings.push(message))).toEqual(
      DEFAULT_LOYALTY_SETTINGS,
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/using the defaults/);
  });

  it('reads a program saved before campaigns, pending and expiry modes existed, with their defaults', () => {
    const old = program() as Partial<LoyaltySettings> & { earning: Record<string, unknown> };
    delete old.campaigns;
    for (const key of ['pendingMode', 'returnWindowDays', 'expiryMode', 'inactivityMonths']) delete old.earning[key];
    store(JSON.stringify(old));
    const warnings: string[] = [];
    expect(readLoyaltySettings(connection.sqlite, (message) => warnings.push(message))).toEqual({
      ...program(),
      campaigns: [],
      earning: { ...program().earning, pendingMode: 'days', returnWindowDays: 30, expiryMode: 'lotLifetime',
        inactivityMonths: 12 },
    });
    expect(warnings).toEqual([]);
  });

  it('logs through the console when read by the operation, and can be replaced by a valid one', async () => {
    store('[]');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await call('loyalty.settings.get', {})).toEqual({ ok: true, data: DEFAULT_LOYALTY_SETTINGS });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/no longer validate/), expect.anything());
    expect(await call('loyalty.settings.update', program())).toEqual({ ok: true, data: program() });
  });
});
