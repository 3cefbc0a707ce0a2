import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { memoryDb } from '../helpers/db';

let connection: Connection | undefined;
afterEach(() => connection?.close());

/** Migration 0012: feedback idempotency keys, hand-set topics, the product index. */
describe('migration 0012_feedback_inbox', () => {
  it('keeps one item per idempotency key, any number without one, and flags only 0 or 1', async () => {
    connection = await memoryDb();
    const insert = connection.sqlite.prepare(
      `INSERT INTO feedback (source, rating, created_at, idempotency_key, topics_manual) VALUES ('review', 5, '2026-01-01T00:00:00Z', ?, ?)`);
    insert.run('k1', 0);
    insert.run(null, 0);
    insert.run(null, 1);
    expect(() => insert.run('k1', 0)).toThrow(/UNIQUE/);
    expect(() => insert.run('k2', 2)).toThrow(/CHECK/);
    expect(connection.sqlite.prepare('SELECT count(*) FROM feedback WHERE topics_manual = 0').pluck().get()).toBe(2);
    const indexes = connection.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'feedback' ORDER BY name").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['feedback_idempotency', 'feedback_product']));
  });
});
