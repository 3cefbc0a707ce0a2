import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../src/main/core/handler';
import type { Connection } from '../../src/main/db/connection';
import { DEFAULT_RECS_CONFIG, type RecsExport, type RecsPublishPlan, type RecsPublishResult } from '../../src/shared/contract/recs';
import { parseCsv } from '../../src/shared/csv';
import { handlerContext } from '../helpers/context';
import { memoryDb } from '../helpers/db';
import { call, jobsSettled, ok, seedShop } from './recs-core-fixtures';

/** Publishing product lists to a connected store through the outbox, and the CSV export for any other platform. */
let connection: Connection;
let ctx: HandlerContext;
let events: { event: string; payload: unknown }[];

interface OutboxRow {
  idempotency_key: string;
  operation: string;
  target_type: string;
  target_id: number;
  payload: string;
}
const outbox = () =>
  connection.sqlite.prepare('SELECT idempotency_key, operation, target_type, target_id, payload FROM outbox ORDER BY id').all() as OutboxRow[];

beforeEach(async () => {
  connection = await memoryDb();
  seedShop(connection.sqlite);
  events = [];
  ctx = handlerContext(connection, new Date('2026-03-01T12:00:00Z'), events);
});
afterEach(() => connection.close());

async function train(): Promise<void> {
  await ok(ctx, 'recs.train', {});
  await jobsSettled(ctx);
}

describe('recs.publish', () => {
  it('says what would change, queues exactly the changed products once, and nothing the second time', async () => {
    await train();
    const plan = await ok<RecsPublishPlan>(ctx, 'recs.publish.plan', { storeId: 1 });
    // Store 1's active products: 1–8; 8 was made here (no remote id) and is skipped.
    expect(plan).toMatchObject({ storeId: 1, platform: 'woocommerce', products: 8, changed: 7, unchanged: 0, skipped: 1 });
    expect(plan.target).toMatch(/upsell_ids/);
    const beans = plan.changes.find((c) => c.productId === 1 && c.kind === 'related')!;
    expect(beans.before).toEqual([]);
    expect(beans.after[0]).toEqual({ productId: 2, title: 'Grinder, "burr"' });
    // Lists name only products the store knows: not the local-only one (8), not store 2's (9).
    const named = plan.changes.flatMap((c) => c.after.map((p) => p.productId));
    expect(named).not.toContain(8);
    expect(named).not.toContain(9);

    const published = await ok<RecsPublishResult>(ctx, 'recs.publish', { storeId: 1, staffId: 1 });
    expect(published).toMatchObject({ queued: 7, unchanged: 0, skipped: 1 });
    const queued = outbox();
    expect(queued).toHaveLength(7);
    expect(queued.map((m) => m.target_id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const first = queued[0]!;
    expect(first).toMatchObject({ operation: 'product.recommendations.set', target_type: 'product', idempotency_key: `recs:${published.publicationId}:1` });
    const payload = JSON.parse(first.payload) as { related: string[]; complementary: string[] };
    expect(payload.related).toEqual(beans.after.map((p) => `w${p.productId}`));
    expect(payload.complementary[0]).toBe('w2');
    expect(connection.sqlite.prepare(`SELECT action FROM audit_log WHERE entity_type = 'store' AND entity_id = 1`).pluck().all()).toEqual(['recs.publish']);
    expect(events).toContainEqual({ event: 'data.changed', payload: { areas: ['recs', 'sync'] } });

    const again = await ok<RecsPublishPlan>(ctx, 'recs.publish.plan', { storeId: 1 });
    expect(again).toMatchObject({ changed: 0, unchanged: 7, skipped: 1, changes: [] });
    const second = await ok<RecsPublishResult>(ctx, 'recs.publish', { storeId: 1 });
    expect(second).toMatchObject({ queued: 0, unchanged: 7 });
    expect(outbox()).toHaveLength(7);
  });

  it('after a change of settings, queues only the products whose lists changed', async () => {
    await train();
    await ok(ctx, 'recs.publish', { storeId: 1 });
    // Pinning the filter papers first on the teapot's lists changes the teapot's lists only.
    const config = { ...DEFAULT_RECS_CONFIG, pins: [{ anchorProductId: 5, productId: 3, position: 1 }] };
    await ok(ctx, 'recs.config.update', { config, expectedVersion: 0 });
    const plan = await ok<RecsPublishPlan>(ctx, 'recs.publish.plan', { storeId: 1 });
    expect(plan).toMatchObject({ changed: 1, unchanged: 6 });
    expect(plan.changes.every((change) => change.productId === 5)).toBe(true);
    const related = plan.changes.find((change) => change.kind === 'related')!;
    expect(related.after[0]).toEqual({ productId: 3, title: 'Filter papers' });
    expect(related.before[0]).toEqual({ productId: 4, title: 'Green tea' });
    const result = await ok<RecsPublishResult>(ctx, 'recs.publish', { storeId: 1 });
    expect(result.queued).toBe(1);
    expect(outbox().at(-1)).toMatchObject({ target_id: 5, idempotency_key: `recs:${result.publicationId}:5` });
  });

  it('refuses a store that is not connected, pointing to the CSV export, and changes nothing', async () => {
    await train();
    const result = await call(ctx, 'recs.publish', { storeId: 2 });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(result)).toMatch(/export them as CSV/);
    connection.sqlite.exec(`UPDATE stores SET disconnected_at = 'x' WHERE id = 1`);
    expect(await call(ctx, 'recs.publish.plan', { storeId: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(connection.sqlite.prepare('SELECT count(*) FROM recs_publications').pluck().get()).toBe(0);
    expect(await call(ctx, 'recs.publish', { storeId: 99 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('before any training: a sentence saying to train first', async () => {
    const result = await call(ctx, 'recs.publish.plan', { storeId: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(result)).toMatch(/train the engine/);
  });
});

describe('recs.export', () => {
  it('writes every product\'s lists as CSV that parses back, quotes included', async () => {
    await train();
    const exported = await ok<RecsExport>(ctx, 'recs.export', {});
    expect(exported.filename).toBe('recommendations-both-2026-03-01.csv');
    const [header, ...rows] = parseCsv(exported.csv).map((record) => record.fields);
    expect(header).toEqual(['product_id', 'product_sku', 'product_title', 'kind', 'position', 'recommended_id', 'recommended_sku', 'recommended_title', 'score']);
    expect(rows).toHaveLength(exported.rows);
    expect(rows[0]).toEqual(['1', 'BEAN', 'Coffee beans', 'related', '1', '2', 'GRIND', 'Grinder, "burr"', expect.stringMatching(/^\d+\.\d+$/)]);
    const kinds = new Set(rows.map((row) => row[3]));
    expect(kinds).toEqual(new Set(['related', 'complementary']));
    // Positions run 1, 2, 3... within each product's list.
    const beansRelated = rows.filter((row) => row[0] === '1' && row[3] === 'related').map((row) => Number(row[4]));
    expect(beansRelated).toEqual(beansRelated.map((_, i) => i + 1));

    const related = await ok<RecsExport>(ctx, 'recs.export', { kind: 'related' });
    expect(parseCsv(related.csv).slice(1).every((record) => record.fields[3] === 'related')).toBe(true);
  });
});
