import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import type { HandlerContext } from '../../src/main/core/handler';
import { dispatch } from '../../src/main/core/dispatch';
import { handlers } from '../../src/main/core/handlers';
import { generateDemoStore } from '../../src/main/demo';
import { csvCell, csvLine } from '../../src/shared/csvWrite';
import { decimalMajor } from '../../src/main/domain/orders/money-text';
import type { OrderExportChunk, OrderExportInput } from '../../src/shared/contract';
import { memoryDb } from '../helpers/db';
import { handlerContext } from '../helpers/context';

/** orders.export: chunks that concatenate into one RFC 4180 file of exactly the filtered, sorted orders. */
let connection: Connection;
let ctx: HandlerContext;
const call = (input: unknown) => dispatch(handlers, ctx, 'orders.export', input, () => undefined);

async function chunk(input: OrderExportInput): Promise<OrderExportChunk> {
  const result = await call(input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as OrderExportChunk;
}

async function wholeFile(input: OrderExportInput): Promise<{ csv: string; chunks: OrderExportChunk[] }> {
  const chunks: OrderExportChunk[] = [];
  let cursor: string | undefined;
  do {
    const next = await chunk({ ...input, cursor });
    chunks.push(next);
    cursor = next.nextCursor ?? undefined;
  } while (cursor);
  return { csv: chunks.map((c) => c.csv).join(''), chunks };
}

/** A small RFC 4180 reader, to check the file parses back to the cells written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += ch;
  }
  return rows;
}

beforeAll(async () => {
  connection = await memoryDb();
  generateDemoStore(connection.sqlite, { size: { orders: 600 }, seed: 7, now: new Date('2026-11-23T12:00:00Z') });
  ctx = handlerContext(connection, new Date('2026-11-23T12:00:00Z'));
});
afterAll(() => connection.close());

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1 555', "'+1 555"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tleading tab', "'\tleading tab"],
    [null, ''],
    [12.5, '12.5'],
  ])('writes %j as %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('ends every line with CRLF', () => {
    expect(csvLine(['a', null, 1])).toBe('a,,1\r\n');
  });

  it('writes money as exact decimal major units', () => {
    expect([decimalMajor(12345, 'USD'), decimalMajor(5, 'EUR'), decimalMajor(500, 'JPY'), decimalMajor(-1005, 'USD'), decimalMajor(1234, 'KWD')])
      .toEqual(['123.45', '0.05', '500', '-10.05', '1.234']);
  });
});

describe('orders.export', () => {
  it('exports the filter in sort order, in chunks, with one header and an exact count', async () => {
    const filter = { status: ['completed' as const], minTotalMinor: 3000 };
    const expected = connection.sqlite.prepare(`SELECT order_number, total_minor FROM orders
      WHERE status = 'completed' AND total_minor >= 3000 ORDER BY total_minor DESC, id DESC`).all() as { order_number: string; total_minor: number }[];
    expect(expected.length).toBeGreaterThan(250);
    const { csv, chunks } = await wholeFile({ filter, sort: { by: 'total', direction: 'desc' }, pageSize: 100 });
    expect(chunks.length).toBe(Math.ceil(expected.length / 100));
    expect(chunks.every((c) => c.totalEstimate === expected.length)).toBe(true);
    expect(chunks.reduce((sum, c) => sum + c.rows, 0)).toBe(expected.length);
    expect(chunks.slice(1).every((c) => !c.csv.startsWith('order_number,'))).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['order_number', 'placed_at', 'status', 'financial_status', 'fulfillment_status', 'channel',
      'payment_method', 'customer_name', 'customer_email', 'currency', 'total', 'refunded']);
    expect(rows.slice(1).map((r) => [r[0], r[10]])).toEqual(expected.map((e) => [e.order_number, decimalMajor(e.total_minor, 'USD')]));
    expect(rows.every((r) => r.length === 12)).toBe(true);
  });

  it('keeps a hostile customer name as text', async () => {
    const id = connection.sqlite.prepare('SELECT customer_id FROM orders WHERE customer_id IS NOT NULL ORDER BY placed_at DESC, id DESC LIMIT 1').pluck().get();
    connection.sqlite.prepare(`UPDATE customers SET first_name = '=cmd|'' /C calc''!A0', last_name = 'Smith, "Jr"' WHERE id = ?`).run(id);
    const first = await chunk({ pageSize: 1 });
    const [, row] = parseCsv(first.csv);
    expect(row![7]).toBe(`'=cmd|' /C calc'!A0 Smith, "Jr"`);
  });

  it('exports nothing but the header for a filter nothing matches', async () => {
    expect(await chunk({ filter: { storeId: 99 } })).toEqual({ csv: `${csvLine(['order_number', 'placed_at', 'status', 'financial_status',
      'fulfillment_status', 'channel', 'payment_method', 'customer_name', 'customer_email', 'currency', 'total', 'refunded'])}`,
    rows: 0, nextCursor: null, totalEstimate: 0 });
  });

  it('counts a tag filter exactly', async () => {
    connection.sqlite.exec(`UPDATE orders SET local_tags = '["export-me"]' WHERE id % 7 = 0`);
    const expected = connection.sqlite.prepare('SELECT count(*) FROM orders WHERE id % 7 = 0').pluck().get();
    const { chunks } = await wholeFile({ filter: { tag: ['export-me'] }, pageSize: 40 });
    expect(chunks[0]!.totalEstimate).toBe(expected);
    expect(chunks.reduce((sum, c) => sum + c.rows, 0)).toBe(expected);
  });

  it.each([
    ['a page size above 5000', { pageSize: 5001 }],
    ['a page size of 0', { pageSize: 0 }],
    ['a cursor it did not give out', { cursor: 'nonsense!' }],
    ['a list cursor without the export count', { cursor: 'eyJmIjoiYSJ9' }],
  ])('refuses %s with VALIDATION', async (_label, input) => {
    expect(await call(input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
