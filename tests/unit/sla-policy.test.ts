import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slaPoliciesUpdateInput, type SlaPolicyInput } from '../../src/shared/contract';
import { AppError } from '../../src/shared/errors';
import type { Connection } from '../../src/main/db/connection';
import { applySlaEvent } from '../../src/main/domain/service/sla/clock';
import { slaHandlers } from '../../src/main/domain/service/sla/handlers';
import { handlerContext } from '../helpers/context';
import { memoryDb } from '../helpers/db';
import { insertStore } from '../helpers/fixtures';

/**
 * Saving the SLA policy: who may, stale saves, and the open tickets' due
 * times recomputed in the same save. Toronto, EST = UTC-5; 2026-11-23 is a Monday.
 */
let connection: Connection;
const NOW = new Date('2026-11-23T16:00:00.000Z'); // Mon 11:00 EST
const MON_10 = '2026-11-23T15:00:00.000Z';
let events: unknown[];

beforeEach(async () => {
  connection = await memoryDb();
  const { sqlite } = connection;
  insertStore(sqlite);
  sqlite.prepare("UPDATE stores SET timezone = 'America/Toronto'").run();
  sqlite.prepare(`INSERT INTO staff (id, name, role, created_at) VALUES
    (1, 'Olivia Owner', 'owner', ?), (2, 'Maya Manager', 'manager', ?), (3, 'Adam Agent', 'agent', ?)`).run(MON_10, MON_10, MON_10);
  events = [];
});
afterEach(() => connection.close());

const ctx = () => handlerContext(connection, NOW, events);
const get = () => slaHandlers['sla.policies.get']({}, ctx());

function update(staffId: number, expectedVersion: number, change: (p: SlaPolicyInput) => void = () => {}) {
  const { version: _v, updatedAt: _u, ...policy } = structuredClone(get());
  change(policy);
  return slaHandlers['sla.policies.update'](slaPoliciesUpdateInput.parse({ staffId, expectedVersion, policy }), ctx());
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return 'no error';
}

describe('sla.policies.get', () => {
  it('answers sensible defaults in the store zone before anything is saved', () => {
    const policy = get();
    expect(policy.version).toBe(0);
    expect(policy.calendar).toMatchObject({ timezone: 'America/Toronto', businessHoursOnly: true, holidays: [] });
    expect(policy.calendar.hours).toHaveLength(5);
    expect(policy.targets.urgent).toEqual({ firstReplyMinutes: 60, nextReplyMinutes: 120, resolutionMinutes: 480 });
    expect(policy.pauseStatuses).toEqual(['waiting_customer', 'waiting_third_party']);
  });
});

describe('sla.policies.update', () => {
  it('saves for a manager, bumps the version, audits and tells the desk to refetch', () => {
    const saved = update(2, 0, (p) => { p.warningMinutes = 30; });
    expect(saved).toMatchObject({ version: 1, warningMinutes: 30, updatedAt: NOW.toISOString() });
    expect(get()).toMatchObject({ version: 1, warningMinutes: 30 });
    expect(events).toEqual([{ event: 'data.changed', payload: { areas: ['service'] } }]);
    expect(connection.sqlite.prepare("SELECT staff_id, action FROM audit_log").all())
      .toEqual([{ staff_id: 2, action: 'sla.policy.update' }]);
  });

  it('refuses an agent with a sentence, and changes nothing', () => {
    expect(() => update(3, 0)).toThrow(/Only an owner or a manager/);
    expect(codeOf(() => update(3, 0))).toBe('VALIDATION');
    expect(get().version).toBe(0);
  });

  it('answers CONFLICT with the current policy to a stale save', () => {
    update(1, 0, (p) => { p.warningMinutes = 45; });
    try {
      update(2, 0, (p) => { p.warningMinutes = 90; });
      expect.unreachable('a stale save must fail');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('CONFLICT');
      expect((error as AppError).details).toMatchObject({ current: { version: 1, warningMinutes: 45 } });
    }
    expect(get().warningMinutes).toBe(45);
  });

  it('recomputes the due times of open tickets and leaves solved ones alone', () => {
    const { sqlite } = connection;
    const insert = sqlite.prepare(`INSERT INTO tickets (id, channel, subject, status, priority, created_at, updated_at)
      VALUES (?, 'email', 'Parcel', ?, 'normal', ?, ?)`);
    insert.run(1, 'open', MON_10, MON_10);
    insert.run(2, 'open', MON_10, MON_10);
    applySlaEvent(sqlite, 1, { kind: 'created', at: new Date(MON_10) });
    applySlaEvent(sqlite, 2, { kind: 'created', at: new Date(MON_10) });
    sqlite.prepare("UPDATE tickets SET status = 'solved' WHERE id = 2").run();
    applySlaEvent(sqlite, 2, { kind: 'status_changed', at: new Date('2026-11-23T15:30:00.000Z') });
    const due = (id: number) => sqlite.prepare('SELECT first_reply_due_at AS f, sla_due_at AS s FROM tickets WHERE id = ?').get(id);
    // Default normal first reply 480: Tue 10:00 EST.
    expect(due(1)).toEqual({ f: '2026-11-24T15:00:00.000Z', s: '2026-11-24T15:00:00.000Z' });
    const before2 = due(2);
    update(1, 0, (p) => { p.targets.normal.firstReplyMinutes = 60; });
    // Now Mon 10:00 + 60 = Mon 11:00 EST = 16:00Z, already due at "now".
    expect(due(1)).toEqual({ f: '2026-11-23T16:00:00.000Z', s: '2026-11-23T16:00:00.000Z' });
    expect(due(2)).toEqual(before2);
  });
});
