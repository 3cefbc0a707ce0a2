import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { drawTicket, drawWinners, entrantsHash, sha256Hex } from '../../src/main/domain/campaigns/draws/algorithm';
import { drawHandlers } from '../../src/main/domain/campaigns/draws/handlers';
import { writeLoyaltySettings } from '../../src/main/domain/loyalty/settings';
import { DEFAULT_LOYALTY_SETTINGS, type CampaignMechanic, type DrawEntrant } from '../../src/shared/contract';
import { handlerContext } from '../helpers/context';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertStore } from '../helpers/fixtures';
import { insertCampaign, insertLedger } from './campaign-report-fixtures';

/**
 * Lucky draws: made once per run key, kept (seed, canonical entrants, hash,
 * winners), and re-run by anyone from what was kept. Campaign 1: treatment
 * 1–30, holdout 31–40.
 */
const NOW = new Date('2026-03-10T12:00:00.000Z');
const TREATMENT = Array.from({ length: 30 }, (_, i) => i + 1);
const HOLDOUT = Array.from({ length: 10 }, (_, i) => i + 31);
let connection: Connection;
let events: unknown[];

const pointsDraw = (weighting: 'none' | 'tier' | 'points', winners = 3): CampaignMechanic =>
  ({ kind: 'draw', winners, weighting, prize: { kind: 'points', points: 500 } });

function setUp(mechanics: CampaignMechanic[]): void {
  insertCampaign(connection.sqlite, {
    id: 1, name: 'Spring draw', startsAt: '2026-03-01T00:00:00.000Z', endsAt: '2026-03-31T00:00:00.000Z',
    launchedAt: '2026-03-01T00:00:00.000Z', mechanics, treatment: TREATMENT, holdout: HOLDOUT,
  });
}

const ctx = () => handlerContext(connection, NOW, events);
const run = (runKey: string, seed?: string) =>
  drawHandlers['draws.run']({ campaignId: 1, staffId: 1, runKey, ...(seed === undefined ? {} : { seed }) }, ctx());
const verify = (drawId: number) => drawHandlers['draws.verify']({ drawId }, ctx());
const savedRow = (id: number) => connection.sqlite.prepare('SELECT seed, entrants, entrants_hash AS hash, winners FROM draws WHERE id = ?')
  .get(id) as { seed: string; entrants: string; hash: string; winners: string };
const prizeEntries = () => connection.sqlite.prepare(
  "SELECT customer_id AS customerId, points, idempotency_key AS key FROM points_ledger WHERE idempotency_key LIKE 'draw:%' ORDER BY id",
).all() as { customerId: number; points: number; key: string }[];

beforeEach(async () => {
  connection = await memoryDb();
  events = [];
  insertStore(connection.sqlite);
  for (let id = 1; id <= 40; id++) insertCustomer(connection.sqlite, id);
  connection.sqlite.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (1, 'Olga Owner', 'owner', '2026-01-01T00:00:00Z')").run();
});
afterEach(() => connection.close());

describe('the draw algorithm', () => {
  const entrants: DrawEntrant[] = [{ customerId: 3, weight: 1 }, { customerId: 1, weight: 2 }, { customerId: 2, weight: 1 }];

  it('fingerprints the list sorted by customer id, whatever order it came in', () => {
    const canonical = '[{"customerId":1,"weight":2},{"customerId":2,"weight":1},{"customerId":3,"weight":1}]';
    expect(entrantsHash(entrants)).toBe(sha256Hex(canonical));
    expect(entrantsHash([...entrants].reverse())).toBe(entrantsHash(entrants));
  });

  it('matches an independent re-run of the stated algorithm (figures from Python hashlib and math.log)', () => {
    // A change here would make every saved draw fail verification: the algorithm is frozen.
    const golden = Array.from({ length: 20 }, (_, i) => ({ customerId: i + 1, weight: 1 + ((i + 1) % 4) }));
    expect(drawTicket('golden-seed', 1)).toBe(0.5490405032972676);
    expect(entrantsHash(golden)).toBe('8faed5a904097c176e383bf10db4eb8a8673c8cfada11bdbef0763117bbf5e77');
    expect(drawWinners('golden-seed', golden, 5)).toEqual([2, 9, 13, 15, 14]);
  });

  it('picks the same winners from the same seed and list, and others from another seed', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ customerId: i + 1, weight: 1 + (i % 3) }));
    const first = drawWinners('announced-seed', many, 10);
    expect(drawWinners('announced-seed', [...many].reverse(), 10)).toEqual(first);
    expect(new Set(first).size).toBe(10);
    expect(drawWinners('another-seed', many, 10)).not.toEqual(first);
  });

  it('gives a heavier entrant a proportionally better chance (fixed seeds, so the check cannot flake)', () => {
    // Customer 1 weighs 9, nine others 1: P(first prize) = 9 / 18 = 0.5; unweighted it is 1 / 10.
    const weighted = [{ customerId: 1, weight: 9 }, ...Array.from({ length: 9 }, (_, i) => ({ customerId: i + 2, weight: 1 }))];
    const flat = weighted.map((e) => ({ ...e, weight: 1 }));
    let weightedWins = 0;
    let flatWins = 0;
    for (let trial = 0; trial < 2000; trial++) {
      if (drawWinners(`seed-${trial}`, weighted, 1)[0] === 1) weightedWins += 1;
      if (drawWinners(`seed-${trial}`, flat, 1)[0] === 1) flatWins += 1;
    }
    // Binomial(2000, 0.5): sd 22.4, so ±60 is beyond 2.6 sd; Binomial(2000, 0.1): sd 13.4.
    expect(weightedWins).toBeGreaterThan(940);
    expect(weightedWins).toBeLessThan(1060);
    expect(flatWins).toBeGreaterThan(160);
    expect(flatWins).toBeLessThan(240);
  });
});

describe('draws.run and draws.verify', () => {
  it('draws among the treatment only, posts each prize, and keeps what a re-run needs', () => {
    setUp([{ kind: 'bonus', points: 10 }, pointsDraw('none')]);
    const { draw, ranNow } = run('run-key-0001', 'announced-seed');
    expect(ranNow).toBe(true);
    expect(draw).toMatchObject({ campaignId: 1, name: 'Lucky draw', weighting: 'none', seed: 'announced-seed', entrantsCount: 30, runBy: 'Olga Owner' });
    expect(draw.winners.map((w) => w.rank)).toEqual([1, 2, 3]);
    expect(draw.winners.every((w) => TREATMENT.includes(w.customerId) && w.prize === '500 points')).toBe(true);
    expect(prizeEntries()).toEqual(draw.winners.map((w) => ({ customerId: w.customerId, points: 500, key: `draw:${draw.id}:winner:${w.customerId}` })));
    // Acceptance: anyone re-running from the saved seed and entrant list gets the same winners, in order.
    const saved = savedRow(draw.id);
    expect(sha256Hex(saved.entrants)).toBe(saved.hash);
    expect(drawWinners(saved.seed, JSON.parse(saved.entrants) as DrawEntrant[], 3)).toEqual(draw.winners.map((w) => w.customerId));
    expect(verify(draw.id)).toEqual({ drawId: draw.id, entrantsIntact: true, sameWinners: true,
      entrantsChangedSince: { added: 0, removed: 0, reweighted: 0 },
      message: 'The draw checks out: the saved entrant list is intact and re-running it from its seed picks the same 3 winners in the same order. The entrants are the same today.' });
    expect(events).toEqual([{ event: 'data.changed', payload: { areas: ['campaigns', 'loyalty'] } }]);
  });

  it('makes up a seed when none is given, and keeps it', () => {
    setUp([pointsDraw('none')]);
    const { draw } = run('run-key-0001');
    expect(draw.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(verify(draw.id).sameWinners).toBe(true);
  });

  it('answers the same run key with the first draw and posts its prizes once', () => {
    setUp([pointsDraw('none')]);
    const first = run('run-key-0001', 'seed-a');
    const again = run('run-key-0001', 'seed-b');
    expect(again.ranNow).toBe(false);
    expect(again.draw).toEqual(first.draw);
    expect(prizeEntries()).toHaveLength(3);
    expect(() => run('run-key-0002')).toThrow('The lucky draw of the campaign "Spring draw" has already been run: its winners are in the list of draws.');
    expect(prizeEntries()).toHaveLength(3);
    expect(drawHandlers['draws.list']({ campaignId: 1 }, ctx()).draws).toHaveLength(1);
  });

  it('runs each draw mechanic once, in order', () => {
    setUp([pointsDraw('none', 1), { kind: 'draw', winners: 2, weighting: 'none', prize: { kind: 'points', points: 50 } }]);
    expect(run('run-key-0001').draw).toMatchObject({ name: 'Lucky draw 1 of 2' });
    const second = run('run-key-0002').draw;
    expect(second).toMatchObject({ name: 'Lucky draw 2 of 2' });
    expect(second.winners.map((w) => w.prize)).toEqual(['50 points', '50 points']);
    expect(() => run('run-key-0003')).toThrow('All 2 lucky draws of the campaign "Spring draw" have already been run: their winners are in the list of draws.');
  });

  it('detects a saved entrant list that was edited, with or without a matching hash', () => {
    setUp([pointsDraw('none')]);
    const { draw } = run('run-key-0001', 'announced-seed');
    const saved = savedRow(draw.id);
    const edited = saved.entrants.replace('{"customerId":1,"weight":1}', '{"customerId":1,"weight":50}');
    connection.sqlite.prepare('UPDATE draws SET entrants = ? WHERE id = ?').run(edited, draw.id);
    const tampered = verify(draw.id);
    expect(tampered.entrantsIntact).toBe(false);
    expect(tampered.message).toBe('The saved entrant list no longer matches its fingerprint: it was changed after the draw, so this draw cannot be trusted.');
    // A forger who also rewrites the hash: the list now lacks the first winner, so the re-run picks someone else.
    const firstWinner = draw.winners[0]!.customerId;
    const without = JSON.stringify((JSON.parse(saved.entrants) as DrawEntrant[]).filter((e) => e.customerId !== firstWinner));
    connection.sqlite.prepare('UPDATE draws SET entrants = ?, entrants_hash = ? WHERE id = ?').run(without, sha256Hex(without), draw.id);
    const forged = verify(draw.id);
    expect(forged).toMatchObject({ entrantsIntact: true, sameWinners: false, entrantsChangedSince: { added: 1, removed: 0, reweighted: 0 } });
  });

  it('weighs by tier rank and reports a weight changed in the data since', () => {
    writeLoyaltySettings(connection.sqlite, { ...DEFAULT_LOYALTY_SETTINGS, tiers: [
      { id: 'bronze', name: 'Bronze', threshold: 0, multiplier: 1, benefits: '' },
      { id: 'silver', name: 'Silver', threshold: 100, multiplier: 1, benefits: '' },
      { id: 'gold', name: 'Gold', threshold: 500, multiplier: 1, benefits: '' },
    ] }, NOW);
    const tier = connection.sqlite.prepare('INSERT INTO customer_tiers (customer_id, tier_id, since, held_until) VALUES (?, ?, ?, ?)');
    tier.run(1, 'gold', '2026-01-01T00:00:00Z', null);
    tier.run(2, 'silver', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');
    tier.run(3, 'gold', '2025-01-01T00:00:00Z', '2026-02-01T00:00:00Z'); // the hold ran out: weighs 1
    tier.run(4, 'platinum', '2026-01-01T00:00:00Z', null); // a tier no longer in the ladder
    tier.run(31, 'gold', '2026-01-01T00:00:00Z', null); // holdout: never enters
    setUp([pointsDraw('tier')]);
    const { draw } = run('run-key-0001', 'announced-seed');
    const entrants = JSON.parse(savedRow(draw.id).entrants) as DrawEntrant[];
    expect(entrants).toHaveLength(30);
    expect(entrants.slice(0, 5)).toEqual([
      { customerId: 1, weight: 3 }, { customerId: 2, weight: 2 }, { customerId: 3, weight: 1 },
      { customerId: 4, weight: 1 }, { customerId: 5, weight: 1 },
    ]);
    connection.sqlite.prepare("UPDATE customer_tiers SET tier_id = 'silver' WHERE customer_id = 1").run();
    connection.sqlite.prepare("UPDATE customers SET merged_into_id = 6 WHERE id = 7").run();
    const check = verify(draw.id);
    expect(check).toMatchObject({ entrantsIntact: true, sameWinners: true, entrantsChangedSince: { added: 0, removed: 1, reweighted: 1 } });
    expect(check.message).toContain('Since the draw, 0 entrants were added, 1 removed and 1 changed weight; the draw used the list as it was.');
  });

  it('weighs by spendable points, at least 1', () => {
    insertLedger(connection.sqlite, { customerId: 1, points: 250, key: 'test:1', at: '2026-03-01T00:00:00.000Z' });
    insertLedger(connection.sqlite, { customerId: 1, points: -50, key: 'test:2', type: 'redeem', at: '2026-03-02T00:00:00.000Z' });
    insertLedger(connection.sqlite, { customerId: 2, points: 80, key: 'test:3', at: '2026-03-01T00:00:00.000Z', expiresAt: '2026-03-05T00:00:00.000Z' });
    setUp([pointsDraw('points')]);
    const { draw } = run('run-key-0001', 'announced-seed');
    const entrants = JSON.parse(savedRow(draw.id).entrants) as DrawEntrant[];
    expect(entrants.slice(0, 3)).toEqual([{ customerId: 1, weight: 200 }, { customerId: 2, weight: 1 }, { customerId: 3, weight: 1 }]);
  });

  it('gives coupon prizes through campaign coupons, once per winner', () => {
    setUp([{ kind: 'draw', winners: 2, weighting: 'none', prize: { kind: 'coupon', couponKind: 'fixed_amount', valueMinor: 1500, percent: null } }]);
    const { draw } = run('run-key-0001', 'announced-seed');
    const coupons = connection.sqlite.prepare(
      'SELECT customer_id AS customerId, code, kind, value_minor AS valueMinor, expires_at AS expiresAt, idempotency_key AS key FROM campaign_coupons ORDER BY id',
    ).all();
    expect(coupons).toEqual(draw.winners.map((w) => ({ customerId: w.customerId, code: w.prize, kind: 'fixed_amount', valueMinor: 1500,
      expiresAt: '2026-04-09T12:00:00.000Z', key: `draw:${draw.id}:coupon:${w.customerId}` })));
    expect(prizeEntries()).toEqual([]);
  });

  it('refuses with sentences: no draw mechanic, a draft, a stopped campaign, an unknown draw', () => {
    setUp([{ kind: 'bonus', points: 10 }]);
    expect(() => run('run-key-0001')).toThrow('The campaign "Spring draw" has no lucky draw among its mechanics.');
    insertCampaign(connection.sqlite, { id: 2, name: 'Later', startsAt: '2026-04-01T00:00:00Z', endsAt: '2026-04-30T00:00:00Z',
      launchedAt: null, mechanics: [pointsDraw('none')] });
    expect(() => drawHandlers['draws.run']({ campaignId: 2, staffId: 1, runKey: 'run-key-0002' }, ctx()))
      .toThrow('The campaign "Later" is still a draft: it has no members to draw from yet.');
    connection.sqlite.prepare("UPDATE campaigns SET mechanics = ?, status = 'cancelled', cancelled_at = '2026-03-05T00:00:00Z' WHERE id = 1")
      .run(JSON.stringify([pointsDraw('none')]));
    expect(() => run('run-key-0003')).toThrow('The campaign "Spring draw" was stopped, so its draws can no longer be run.');
    expect(() => verify(99)).toThrow('There is no draw with id 99.');
    expect(() => drawHandlers['draws.list']({ campaignId: 99 }, ctx())).toThrow('There is no campaign with id 99.');
    expect(prizeEntries()).toEqual([]);
  });
});
