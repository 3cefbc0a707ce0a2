import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { applySlaEvent, loadSlaPolicy, slaStateOf, type SlaEvent } from '../../src/main/domain/service/sla/clock';
import { defaultSlaPolicy, storeSlaPolicy } from '../../src/main/domain/service/sla/policy';
import { memoryDb } from '../helpers/db';
import { insertStore } from '../helpers/fixtures';

/**
 * The SLA clocks of tickets under the default policy in Toronto: Mon–Fri
 * 09:00–17:00 (EST = UTC-5 in late November 2026), normal priority =
 * first reply 480, next reply 960, resolution 1440 business minutes; urgent
 * = 60 / 120 / 480. Waiting on the customer pauses the resolution clock.
 * 2026-11-23 is a Monday. Every due time below is worked out by hand.
 */
let connection: Connection;

beforeEach(async () => {
  connection = await memoryDb();
  insertStore(connection.sqlite);
  connection.sqlite.prepare("UPDATE stores SET timezone = 'America/Toronto'").run();
});
afterEach(() => connection.close());

const MON_10 = '2026-11-23T15:00:00.000Z'; // Mon 10:00 EST

function open(id: number, priority = 'normal', channel = 'email', createdAt = MON_10): void {
  connection.sqlite
    .prepare(`INSERT INTO tickets (id, channel, subject, status, priority, created_at, updated_at)
      VALUES (?, ?, 'Where is my parcel?', 'open', ?, ?, ?)`)
    .run(id, channel, priority, createdAt, createdAt);
  applySlaEvent(connection.sqlite, id, { kind: 'created', at: new Date(createdAt) });
}

function event(id: number, kind: SlaEvent['kind'], at: string, change?: { status?: string; priority?: string }): void {
  if (change?.status) connection.sqlite.prepare('UPDATE tickets SET status = ? WHERE id = ?').run(change.status, id);
  if (change?.priority) connection.sqlite.prepare('UPDATE tickets SET priority = ? WHERE id = ?').run(change.priority, id);
  applySlaEvent(connection.sqlite, id, { kind, at: new Date(at) });
}

interface Clocks {
  status: string;
  first_reply_due_at: string | null;
  next_reply_due_at: string | null;
  resolution_due_at: string | null;
  sla_due_at: string | null;
  sla_paused_at: string | null;
  resolution_left_minutes: number | null;
  first_reply_breached: number | null;
  next_reply_breaches: number;
  resolution_breached: number | null;
}

function clocks(id: number): Clocks {
  return connection.sqlite
    .prepare<[number], Clocks>(`SELECT status, first_reply_due_at, next_reply_due_at, resolution_due_at, sla_due_at,
      sla_paused_at, resolution_left_minutes, first_reply_breached, next_reply_breaches, resolution_breached
      FROM tickets WHERE id = ?`)
    .get(id) as Clocks;
}

const state = (id: number, now: string) => slaStateOf(clocks(id), new Date(now), 60);

describe('first reply', () => {
  it('is due 8 business hours after creation and is met by a reply before then', () => {
    open(1);
    // Mon 10:00 + 480: 420 on Monday to 17:00, 60 on Tuesday → Tue 10:00 EST = 15:00Z.
    // Resolution Mon 10:00 + 1440: Mon 420, Tue 480, Wed 480, Thu 60 → Thu 10:00 EST.
    expect(clocks(1)).toMatchObject({
      first_reply_due_at: '2026-11-24T15:00:00.000Z',
      resolution_due_at: '2026-11-26T15:00:00.000Z',
      sla_due_at: '2026-11-24T15:00:00.000Z',
      first_reply_breached: null,
    });
    event(1, 'staff_public_reply', '2026-11-24T14:30:00.000Z'); // Tue 09:30 EST
    expect(clocks(1)).toMatchObject({ first_reply_breached: 0, sla_due_at: '2026-11-26T15:00:00.000Z' });
  });

  it('is missed by a reply after the due time', () => {
    open(1);
    event(1, 'staff_public_reply', '2026-11-24T16:00:00.000Z'); // Tue 11:00 EST, an hour late
    expect(clocks(1).first_reply_breached).toBe(1);
    // A later reply does not change the verdict.
    event(1, 'staff_public_reply', '2026-11-24T17:00:00.000Z');
    expect(clocks(1).first_reply_breached).toBe(1);
  });

  it('uses the channel table when the policy has one for the ticket channel', () => {
    const policy = defaultSlaPolicy('America/Toronto');
    policy.channelTargets = { chat: { ...policy.targets, normal: { firstReplyMinutes: 30, nextReplyMinutes: 30, resolutionMinutes: 240 } } };
    storeSlaPolicy(connection.sqlite, policy, 1, new Date(MON_10));
    open(1, 'normal', 'chat');
    open(2, 'normal', 'email');
    // Chat: Mon 10:00 + 30 = 10:30 EST; resolution + 240 = 14:00 EST. Email keeps Tue 10:00 EST.
    expect(clocks(1)).toMatchObject({ first_reply_due_at: '2026-11-23T15:30:00.000Z', resolution_due_at: '2026-11-23T19:00:00.000Z' });
    expect(clocks(2).first_reply_due_at).toBe('2026-11-24T15:00:00.000Z');
  });
});

describe('next reply', () => {
  it('starts at a customer message after a staff reply and counts a late answer', () => {
    open(1);
    // A second customer message before anyone answered: still the first-reply clock only.
    event(1, 'customer_message', '2026-11-23T15:30:00.000Z');
    expect(clocks(1).next_reply_due_at).toBeNull();
    event(1, 'staff_public_reply', '2026-11-23T16:00:00.000Z'); // Mon 11:00 EST
    event(1, 'customer_message', '2026-11-23T21:00:00.000Z'); // Mon 16:00 EST
    // Mon 16:00 + 960: 60 Monday, 480 Tuesday (540), 420 Wednesday → Wed 16:00 EST = 21:00Z, before the resolution (Thu 10:00).
    expect(clocks(1)).toMatchObject({ next_reply_due_at: '2026-11-25T21:00:00.000Z', sla_due_at: '2026-11-25T21:00:00.000Z' });
    // The customer writes again: the oldest unanswered message keeps the deadline.
    event(1, 'customer_message', '2026-11-24T15:00:00.000Z');
    expect(clocks(1).next_reply_due_at).toBe('2026-11-25T21:00:00.000Z');
    event(1, 'staff_public_reply', '2026-11-25T22:30:00.000Z'); // Wed 17:30 EST: late
    expect(clocks(1)).toMatchObject({ next_reply_due_at: null, next_reply_breaches: 1, sla_due_at: '2026-11-26T15:00:00.000Z' });
    // A next exchange answered in time adds no breach.
    event(1, 'customer_message', '2026-11-26T14:00:00.000Z');
    event(1, 'staff_public_reply', '2026-11-26T14:30:00.000Z');
    expect(clocks(1).next_reply_breaches).toBe(1);
  });
});

describe('pauses', () => {
  it('stops the resolution clock while waiting on the customer and gives back exactly the minutes left', () => {
    open(1);
    event(1, 'staff_public_reply', '2026-11-23T16:00:00.000Z', { status: 'waiting_customer' }); // Mon 11:00 EST
    // Paused at Mon 11:00 EST: Mon 11:00 → Thu 10:00 is 360 + 480 + 480 + 60 = 1380 minutes left.
    expect(clocks(1)).toMatchObject({ sla_paused_at: '2026-11-23T16:00:00.000Z', resolution_left_minutes: 1380, sla_due_at: null });
    expect(state(1, '2026-11-30T12:00:00.000Z')).toBe('paused');
    // The customer answers a week later (Mon 11-30 09:00 EST), long after the old due time: no breach.
    event(1, 'customer_message', '2026-11-30T14:00:00.000Z', { status: 'open' });
    // Mon 09:00 + 1380: Mon 480, Tue 480 (960), Wed 420 → Wed 12-02 16:00 EST = 21:00Z.
    expect(clocks(1)).toMatchObject({
      sla_paused_at: null, resolution_left_minutes: null, resolution_due_at: '2026-12-02T21:00:00.000Z',
    });
    expect(state(1, '2026-11-30T15:00:00.000Z')).toBe('ok');
    event(1, 'staff_public_reply', '2026-12-01T15:00:00.000Z', { status: 'solved' });
    expect(clocks(1)).toMatchObject({ resolution_breached: 0, sla_due_at: null });
    expect(state(1, '2026-12-01T16:00:00.000Z')).toBe('met');
  });

  it('keeps paused time out when the priority changes afterwards', () => {
    open(1);
    event(1, 'staff_public_reply', '2026-11-23T16:00:00.000Z', { status: 'waiting_customer' });
    event(1, 'customer_message', '2026-11-30T14:00:00.000Z', { status: 'open' });
    // Paused Mon 11-23 11:00 → Mon 11-30 09:00: 360 + 4 × 480 = 2280 business minutes.
    // Urgent (resolution 480) from Mon 11-23 10:00 plus 2280 paused = 2760: Mon 420, Tue–Fri 1920 (2340),
    // then 420 on Mon 11-30 → 16:00 EST = 21:00Z.
    event(1, 'priority_changed', '2026-11-30T15:00:00.000Z', { priority: 'urgent' });
    expect(clocks(1).resolution_due_at).toBe('2026-11-30T21:00:00.000Z');
  });

  it('keeps a breach that happened before the pause', () => {
    open(1, 'urgent');
    // Urgent: first reply Mon 11:00 EST, resolution Mon 10:00 + 480 (420 Monday, 60 Tuesday) = Tue 10:00 EST (15:00Z).
    event(1, 'staff_public_reply', '2026-11-23T15:30:00.000Z');
    event(1, 'status_changed', '2026-11-24T18:00:00.000Z', { status: 'waiting_customer' }); // Tue 13:00 EST: 180 late
    expect(clocks(1).resolution_left_minutes).toBe(-180);
    event(1, 'status_changed', '2026-11-25T15:00:00.000Z', { status: 'open' });
    expect(clocks(1).resolution_due_at).toBe('2026-11-24T15:00:00.000Z');
    expect(state(1, '2026-11-25T15:00:00.000Z')).toBe('breached');
    event(1, 'status_changed', '2026-11-25T16:00:00.000Z', { status: 'solved' });
    expect(clocks(1).resolution_breached).toBe(1);
    expect(state(1, '2026-11-25T16:00:00.000Z')).toBe('missed');
  });

  it('does not count a deadline passing during a pause when the ticket is solved while paused', () => {
    open(1, 'urgent');
    event(1, 'staff_public_reply', '2026-11-23T15:30:00.000Z', { status: 'waiting_customer' });
    event(1, 'status_changed', '2026-11-27T15:00:00.000Z', { status: 'solved' }); // Friday, due was Tuesday
    expect(clocks(1)).toMatchObject({ resolution_breached: 0, first_reply_breached: 0, sla_paused_at: null });
  });
});

describe('solving and reopening', () => {
  it('ends every clock on solve and sets resolution_breached', () => {
    open(1);
    open(2);
    event(1, 'staff_public_reply', '2026-11-26T15:30:00.000Z', { status: 'solved' }); // Thu 10:30 EST, 30 late
    event(2, 'staff_public_reply', '2026-11-26T14:30:00.000Z', { status: 'solved' }); // Thu 09:30 EST, in time
    // Ticket 1 also answered its first reply late (due Tue 10:00): solving decides it.
    expect(clocks(1)).toMatchObject({ sla_due_at: null, resolution_breached: 1, first_reply_breached: 1 });
    expect(clocks(2)).toMatchObject({ sla_due_at: null, resolution_breached: 0 });
    // Closing later changes nothing.
    event(2, 'status_changed', '2026-12-10T14:30:00.000Z', { status: 'closed' });
    expect(clocks(2).resolution_breached).toBe(0);
  });

  it('restarts a full resolution clock from the reopen time', () => {
    open(1);
    event(1, 'staff_public_reply', '2026-11-24T14:00:00.000Z', { status: 'solved' });
    // Reopened Fri 11-27 15:00 EST (20:00Z) by a customer message: + 1440 → Fri 120, Mon 480, Tue 480 (1080),
    // Wed 360 → Wed 12-02 15:00 EST = 20:00Z; the message also starts a next-reply clock (+960 → Tue 12-01 15:00 EST).
    event(1, 'customer_message', '2026-11-27T20:00:00.000Z', { status: 'open' });
    expect(clocks(1)).toMatchObject({
      resolution_breached: null,
      resolution_due_at: '2026-12-02T20:00:00.000Z',
      next_reply_due_at: '2026-12-01T20:00:00.000Z',
      sla_due_at: '2026-12-01T20:00:00.000Z',
    });
  });
});

describe('slaStateOf', () => {
  it('turns amber within the warning time and red once the deadline passed', () => {
    open(1); // sla_due_at Tue 10:00 EST = 15:00Z
    expect(state(1, '2026-11-24T13:00:00.000Z')).toBe('ok'); // 2 h before
    expect(state(1, '2026-11-24T14:30:00.000Z')).toBe('warning'); // 30 min before
    expect(state(1, '2026-11-24T15:00:00.000Z')).toBe('breached');
    expect(slaStateOf({ status: 'open', sla_due_at: null, sla_paused_at: null, first_reply_breached: null, resolution_breached: null },
      new Date(), 60)).toBe('none');
  });

  it('reads the default policy in the store time zone until one is saved', () => {
    const policy = loadSlaPolicy(connection.sqlite);
    expect(policy).toMatchObject({ version: 0, warningMinutes: 60, pauseStatuses: ['waiting_customer', 'waiting_third_party'] });
    expect(policy.calendar.timezone).toBe('America/Toronto');
    expect(loadSlaPolicy(connection.sqlite)).toBe(policy);
  });
});
