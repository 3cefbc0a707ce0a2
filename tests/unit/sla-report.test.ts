import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { slaHandlers } from '../../src/main/domain/service/sla/handlers';
import { handlerContext } from '../helpers/context';
import { memoryDb } from '../helpers/db';
import { insertStore } from '../helpers/fixtures';

/**
 * SLA compliance by week, priority and staff over hand-made tickets whose
 * verdicts are set directly. "Now" is Mon 2026-11-23 12:00Z.
 */
let connection: Connection;
const NOW = new Date('2026-11-23T12:00:00.000Z');

interface Spec {
  id: number;
  created: string;
  priority: string;
  status?: string;
  assignee?: number | null;
  solvedBy?: number | null;
  first: number | null;
  resolution: number | null;
  firstDue?: string;
  resolutionDue?: string;
  pausedLeft?: number;
  mergedInto?: number;
}

beforeEach(async () => {
  connection = await memoryDb();
  const { sqlite } = connection;
  insertStore(sqlite);
  sqlite.prepare(`INSERT INTO staff (id, name, role, created_at) VALUES (2, 'Maya Manager', 'manager', ?), (3, 'Adam Agent', 'agent', ?)`)
    .run(NOW.toISOString(), NOW.toISOString());
  const insert = sqlite.prepare(`INSERT INTO tickets (id, channel, subject, status, priority, assignee_id, solved_by_id,
      first_reply_breached, resolution_breached, first_reply_due_at, resolution_due_at, sla_paused_at, resolution_left_minutes,
      merged_into_id, created_at, updated_at)
    VALUES (@id, 'email', 'Parcel', @status, @priority, @assignee, @solvedBy, @first, @resolution, @firstDue, @resolutionDue,
      @pausedAt, @pausedLeft, @mergedInto, @created, @created)`);
  const specs: Spec[] = [
    // Week of Mon 11-09: both targets met; first reply missed, resolution met (Sunday night still counts in that week).
    { id: 1, created: '2026-11-10T10:00:00.000Z', priority: 'high', status: 'solved', assignee: 3, solvedBy: 2, first: 0, resolution: 0 },
    { id: 2, created: '2026-11-15T23:00:00.000Z', priority: 'normal', status: 'solved', assignee: 3, first: 1, resolution: 0 },
    // Week of Mon 11-16, both open and unassigned: a first reply overdue now (missed), resolution still running (not measured);
    // a first reply met and a resolution clock paused after it ran out (missed).
    { id: 3, created: '2026-11-16T14:00:00.000Z', priority: 'urgent', first: null, resolution: null,
      firstDue: '2026-11-16T16:00:00.000Z', resolutionDue: '2026-11-30T16:00:00.000Z' },
    { id: 4, created: '2026-11-16T15:00:00.000Z', priority: 'low', status: 'waiting_customer', first: 0, resolution: null,
      resolutionDue: '2026-11-20T15:00:00.000Z', pausedLeft: -10 },
    // Outside the range, and a ticket merged into another: not counted.
    { id: 5, created: '2026-11-23T09:00:00.000Z', priority: 'normal', first: 1, resolution: 1 },
    { id: 6, created: '2026-11-17T09:00:00.000Z', priority: 'normal', status: 'closed', first: 1, resolution: 1, mergedInto: 3 },
  ];
  for (const s of specs) {
    insert.run({
      id: s.id, status: s.status ?? 'open', priority: s.priority, assignee: s.assignee ?? null, solvedBy: s.solvedBy ?? null,
      first: s.first, resolution: s.resolution, firstDue: s.firstDue ?? null, resolutionDue: s.resolutionDue ?? null,
      pausedAt: s.pausedLeft === undefined ? null : '2026-11-21T00:00:00.000Z', pausedLeft: s.pausedLeft ?? null,
      mergedInto: s.mergedInto ?? null, created: s.created,
    });
  }
});
afterEach(() => connection.close());

const report = (range?: { from?: string; to?: string }) =>
  slaHandlers['sla.report']({ range }, handlerContext(connection, NOW));

describe('sla.report', () => {
  it('counts met and missed targets by week, priority and staff', () => {
    const r = report({ from: '2026-11-09', to: '2026-11-22' });
    expect(r.range).toEqual({ from: '2026-11-09', to: '2026-11-22' });
    expect(r.byWeek).toEqual([
      { key: '2026-11-09', label: '2026-11-09', tickets: 2, firstReplyMet: 1, firstReplyMissed: 1, resolutionMet: 2,
        resolutionMissed: 0, compliance: 3 / 4 },
      { key: '2026-11-16', label: '2026-11-16', tickets: 2, firstReplyMet: 1, firstReplyMissed: 1, resolutionMet: 0,
        resolutionMissed: 1, compliance: 1 / 3 },
    ]);
    expect(r.byPriority.map((p) => [p.key, p.tickets, p.compliance])).toEqual([
      ['urgent', 1, 0], ['high', 1, 1], ['normal', 1, 1 / 2], ['low', 1, 1 / 2],
    ]);
    // Who solved it, else the assignee; unassigned last.
    expect(r.byStaff.map((s) => [s.key, s.label, s.tickets])).toEqual([
      ['3', 'Adam Agent', 1], ['2', 'Maya Manager', 1], ['none', 'Unassigned', 2],
    ]);
  });

  it('covers the last 12 weeks by default, every week present', () => {
    const r = report();
    expect(r.range).toEqual({ from: '2026-09-07', to: '2026-11-23' });
    expect(r.byWeek).toHaveLength(12);
    expect(r.byWeek[0]).toMatchObject({ key: '2026-09-07', tickets: 0, compliance: null });
    expect(r.byWeek.at(-1)).toMatchObject({ key: '2026-11-23', tickets: 1, firstReplyMissed: 1, resolutionMissed: 1 });
  });
});
