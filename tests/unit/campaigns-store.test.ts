import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/core/dispatch';
import type { HandlerContext } from '../../src/main/core/handler';
import { handlers } from '../../src/main/core/handlers';
import type { Connection } from '../../src/main/db/connection';
import { auditTrail } from '../../src/main/domain/audit/log';
import { memoryDb } from '../helpers/db';
import { handlerContext } from '../helpers/context';
import { NOW, seedShop } from './campaigns-fixtures';

/** Drafts through the contract's one door: create, edit (version-checked), cancel, list, export; sentences for bad input. */
let connection: Connection;
let ctx: HandlerContext;
let events: { event: string; payload: unknown }[];
const call = (name: string, input: unknown) => dispatch(handlers, ctx, name, input, () => undefined);
const base = {
  name: 'Spring points', goal: 'reward', startsAt: '2026-04-01T00:00:00Z', endsAt: '2026-06-01T00:00:00Z',
  audience: { kind: 'tag', tags: ['vip'] }, holdoutPercent: 10, mechanics: [{ kind: 'bonus', points: 20 }], staffId: 7,
};

async function created(overrides: Record<string, unknown> = {}): Promise<{ id: number; version: number }> {
  const result = await call('campaigns.create', { ...base, ...overrides });
  if (!result.ok) throw new Error(result.error.message);
  return result.data as { id: number; version: number };
}

async function errorOf(name: string, input: unknown): Promise<{ code: string; message: string }> {
  const result = await call(name, input);
  if (result.ok) throw new Error(`${name} should have failed`);
  return result.error;
}

beforeEach(async () => {
  connection = await memoryDb();
  seedShop(connection.sqlite, 30, { noConsentEvery: 3 });
  connection.sqlite.prepare(`INSERT INTO products (id, store_id, external_id, title, sku, price_minor, currency, created_at, updated_at)
    VALUES (1, 1, 'p1', 'Mug, blue', 'MUG-1', 1500, 'USD', ?, ?)`).run(NOW.toISOString(), NOW.toISOString());
  events = [];
  ctx = handlerContext(connection, NOW, events);
});
afterEach(() => connection.close());

describe('campaign drafts', () => {
  it('creates a draft, edits it with the current version, refuses a stale one, and audits both', async () => {
    const draft = await created();
    expect(await call('campaigns.get', { id: draft.id })).toMatchObject({ ok: true, data: { status: 'draft', name: 'Spring points',
      audienceCount: null, treatmentCount: null, mechanicKinds: ['bonus'], delivered: { pointsPosted: 0 } } });
    const edited = await call('campaigns.update', { ...base, id: draft.id, version: draft.version, name: 'Spring double points' });
    expect(edited).toMatchObject({ ok: true, data: { name: 'Spring double points', version: 2 } });
    expect(await errorOf('campaigns.update', { ...base, id: draft.id, version: 1 })).toEqual({ code: 'CONFLICT',
      message: 'Someone else changed this campaign since you opened it: reload it to see their changes, then edit again.' });
    expect(auditTrail(connection.sqlite, 'campaign', draft.id).map((a) => a.action)).toEqual(['campaign.update', 'campaign.create']);
    expect(events).toContainEqual({ event: 'data.changed', payload: { areas: ['campaigns'] } });
  });

  it('refuses to edit a launched campaign, and stops one early keeping what was posted', async () => {
    const draft = await created();
    const launched = await call('campaigns.launch', { id: draft.id, staffId: 7, launchKey: 'launch-123' });
    expect(launched).toMatchObject({ ok: true, data: { launchedNow: true, campaign: { status: 'running', audienceCount: 20, excludedNoConsent: 10 } } });
    expect(await errorOf('campaigns.update', { ...base, id: draft.id, version: 2 })).toEqual({ code: 'CONFLICT',
      message: 'This campaign has been launched: its audience and rewards are fixed and it can no longer be edited.' });
    const stopped = await call('campaigns.cancel', { id: draft.id, staffId: 8 });
    expect(stopped).toMatchObject({ ok: true, data: { status: 'cancelled', endsAt: NOW.toISOString() } });
    expect((stopped.ok && (stopped.data as { delivered: { pointsPosted: number } }).delivered.pointsPosted)).toBeGreaterThan(0);
    expect(await errorOf('campaigns.cancel', { id: draft.id, staffId: 8 })).toEqual({ code: 'CONFLICT', message: 'This campaign is already cancelled.' });
  });

  it('lists newest first, filtered by the status read from the window and by name', async () => {
    const past = await created({ name: 'Winter', startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-01-31T00:00:00Z' });
    const now = await created({ name: 'Spring' });
    await call('campaigns.launch', { id: now.id, staffId: 7, launchKey: 'launch-spring' });
    const all = await call('campaigns.list', {});
    expect(all.ok && (all.data as { campaigns: { id: number; status: string }[] }).campaigns.map((c) => [c.id, c.status]))
      .toEqual([[now.id, 'running'], [past.id, 'draft']]);
    const running = await call('campaigns.list', { status: ['running'], search: 'spr' });
    expect(running.ok && (running.data as { campaigns: unknown[] }).campaigns).toHaveLength(1);
    const none = await call('campaigns.list', { status: ['ended'] });
    expect(none.ok && (none.data as { campaigns: unknown[] }).campaigns).toEqual([]);
  });

  it('answers bad references with sentences', async () => {
    expect(await errorOf('campaigns.create', { ...base, storeId: 9 })).toMatchObject({ code: 'VALIDATION', message: 'There is no store with id 9.' });
    expect(await errorOf('campaigns.create', { ...base, staffId: 99 })).toMatchObject({ message: 'There is no staff member with id 99.' });
    expect(await errorOf('campaigns.create', { ...base, audience: { kind: 'tier', tierIds: ['gold'] } }))
      .toMatchObject({ message: 'The loyalty program has no tier named "gold".' });
    expect(await errorOf('campaigns.create', { ...base, audience: { kind: 'group', groupId: 4 } }))
      .toMatchObject({ message: 'There is no community group with id 4.' });
    expect(await errorOf('campaigns.create', { ...base, mechanics: [{ kind: 'priceList', prices: [{ productId: 1, priceMinor: 900 }, { productId: 5, priceMinor: 1 }] }] }))
      .toMatchObject({ message: 'The price list names products that do not exist: 5.' });
    expect(await errorOf('campaigns.create', { ...base, mechanics: [{ kind: 'bonus', points: 5 }, { kind: 'bonus', points: 6 }] }))
      .toMatchObject({ message: 'A campaign can have only one bonus mechanic.' });
    const window = await errorOf('campaigns.create', { ...base, endsAt: '2026-03-01T00:00:00Z' });
    expect(window.code).toBe('VALIDATION');
    expect(window.message).toContain('the campaign must end after it starts');
    expect(await errorOf('campaigns.get', { id: 404 })).toEqual({ code: 'NOT_FOUND', message: 'There is no campaign with id 404.' });
  });
});

describe('exports', () => {
  it('writes the coupon codes and the member price list as CSV', async () => {
    const draft = await created({ mechanics: [
      { kind: 'coupon', couponKind: 'percent', valueMinor: null, percent: 15, minOrderMinor: 0, validDays: null },
      { kind: 'priceList', prices: [{ productId: 1, priceMinor: 990 }] },
    ] });
    const before = await call('campaigns.prices.export', { id: draft.id });
    expect(before).toMatchObject({ ok: true, data: { rows: 1, filename: 'spring-points-member-prices.csv',
      csv: 'SKU,Name,Regular price,Sale price,Currency\r\nMUG-1,"Mug, blue",15.00,9.90,USD\r\n' } });
    const launched = await call('campaigns.launch', { id: draft.id, staffId: 7, launchKey: 'launch-export' });
    const treatment = launched.ok ? (launched.data as { treatment: number }).treatment : 0;
    const coupons = await call('campaigns.coupons.export', { id: draft.id });
    if (!coupons.ok) throw new Error(coupons.error.message);
    const { csv, rows } = coupons.data as { csv: string; rows: number };
    expect(rows).toBe(treatment);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('code,customer_id,customer,email,kind,value,currency,expires_at,status');
    expect(lines[1]).toMatch(/^BR-[A-Z2-9]{4}-[A-Z2-9]{4},\d+,C\d+,Customer\d+@Example\.com,percent,15%,USD,2026-06-01T00:00:00\.000Z,issued$/);
    expect(await call('campaigns.prices.export', { id: draft.id })).toMatchObject({ ok: true, data: { rows: 1 } });
  });
});
