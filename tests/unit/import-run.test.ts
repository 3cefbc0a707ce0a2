import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { previewImport } from '../../src/main/sync/import/preview';
import { IMPORT_BATCH_ORDERS, runImport } from '../../src/main/sync/import/run';
import { AppError } from '../../src/shared/errors';
import { memoryDb } from '../helpers/db';
import { STAFF_ID, addStaff, count, fixture, importContext, storedOrder } from './import-fixtures';

let connection: Connection;

beforeEach(async () => {
  connection = await memoryDb();
  addStaff(connection);
});
afterEach(() => connection.close());

const totalChanges = () => connection.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
const shopify = (csv: string, extra: Record<string, unknown> = {}) =>
  ({ staffId: STAFF_ID, format: 'shopify_orders' as const, csv, fileName: 'orders_export.csv', ...extra });

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the import to be refused');
}

describe('problem rows', () => {
  it('reports each bad row with its number and imports the good orders', () => {
    const { ctx } = importContext(connection);
    const result = runImport(shopify(fixture('shopify-orders-problems.csv')), ctx);

    expect(result.created).toBe(2);
    expect(result.problems.map((p) => p.row)).toEqual([3, 5, 6]);
    expect(result.problems[0]?.message).toBe('Row 3: the Total "12,3x" is not an amount (write it like 12.50); order #2002 was not imported.');
    expect(result.problems[1]?.message).toMatch(/^Row 5: the Lineitem quantity "two" is not a whole number.*order #2003 was not imported\.$/);
    expect(result.problems[2]?.message).toMatch(/^Row 6: the Created at "yesterday" is not a date.*order #2004 was not imported\.$/);
    expect(count(connection, 'orders', 'store_id = ?', result.storeId)).toBe(2);
    // The order whose second line was bad is left out whole, not imported with one line.
    expect(count(connection, 'orders', "order_number = '#2003'")).toBe(0);
    expect(storedOrder(connection, result.storeId, '#2005')).toMatchObject({ currency: 'CNY', financial_status: 'refunded', refunded_minor: 6000 });
    expect(storedOrder(connection, result.storeId, '#2001').placed_at).toBe('2026-04-01T01:00:00.000Z');
  });

  it('refuses a file in which no order can be imported, writing nothing (not even its store)', () => {
    const { ctx } = importContext(connection);
    const header = fixture('shopify-orders.csv').split('\n')[0];
    const error = refusal(() => runImport(shopify(`${header}\n#1,,paid,,,,,USD,1.00,0.00,0.00,abc\n`), ctx));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/No order in the file could be imported.*Row 2:/);
    expect(count(connection, 'stores')).toBe(0);
  });

  it('says so when the file is another platform\'s export', () => {
    const { ctx } = importContext(connection);
    const error = refusal(() => runImport(shopify(fixture('woocommerce-orders.csv')), ctx));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/^This does not look like a Shopify orders export: the columns "Name", .* are missing/);
  });

  it('reports a mapped column the file does not have', () => {
    const { ctx } = importContext(connection);
    const error = refusal(() => runImport({
      staffId: STAFF_ID, format: 'generic_orders', csv: fixture('generic-orders-dmy.csv'),
      mapping: { columns: { Bestellnummer: 'orderNumber', Datum: 'placedAt', Gesamt: 'total', Mail: 'email' }, dateFormat: 'dmy', decimalSeparator: ',', currency: 'EUR' },
    }, ctx));
    expect(error.message).toMatch(/the column "Mail" is missing/);
  });
});

describe('the same file twice', () => {
  it('changes nothing the second time and reports the orders unchanged', () => {
    const csv = fixture('shopify-orders.csv');
    const first = runImport(shopify(csv), importContext(connection).ctx);
    expect(first.created).toBe(4);
    const before = totalChanges();
    const { ctx, events } = importContext(connection);

    const again = runImport(shopify(csv), ctx);

    expect(again).toEqual({ storeId: first.storeId, created: 0, updated: 0, unchanged: 4, problems: [] });
    expect(totalChanges()).toBe(before);
    expect(count(connection, 'stores')).toBe(1);
    expect(count(connection, 'import_files')).toBe(1);
    expect(events).toEqual([]);
  });

  it('into the same store, the same orders in a new file are unchanged and a changed order is updated', () => {
    const csv = fixture('shopify-orders.csv');
    const first = runImport(shopify(csv), importContext(connection).ctx);
    // A later export: #1004 has since been paid and fulfilled.
    const later = csv.replace('#1004,,pending,,,,no', '#1004,,paid,2026-03-06 10:00:00 -0500,fulfilled,2026-03-07 10:00:00 -0500,no');
    expect(later).not.toBe(csv);

    const result = runImport(shopify(later, { storeId: first.storeId }), importContext(connection).ctx);

    expect(result).toMatchObject({ storeId: first.storeId, created: 0, updated: 1, unchanged: 3 });
    expect(storedOrder(connection, first.storeId, '#1004')).toMatchObject({ financial_status: 'paid', status: 'completed' });
    expect(count(connection, 'orders')).toBe(4);
    expect(count(connection, 'import_files')).toBe(2);
  });
});

describe('preview', () => {
  it('reads everything and writes nothing', () => {
    const before = totalChanges();
    const preview = previewImport(shopify(fixture('shopify-orders-problems.csv')), importContext(connection).ctx);

    expect(totalChanges()).toBe(before);
    expect(count(connection, 'stores')).toBe(0);
    expect(preview.orders).toBe(2);
    expect(preview.alreadyImported).toBe(false);
    expect(preview.problems.map((p) => p.row)).toEqual([3, 5, 6]);
    expect(preview.columns.slice(0, 3)).toEqual(['Name', 'Email', 'Financial Status']);
    expect(preview.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(preview.rows[0]).toEqual({
      row: 2, order: { number: '#2001', placedAt: '2026-04-01T01:00:00.000Z', totalMinor: 9900, currency: 'CNY', lines: 1 }, problem: null,
    });
    expect(preview.rows[1]?.order).toBeNull();
    expect(preview.rows[1]?.problem).toMatch(/^Row 3:/);
    // The first line of the order whose second line is bad: not imported either, and says why.
    expect(preview.rows[2]).toMatchObject({ row: 4, order: null, problem: 'Part of order #2003, which was not imported (see row 5).' });
  });

  it('knows a file that was already imported', () => {
    const csv = fixture('woocommerce-orders-keys.csv');
    const input = { staffId: STAFF_ID, format: 'woocommerce_orders' as const, csv };
    runImport(input, importContext(connection).ctx);
    expect(previewImport(input, importContext(connection).ctx).alreadyImported).toBe(true);
    expect(previewImport({ ...input, csv: `${csv}\n` }, importContext(connection).ctx).alreadyImported).toBe(false);
  });
});

describe('checks and batches', () => {
  it('refuses an unknown staff member and an unknown store', () => {
    const { ctx } = importContext(connection);
    expect(refusal(() => runImport(shopify(fixture('shopify-orders.csv'), { staffId: 99 }), ctx)).message)
      .toBe('Choose who is importing: there is no active staff member with id 99.');
    expect(refusal(() => previewImport(shopify(fixture('shopify-orders.csv'), { storeId: 42 }), ctx)).code).toBe('NOT_FOUND');
    expect(count(connection, 'stores')).toBe(0);
  });

  it(`writes a large file in batches of ${IMPORT_BATCH_ORDERS} orders and reports progress`, () => {
    const header = 'Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Id';
    const rows = Array.from({ length: 1200 }, (_, i) =>
      `#${5000 + i},buyer${i % 300}@example.com,paid,2026-02-01 10:00:00 +0000,fulfilled,USD,10.00,0.00,0.00,10.00,2026-02-01 10:00:00 +0000,1,Soap,10.00,${900000 + i}`);
    const { ctx, events } = importContext(connection);

    const result = runImport(shopify([header, ...rows].join('\n')), ctx);

    expect(result).toMatchObject({ created: 1200, problems: [] });
    expect(count(connection, 'customers', 'store_id = ?', result.storeId)).toBe(300);
    const progress = events.filter((e) => e.event === 'job.progress').map((e) => (e.payload as { done: number }).done);
    expect(progress).toEqual([500, 1000, 1200]);
  });
});
