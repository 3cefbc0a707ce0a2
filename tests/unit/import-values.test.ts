import { describe, expect, it } from 'vitest';
import { mappingAliases } from '../../src/main/sync/import/generic';
import { CellProblem, readInstant, readMoney, readQuantity } from '../../src/main/sync/import/values';
import { AppError } from '../../src/shared/errors';

describe('amounts', () => {
  it('reads dot and comma decimals, thousands marks and currencies without cents', () => {
    expect(readMoney('1,234.50', 'USD', '.', 'total')).toBe(123450);
    expect(readMoney('1.234,50', 'EUR', ',', 'total')).toBe(123450);
    expect(readMoney('1 234,5', 'EUR', ',', 'total')).toBe(123450);
    expect(readMoney('-25.00', 'EUR', '.', 'refund')).toBe(-2500);
    expect(readMoney('1200', 'JPY', '.', 'total')).toBe(1200);
    expect(readMoney('', 'USD', '.', 'total')).toBeNull();
  });

  it('refuses amounts written in the other convention rather than misreading them a hundredfold', () => {
    expect(() => readMoney('12,50', 'USD', '.', 'total')).toThrow('the total "12,50" is not an amount (write it like 12.50)');
    expect(() => readMoney('12.50', 'EUR', ',', 'total')).toThrow(CellProblem);
    expect(() => readMoney('12.345', 'USD', '.', 'total')).toThrow('has more decimals than USD allows (2)');
    expect(() => readMoney('12.5', 'JPY', '.', 'total')).toThrow('more decimals than JPY allows (0)');
  });

  it('reads quantities as whole numbers of one or more', () => {
    expect(readQuantity('3', 'quantity')).toBe(3);
    expect(() => readQuantity('0', 'quantity')).toThrow(CellProblem);
    expect(() => readQuantity('1.5', 'quantity')).toThrow(CellProblem);
  });
});

describe('dates', () => {
  it('obeys an explicit offset and reads other times in the store time zone', () => {
    expect(readInstant('2026-03-02 10:15:00 -0500', 'iso', 'Asia/Tokyo', 'Created at')).toBe('2026-03-02T15:15:00.000Z');
    expect(readInstant('2026-07-01T08:00:00Z', 'iso', 'Asia/Tokyo', 'date')).toBe('2026-07-01T08:00:00.000Z');
    expect(readInstant('2026-07-01 08:00', 'iso', 'Europe/Paris', 'date')).toBe('2026-07-01T06:00:00.000Z');
    expect(readInstant('2026-01-15 08:00', 'iso', 'America/New_York', 'date')).toBe('2026-01-15T13:00:00.000Z');
  });

  it('reads day-month-year, month-day-year and year-month-day as asked, and ISO dates in any of them', () => {
    expect(readInstant('03/04/2026', 'dmy', 'UTC', 'date')).toBe('2026-04-03T00:00:00.000Z');
    expect(readInstant('03/04/2026', 'mdy', 'UTC', 'date')).toBe('2026-03-04T00:00:00.000Z');
    expect(readInstant('31.12.2025 23:59:59', 'dmy', 'UTC', 'date')).toBe('2025-12-31T23:59:59.000Z');
    expect(readInstant('2026/4/3 7:05', 'ymd', 'UTC', 'date')).toBe('2026-04-03T07:05:00.000Z');
    expect(readInstant('2026-04-03', 'mdy', 'UTC', 'date')).toBe('2026-04-03T00:00:00.000Z');
  });

  it('refuses impossible dates and other shapes', () => {
    expect(() => readInstant('30/02/2026', 'dmy', 'UTC', 'order date')).toThrow('the order date "30/02/2026" is not a real date');
    expect(() => readInstant('12/31/2026', 'dmy', 'UTC', 'order date')).toThrow(CellProblem);
    expect(() => readInstant('March 5, 2026', 'iso', 'UTC', 'order date')).toThrow('is not a date written like 2026-03-31 14:05');
  });
});

describe('generic mapping', () => {
  it('reads column → field and field → column, and refuses unknown fields and a field given twice', () => {
    expect(mappingAliases({ 'Order no.': 'orderNumber', total: 'Amount' })).toEqual({ orderNumber: ['Order no.'], total: ['Amount'] });
    expect(() => mappingAliases({ 'Order no.': 'orderNo' })).toThrow(AppError);
    expect(() => mappingAliases({ A: 'total', B: 'total' })).toThrow('The mapping gives the field "total" two columns; keep one.');
  });
});
