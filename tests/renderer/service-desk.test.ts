import { describe, expect, it } from 'vitest';
import { countdownOf, durationParts } from '../../src/renderer/src/features/service/sla/countdown';
import { parseServicePath } from '../../src/renderer/src/features/service/routes';
import { toContractFilter, activeTicketFilters } from '../../src/renderer/src/features/service/queues/query';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const inMinutes = (m: number) => new Date(NOW + m * 60_000).toISOString();

describe('SLA countdown', () => {
  it('is green with time left, amber within the warning time, red once overdue', () => {
    expect(countdownOf(inMinutes(120), 'ok', NOW, 60)).toEqual({ state: 'ok', minutes: 120 });
    expect(countdownOf(inMinutes(42), 'ok', NOW, 60)).toEqual({ state: 'warning', minutes: 42 });
    expect(countdownOf(inMinutes(-65), 'warning', NOW, 60)).toEqual({ state: 'breached', minutes: -65 });
  });

  it('turns on the clock between fetches: a row fetched "ok" is amber, then red, as time passes', () => {
    const due = inMinutes(61);
    expect(countdownOf(due, 'ok', NOW, 60).state).toBe('ok');
    expect(countdownOf(due, 'ok', NOW + 30 * 60_000, 60).state).toBe('warning');
    expect(countdownOf(due, 'ok', NOW + 62 * 60_000, 60).state).toBe('breached');
  });

  it('counts 30 seconds overdue as overdue, never as "due in 0m"', () => {
    expect(countdownOf(new Date(NOW - 30_000).toISOString(), 'ok', NOW, 60)).toEqual({ state: 'breached', minutes: -1 });
  });

  it('keeps paused, met and missed as the core says, and shows nothing without a deadline', () => {
    expect(countdownOf(inMinutes(-500), 'paused', NOW, 60).state).toBe('paused');
    expect(countdownOf(null, 'met', NOW, 60).state).toBe('met');
    expect(countdownOf(inMinutes(10), 'missed', NOW, 60).state).toBe('missed');
    expect(countdownOf(null, 'ok', NOW, 60)).toEqual({ state: 'none', minutes: null });
  });

  it('uses the core state for the colour until the policy (warning time) is known', () => {
    expect(countdownOf(inMinutes(300), 'warning', NOW, null).state).toBe('warning');
    expect(countdownOf(inMinutes(-1), 'ok', NOW, null).state).toBe('breached');
  });

  it('splits durations into days, hours and minutes', () => {
    expect(durationParts(65)).toEqual({ days: 0, hours: 1, minutes: 5 });
    expect(durationParts(-1500)).toEqual({ days: 1, hours: 1, minutes: 0 });
  });
});

describe('service routes', () => {
  it('maps paths to queues, tickets and the settings', () => {
    expect(parseServicePath('/service')).toEqual({ kind: 'queue', queue: 'all_open' });
    expect(parseServicePath('/service/sla_breaching')).toEqual({ kind: 'queue', queue: 'sla_breaching' });
    expect(parseServicePath('/service/tickets/42')).toEqual({ kind: 'ticket', id: 42 });
    expect(parseServicePath('/service/admin/macros')).toEqual({ kind: 'admin', path: '/service/admin/macros' });
    expect(parseServicePath('/service/nope')).toEqual({ kind: 'notFound' });
    expect(parseServicePath('/service/tickets/abc')).toEqual({ kind: 'notFound' });
  });
});

describe('ticket filters', () => {
  it('drops empty lists, trims the search and turns "none" into unassigned (null)', () => {
    expect(toContractFilter({ status: [], search: '  ' })).toBeUndefined();
    expect(toContractFilter({ status: ['open'], assignee: ['none', '3'], search: ' late ' })).toEqual({
      status: ['open'], assigneeId: [null, 3], search: 'late',
    });
    expect(activeTicketFilters({ status: ['open'], tag: [], search: 'x' })).toBe(2);
  });
});

describe('a stale save', () => {
  it('reads the current values from the CONFLICT answer, and nothing from other errors', async () => {
    const { ApiError } = await import('../../src/renderer/src/api/ApiError');
    const { conflictCurrent } = await import('../../src/renderer/src/features/service/ticket/conflict');
    const conflict = new ApiError({
      code: 'CONFLICT',
      message: 'Ticket #7 was changed by someone else',
      details: { current: { status: 'waiting_third_party', priority: 'urgent', assignee: { id: 2, name: 'Jonas' }, tags: ['vip', 3], version: 4 } },
    });
    expect(conflictCurrent(conflict)).toEqual({
      status: 'waiting_third_party', priority: 'urgent', assigneeName: 'Jonas', tags: ['vip'], subject: undefined, version: 4,
    });
    const unassigned = new ApiError({ code: 'CONFLICT', message: 'x', details: { current: { assignee: null } } });
    expect(conflictCurrent(unassigned)?.assigneeName).toBeNull();
    expect(conflictCurrent(new ApiError({ code: 'VALIDATION', message: 'x' }))).toBeNull();
    expect(conflictCurrent(new Error('boom'))).toBeNull();
  });
});
