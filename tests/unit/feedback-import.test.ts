import { afterEach, describe, expect, it } from 'vitest';
import { ROW_PROBLEMS } from '../fixtures/feedback-row-problems';
import type { Connection } from '../../src/main/db/connection';
import { parseCsv } from '../../src/shared/csv';
import { feedbackHandlers } from '../../src/main/domain/feedback/handlers';
import { feedbackImportInput } from '../../src/shared/contract/feedback';
import { AppError } from '../../src/shared/errors';
import { count, feedbackShop } from './feedback-fixtures';

let connection: Connection | undefined;
afterEach(() => connection?.close());

const importInput = (csv: string) => feedbackImportInput.parse({ staffId: 1, csv, fileName: 'reviews.csv' });

describe('CSV reading (RFC 4180)', () => {
  it('reads quoted commas, doubled quotes and line breaks in quotes, and drops a BOM', () => {
    const text = '\uFEFFrating,body\r\n5,"Lovely, ""really"" lovely"\r\n1,"Broken\non arrival"\n\n2,plain';
    expect(parseCsv(text).map((r) => [r.line, r.fields])).toEqual([
      [1, ['rating', 'body']],
      [2, ['5', 'Lovely, "really" lovely']],
      [3, ['1', 'Broken\non arrival']],
      [6, ['2', 'plain']],
    ]);
  });

  it('refuses a quote that never closes, naming its line', () => {
    expect(() => parseCsv('rating,body\n5,"never closed\n')).toThrow(/line 2/);
  });
});

describe('feedback.import', () => {
  const csv = [
    'Rating,Body,Customer_Email,Order_Number,Product_SKU,Created_At,External_ID,Channel',
    '5,"Lovely scent, fast shipping",c1@example.com,#1001,CANDLE-1,2026-03-10,r-1,web',
    'six,Nice,c1@example.com,,,2026-03-10,r-2,web',
    '1,"Arrived broken.\nThe jar cracked.",nobody@example.com,,,2026-03-11T08:00:00Z,r-3,web',
    '4,Good,,#9999,,2026-03-11,r-4,web',
    '4,Good,,,,2026-02-30,r-5,web',
    ',,,,,2026-03-12,r-6,web',
    '3,"Fine, but nothing special",c2@example.com,1002,,2026-03-12 09:30,r-7,web',
  ].join('\n');

  it('imports the good rows, reports each bad one by row number, and lists ignored columns', async () => {
    const shop = await feedbackShop();
    connection = shop.connection;
    const result = feedbackHandlers['feedback.import'](importInput(csv), shop.ctx);
    expect(result.imported).toBe(3);
    expect(result.duplicates).toBe(0);
    expect(result.ignoredColumns).toEqual(['Channel']);
    expect(result.errors.map((e) => e.row)).toEqual([3, 5, 6, 7]);
    expect(result.errors[0]?.message).toBe('Row 3: the rating "six" is not a number.');
    expect(result.errors[1]?.message).toMatch(/no order numbered "#9999"/);
    expect(result.errors[2]?.message).toMatch(/2026-02-30/);
    expect(result.errors[3]?.message).toMatch(/neither a rating nor any text/);

    const rows = shop.sqlite.prepare(`SELECT external_id AS ext, customer_id AS customer, order_id AS orderId,
        product_id AS product, sentiment, body, imported_from AS file, created_at AS at FROM feedback ORDER BY id`).all();
    expect(rows).toEqual([
      { ext: 'r-1', customer: 1, orderId: 1, product: 1, sentiment: 'positive', body: 'Lovely scent, fast shipping',
        file: 'reviews.csv', at: '2026-03-10T00:00:00.000Z' },
      // An unknown email is not an error: the review stays, without a customer.
      { ext: 'r-3', customer: null, orderId: null, product: null, sentiment: 'negative',
        body: 'Arrived broken.\nThe jar cracked.', file: 'reviews.csv', at: '2026-03-11T08:00:00.000Z' },
      // "1002" finds order #1002, whose customer it takes.
      { ext: 'r-7', customer: 2, orderId: 2, product: null, sentiment: 'neutral', body: 'Fine, but nothing special',
        file: 'reviews.csv', at: '2026-03-12T09:30:00.000Z' },
    ]);
    expect(result.ticketsOpened).toBe(1);
    expect(shop.events).toContainEqual({ event: 'data.changed', payload: { areas: ['feedback', 'service', 'loyalty'] } });
  });

  it('skips rows imported before, by external id or by content, and within one file', async () => {
    const shop = await feedbackShop();
    connection = shop.connection;
    feedbackHandlers['feedback.import'](importInput(csv), shop.ctx);
    const again = feedbackHandlers['feedback.import'](importInput(csv), shop.ctx);
    expect(again).toMatchObject({ imported: 0, duplicates: 3, ticketsOpened: 0 });
    expect(count(shop.connection, 'SELECT count(*) FROM feedback')).toBe(3);
    expect(count(shop.connection, 'SELECT count(*) FROM tickets')).toBe(1);

    const noIds = 'rating,body,created_at\n2,Too small,2026-03-01\n2,Too small,2026-03-01\n2,Too small,2026-03-02';
    expect(feedbackHandlers['feedback.import'](importInput(noIds), shop.ctx)).toMatchObject({ imported: 2, duplicates: 1 });
  });

  it('writes nothing when the import fails part-way', async () => {
    const shop = await feedbackShop();
    connection = shop.connection;
    // The third good row fails to insert: the two before it must not stay behind, nor their tickets.
    shop.sqlite.exec(`CREATE TRIGGER fail_third BEFORE INSERT ON feedback WHEN NEW.external_id = 'r-7'
      BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    expect(() => feedbackHandlers['feedback.import'](importInput(csv), shop.ctx)).toThrow(/disk trouble/);
    expect(count(shop.connection, 'SELECT count(*) FROM feedback')).toBe(0);
    expect(count(shop.connection, 'SELECT count(*) FROM tickets')).toBe(0);
    expect(count(shop.connection, 'SELECT count(*) FROM points_ledger')).toBe(0);
  });

  it('refuses a file without a usable header, or that is not CSV, as a whole', async () => {
    const shop = await feedbackShop();
    connection = shop.connection;
    const attempt = (text: string) => {
      try {
        feedbackHandlers['feedback.import'](importInput(text), shop.ctx);
        return null;
      } catch (error) {
        return error instanceof AppError ? [error.code, error.message] : error;
      }
    };
    expect(attempt('name,email\nAva,a@x.example')).toEqual(['VALIDATION', expect.stringMatching(/rating, title or body column/)]);
    expect(attempt('rating,body\n5,"open')).toEqual(['VALIDATION', expect.stringMatching(/never closed/)]);
    expect(attempt('rating,rating\n5,4')).toEqual(['VALIDATION', expect.stringMatching(/twice/)]);
    expect(count(shop.connection, 'SELECT count(*) FROM feedback')).toBe(0);
  });

  it('reports a row with more values than the header has columns', async () => {
    const shop = await feedbackShop();
    connection = shop.connection;
    const result = feedbackHandlers['feedback.import'](importInput('rating,body\n5,Lovely, really lovely\n4,Good'), shop.ctx);
    expect(result.imported).toBe(1);
    expect(result.errors).toEqual([{ row: 2, message: expect.stringMatching(/^Row 2 has 3 values but the header has 2 columns/) }]);
  });
});


describe('row problems', () => {
  it('says what is wrong with each kind of row in one sentence', async () => {
    const shop = await feedbackShop();
    connection = shop.connection;
    const rows = [
      'source,rating,title,body,customer_email,order_number,product_sku,created_at,external_id',
      'review,ten,,Nice,,,,,',
      'review,7,,Nice,,,,,',
      'nps,11,,Nice,,,,,',
      'tweet,5,,Nice,,,,,',
      `review,5,${'t'.repeat(201)},Nice,,,,,`,
      `review,5,,${'b'.repeat(10_001)},,,,,`,
      'review,,,,,,,,',
      `review,5,,Nice,,,,,${'x'.repeat(201)}`,
      'review,5,,Nice,,,,yesterday,',
      'review,5,,Nice,,,,2099-01-01,',
      'review,5,,Nice,,#404,,,',
      'review,5,,Nice,c2@example.com,#1001,,,',
      'review,5,,Nice,,,NOPE,,',
      'review,5,,Nice,,,,,,extra',
    ];
    const result = feedbackHandlers['feedback.import'](importInput(rows.join('\n')), shop.ctx);
    expect(result.errors.map((e) => e.message)).toEqual(ROW_PROBLEMS);
    expect(result.imported).toBe(0);
  });
});
