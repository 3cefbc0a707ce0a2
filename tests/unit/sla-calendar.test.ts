import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../src/shared/contract';
import { addBusinessMinutes, businessMinutesBetween } from '../../src/main/domain/service/sla/calendar';

/**
 * Business-time arithmetic against cases worked out by hand. Each comment
 * gives the local reasoning; the expected value is the same instant in UTC.
 * Offsets used: Toronto EST = UTC-5, EDT = UTC-4 (2026: DST from Sun Mar 8
 * 02:00 to Sun Nov 1 02:00); Shanghai = UTC+8 all year; London GMT = UTC+0,
 * BST = UTC+1 (2026: Sun Mar 29 01:00 to Sun Oct 25 02:00).
 * 2026-11-20 is a Friday, 2026-11-23 a Monday.
 */
const weekdays = (start: string, end: string, days = [1, 2, 3, 4, 5]) => days.map((day) => ({ day, start, end }));
const calendar = (timezone: string, hours: BusinessCalendar['hours'], holidays: string[] = []): BusinessCalendar =>
  ({ timezone, hours, holidays, businessHoursOnly: true });

const toronto = calendar('America/Toronto', weekdays('09:00', '17:00'));
const add = (iso: string, minutes: number, cal: BusinessCalendar): string =>
  addBusinessMinutes(new Date(iso), minutes, cal).toISOString();
const between = (a: string, b: string, cal: BusinessCalendar): number =>
  businessMinutesBetween(new Date(a), new Date(b), cal);

describe('addBusinessMinutes on Mon–Fri 09:00–17:00 in Toronto', () => {
  it('carries over the weekend', () => {
    // Fri 16:30 EST (21:30Z) + 60: 30 min to 17:00, Sat and Sun closed, 30 min on Monday → Mon 09:30 EST = 14:30Z.
    expect(add('2026-11-20T21:30:00.000Z', 60, toronto)).toBe('2026-11-23T14:30:00.000Z');
    // The same in summer time: Fri 2026-06-19 16:30 EDT (20:30Z) + 60 → Mon 06-22 09:30 EDT = 13:30Z.
    expect(add('2026-06-19T20:30:00.000Z', 60, toronto)).toBe('2026-06-22T13:30:00.000Z');
  });

  it('stops at closing time when the minutes run out exactly there', () => {
    // Fri 16:00 EST (21:00Z) + 60 → Fri 17:00 EST = 22:00Z, not Monday 09:00.
    expect(add('2026-11-20T21:00:00.000Z', 60, toronto)).toBe('2026-11-20T22:00:00.000Z');
  });

  it('starts counting at the next opening when it starts outside hours', () => {
    // Sat 12:00 EST (17:00Z) + 30 → Mon 09:30 EST = 14:30Z.
    expect(add('2026-11-21T17:00:00.000Z', 30, toronto)).toBe('2026-11-23T14:30:00.000Z');
    // Mon 07:00 EST (12:00Z), before opening, + 60 → Mon 10:00 EST = 15:00Z.
    expect(add('2026-11-23T12:00:00.000Z', 60, toronto)).toBe('2026-11-23T15:00:00.000Z');
    // Mon 18:00 EST (23:00Z), after closing, + 60 → Tue 10:00 EST = 15:00Z.
    expect(add('2026-11-23T23:00:00.000Z', 60, toronto)).toBe('2026-11-24T15:00:00.000Z');
  });

  it('counts three business days across several days', () => {
    // Mon 10:00 EST (15:00Z) + 1440: Mon 420 (to 17:00), Tue 480 (900), Wed 480 (1380), Thu 60 → Thu 10:00 EST = 15:00Z.
    expect(add('2026-11-23T15:00:00.000Z', 1440, toronto)).toBe('2026-11-26T15:00:00.000Z');
  });

  it('skips a holiday on the Monday after a weekend', () => {
    const withHoliday = calendar('America/Toronto', weekdays('09:00', '17:00'), ['2026-11-23']);
    // Fri 16:30 EST + 60: 30 min Friday, Sat/Sun closed, Mon is a holiday → Tue 09:30 EST = 14:30Z.
    expect(add('2026-11-20T21:30:00.000Z', 60, withHoliday)).toBe('2026-11-24T14:30:00.000Z');
    expect(between('2026-11-20T21:30:00.000Z', '2026-11-24T14:30:00.000Z', withHoliday)).toBe(60);
  });

  it('goes backwards for negative minutes', () => {
    // Mon 09:30 EST − 60: 30 min back to Mon 09:00, then Friday 17:00 − 30 → Fri 16:30 EST = 21:30Z.
    expect(add('2026-11-23T14:30:00.000Z', -60, toronto)).toBe('2026-11-20T21:30:00.000Z');
  });
});

describe('businessMinutesBetween', () => {
  it('counts only open minutes, negative when the end is before the start', () => {
    // Fri 16:30 EST → Mon 09:30 EST: 30 + 30.
    expect(between('2026-11-20T21:30:00.000Z', '2026-11-23T14:30:00.000Z', toronto)).toBe(60);
    expect(between('2026-11-23T14:30:00.000Z', '2026-11-20T21:30:00.000Z', toronto)).toBe(-60);
    // Sat 10:00 → Sun 16:00 EST: closed all along.
    expect(between('2026-11-21T15:00:00.000Z', '2026-11-22T21:00:00.000Z', toronto)).toBe(0);
    // A whole week Mon 00:00 → next Mon 00:00 EST: 5 × 480.
    expect(between('2026-11-23T05:00:00.000Z', '2026-11-30T05:00:00.000Z', toronto)).toBe(2400);
  });
});

describe('a lunch break in Shanghai (Mon–Fri 09:00–12:00 and 13:00–18:00)', () => {
  const shanghai = calendar('Asia/Shanghai', [...weekdays('09:00', '12:00'), ...weekdays('13:00', '18:00')]);

  it('jumps over lunch and over the weekend', () => {
    // Mon 11:30 CST (03:30Z) + 60: 30 min to 12:00, lunch, 30 min from 13:00 → 13:30 CST = 05:30Z.
    expect(add('2026-11-23T03:30:00.000Z', 60, shanghai)).toBe('2026-11-23T05:30:00.000Z');
    // Fri 17:00 CST (09:00Z) + 120: 60 min to 18:00, weekend, 60 min Monday → Mon 10:00 CST = 02:00Z.
    expect(add('2026-11-27T09:00:00.000Z', 120, shanghai)).toBe('2026-11-30T02:00:00.000Z');
    // Mon 11:00 → 14:00 CST: 60 before lunch + 60 after.
    expect(between('2026-11-23T03:00:00.000Z', '2026-11-23T06:00:00.000Z', shanghai)).toBe(120);
  });

  it('merges overlapping intervals instead of counting them twice', () => {
    const overlapping = calendar('Asia/Shanghai', [{ day: 1, start: '09:00', end: '12:00' }, { day: 1, start: '11:00', end: '13:00' }]);
    // Mon 09:00–13:00 CST = 01:00Z–05:00Z: 240 minutes, not 300.
    expect(between('2026-11-23T00:00:00.000Z', '2026-11-23T10:00:00.000Z', overlapping)).toBe(240);
  });
});

describe('daylight saving time', () => {
  const everyDay = calendar('America/Toronto', weekdays('09:00', '17:00', [0, 1, 2, 3, 4, 5, 6]));

  it('keeps a 09:00–17:00 day at eight hours when Toronto springs forward', () => {
    // Sun 2026-03-08: 09:00 EDT = 13:00Z, 17:00 EDT = 21:00Z.
    expect(between('2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z', everyDay)).toBe(480);
    // Sat 16:00 EST (21:00Z) + 120: 60 min Saturday, then Sun 09:00 EDT + 60 → 10:00 EDT = 14:00Z.
    expect(add('2026-03-07T21:00:00.000Z', 120, everyDay)).toBe('2026-03-08T14:00:00.000Z');
  });

  it('keeps it at eight hours when Toronto falls back', () => {
    // Sun 2026-11-01: 09:00 EST = 14:00Z, 17:00 EST = 22:00Z.
    expect(between('2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z', everyDay)).toBe(480);
    // Sat 16:00 EDT (20:00Z) + 120: 60 min Saturday, then Sun 09:00 EST + 60 → 10:00 EST = 15:00Z.
    expect(add('2026-10-31T20:00:00.000Z', 120, everyDay)).toBe('2026-11-01T15:00:00.000Z');
    // Sat 09:00 EDT (13:00Z) → Sun 17:00 EST (22:00Z): two full days.
    expect(between('2026-10-31T13:00:00.000Z', '2026-11-01T22:00:00.000Z', everyDay)).toBe(960);
  });

  it('follows London across the spring-forward and fall-back weekends', () => {
    const london = calendar('Europe/London', weekdays('09:00', '17:00'));
    // Fri 2026-03-27 16:00 GMT (16:00Z) + 120: 60 min Friday; clocks go forward on Sunday; Mon 10:00 BST = 09:00Z.
    expect(add('2026-03-27T16:00:00.000Z', 120, london)).toBe('2026-03-30T09:00:00.000Z');
    // Fri 2026-10-23 16:00 BST (15:00Z) + 120: 60 min Friday; clocks go back on Sunday; Mon 10:00 GMT = 10:00Z.
    expect(add('2026-10-23T15:00:00.000Z', 120, london)).toBe('2026-10-26T10:00:00.000Z');
  });
});

describe('round-the-clock service', () => {
  it('counts every minute when businessHoursOnly is false', () => {
    const always: BusinessCalendar = { ...toronto, businessHoursOnly: false };
    // Fri 21:30Z + 60 → Fri 22:30Z; Fri 21:30Z → Mon 14:30Z is 2 days 17 hours = 3900 minutes.
    expect(add('2026-11-20T21:30:00.000Z', 60, always)).toBe('2026-11-20T22:30:00.000Z');
    expect(between('2026-11-20T21:30:00.000Z', '2026-11-23T14:30:00.000Z', always)).toBe(3900);
  });

  it('treats 00:00–24:00 every day as open all day, across days', () => {
    const allDay = calendar('Asia/Shanghai', weekdays('00:00', '24:00', [0, 1, 2, 3, 4, 5, 6]));
    // Sat 2026-11-21 22:00 CST (14:00Z) + 1500 (25 h) → Sun 23:00 CST = 15:00Z.
    expect(add('2026-11-21T14:00:00.000Z', 1500, allDay)).toBe('2026-11-22T15:00:00.000Z');
  });
});

describe('speed', () => {
  it('computes 100,000 deadlines a few days out well within the demo budget', () => {
    const start = Date.parse('2024-01-01T00:00:00.000Z');
    const began = performance.now();
    for (let i = 0; i < 100_000; i += 1) {
      // Starts spread over two years, 1 to 5 business days out.
      addBusinessMinutes(new Date(start + i * 631_000), 480 * (1 + (i % 5)), toronto);
    }
    const elapsed = performance.now() - began;
    expect(elapsed).toBeLessThan(1500);
  });
});
