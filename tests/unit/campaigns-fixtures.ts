import type { Sqlite } from '../../src/main/db/connection';
import { campaignCreateInput } from '../../src/shared/contract/campaigns';
import { createCampaign } from '../../src/main/domain/campaigns/store';
import type { CampaignDetail } from '../../src/shared/contract';

/**
 * A shop for the campaign tests: one store, staff 7 (Ana) and 8 (Ben), and
 * customers 1..n tagged "vip", every `noConsentEvery`-th without marketing
 * consent. Bulk-inserted in one statement per thousand rows.
 */
export const T0 = '2026-01-01T00:00:00.000Z';
export const NOW = new Date('2026-05-01T00:00:00.000Z');

export function seedShop(sqlite: Sqlite, customers: number, options: { noConsentEvery?: number; platform?: string } = {}): void {
  sqlite.prepare(`INSERT INTO stores (id, platform, name, currency, created_at, updated_at, shop_url)
    VALUES (1, ?, 'Shop', 'USD', ?, ?, 'https://shop.example')`).run(options.platform ?? 'demo', T0, T0);
  sqlite.prepare(`INSERT INTO staff (id, name, created_at) VALUES (7, 'Ana', ?), (8, 'Ben', ?)`).run(T0, T0);
  const every = options.noConsentEvery ?? 0;
  sqlite.transaction(() => {
    const insert = sqlite.prepare(`INSERT INTO customers (id, store_id, external_id, email, phone, first_name, marketing_consent,
      remote_tags, created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, '["vip"]', ?, ?)`);
    for (let id = 1; id <= customers; id++) {
      const consent = every > 0 && id % every === 0 ? 0 : 1;
      insert.run(id, `c${id}`, `Customer${id}@Example.com`, `+1 555 000 ${String(100_000 + id).slice(1)}`, `C${id}`, consent, T0, T0);
    }
  })();
}

export function draft(overrides: Record<string, unknown> = {}): ReturnType<typeof campaignCreateInput.parse> {
  return campaignCreateInput.parse({
    name: 'Come back', goal: 'reactivate', startsAt: '2026-04-01T00:00:00Z', endsAt: '2026-06-01T00:00:00Z',
    audience: { kind: 'tag', tags: ['vip'] }, holdoutPercent: 10, mechanics: [{ kind: 'bonus', points: 50 }], staffId: 7,
    ...overrides,
  });
}

export function createDraft(sqlite: Sqlite, overrides: Record<string, unknown> = {}, now = NOW): CampaignDetail {
  return createCampaign(sqlite, draft(overrides), now);
}

export function insertPaidOrder(sqlite: Sqlite, id: number, customerId: number, placedAt: string, totalMinor = 10_000,
  status = 'completed'): void {
  sqlite.prepare(`INSERT INTO orders (id, store_id, external_id, customer_id, order_number, status, financial_status,
      fulfillment_status, currency, subtotal_minor, total_minor, placed_at, created_at, updated_at)
    VALUES (?, 1, ?, ?, ?, ?, 'paid', 'fulfilled', 'USD', ?, ?, ?, ?, ?)`)
    .run(id, `o${id}`, customerId, `#${id}`, status, totalMinor, totalMinor, placedAt, placedAt, placedAt);
}

export const count = (sqlite: Sqlite, sql: string, ...args: unknown[]): number =>
  (sqlite.prepare(sql).pluck().get(...args) as number);

/** Ledger rows and points a campaign posted (keys campaign:<id>:…). */
export function campaignLedger(sqlite: Sqlite, id: number): { rows: number; points: number } {
  return sqlite.prepare(`SELECT count(*) AS rows, coalesce(sum(points), 0) AS points FROM points_ledger
    WHERE idempotency_key >= ? AND idempotency_key < ?`).get(`campaign:${id}:`, `campaign:${id};`) as { rows: number; points: number };
}
