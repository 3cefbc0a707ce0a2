import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csatRespondInput } from '../../src/shared/contract';
import { AppError } from '../../src/shared/errors';
import type { Connection } from '../../src/main/db/connection';
import { recordCsatRequest } from '../../src/main/domain/service/csat/request';
import { slaHandlers } from '../../src/main/domain/service/sla/handlers';
import { handlerContext } from '../helpers/context';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertStore } from '../helpers/fixtures';

/** Satisfaction requests on solve, answers by code, and the CSAT report. */
let connection: Connection;
const SOLVED = '2026-11-18T10:00:00.000Z'; // a Wednesday
let events: unknown[];

beforeEach(async () => {
  connection = await memoryDb();
  const { sqlite } = connection;
  insertStore(sqlite);
  sqlite.prepare("UPDATE stores SET domain = 'maple.example'").run();
  insertCustomer(sqlite, 1);
  sqlite.prepare("UPDATE customers SET first_name = 'Ava' WHERE id = 1").run();
  sqlite.prepare(`INSERT INTO staff (id, name, role, created_at) VALUES (2, 'Maya Manager', 'manager', ?), (3, 'Adam Agent', 'agent', ?)`)
    .run(SOLVED, SOLVED);
  const insert = sqlite.prepare(`INSERT INTO tickets (id, store_id, customer_id, channel, subject, status, solved_at, created_at, updated_at)
    VALUES (?, 1, ?, 'email', ?, 'solved', ?, ?, ?)`);
  insert.run(1, 1, 'Parcel damaged', SOLVED, '2026-11-17T10:00:00.000Z', SOLVED);
  insert.run(2, null, 'Refund status', SOLVED, '2026-11-17T10:00:00.000Z', SOLVED);
  events = [];
});
afterEach(() => connection.close());

const requests = () => connection.sqlite
  .prepare('SELECT ticket_id, code, message, staff_id, created_at, responded_at, feedback_id FROM csat_requests ORDER BY id')
  .all() as { ticket_id: number; code: string; message: string; staff_id: number; created_at: string; feedback_id: number | null }[];
const ctx = (at = '2026-11-19T09:00:00.000Z') => handlerContext(connection, new Date(at), events);
const respond = (code: string, score: number, comment?: string, at?: string) =>
  slaHandlers['csat.respond'](csatRespondInput.parse({ code, score, comment }), ctx(at));

function errorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return 'no error';
}

describe('recordCsatRequest', () => {
  it('records one request per solve with a code, the score question and a link to the shop', () => {
    recordCsatRequest(connection.sqlite, 1, 3, new Date(SOLVED));
    recordCsatRequest(connection.sqlite, 1, 3, new Date('2026-11-20T10:00:00.000Z')); // solved → closed, or a retry
    const [request, ...others] = requests();
    expect(others).toEqual([]);
    expect(request).toMatchObject({ ticket_id: 1, staff_id: 3, created_at: SOLVED, feedback_id: null });
    expect(request?.code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
    expect(request?.message).toContain('Hi Ava,');
    expect(request?.message).toContain('from 1 (not at all) to 5 (very)');
    expect(request?.message).toContain(`https://maple.example/pages/feedback?csat=${request?.code}`);
  });

  it('records a new request when a reopened ticket is solved again', () => {
    recordCsatRequest(connection.sqlite, 1, 3, new Date(SOLVED));
    connection.sqlite.prepare("UPDATE tickets SET solved_at = '2026-11-25T10:00:00.000Z' WHERE id = 1").run();
    recordCsatRequest(connection.sqlite, 1, 2, new Date('2026-11-25T10:00:00.000Z'));
    const all = requests();
    expect(all.map((r) => r.staff_id)).toEqual([3, 2]);
    expect(all[0]?.code).not.toBe(all[1]?.code);
  });

  it('writes in the shop language, and says "shop" without a domain', () => {
    connection.sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('locale', 'zh-CN', ?)").run(SOLVED);
    connection.sqlite.prepare('UPDATE stores SET domain = NULL').run();
    recordCsatRequest(connection.sqlite, 2, 3, new Date(SOLVED));
    const message = requests()[0]?.message ?? '';
    expect(message).toContain('您对我们的服务满意吗');
    expect(message).toContain('https://shop/pages/feedback?csat=');
  });
});

describe('csat.respond', () => {
  it('stores the answer as CSAT feedback on the ticket and its customer', () => {
    recordCsatRequest(connection.sqlite, 1, 3, new Date(SOLVED));
    const code = requests()[0]?.code as string;
    // Codes typed by hand may come in lower case.
    expect(respond(code.toLowerCase(), 2, 'Took too long')).toEqual({ ticketId: 1, score: 2 });
    const feedback = connection.sqlite.prepare('SELECT * FROM feedback').all() as Record<string, unknown>[];
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({ source: 'csat', rating: 2, body: 'Took too long', ticket_id: 1, customer_id: 1,
      store_id: 1, sentiment: 'negative' });
    expect(requests()[0]).toMatchObject({ responded_at: '2026-11-19T09:00:00.000Z', feedback_id: feedback[0]?.id });
    expect(connection.sqlite.prepare('SELECT csat_score FROM tickets WHERE id = 1').pluck().get()).toBe(2);
    expect(events).toEqual([{ event: 'data.changed', payload: { areas: ['service', 'feedback'] } }]);
  });

  it('takes one answer per code and knows no made-up code', () => {
    recordCsatRequest(connection.sqlite, 1, 3, new Date(SOLVED));
    const code = requests()[0]?.code as string;
    respond(code, 5);
    expect(errorCode(() => respond(code, 1))).toBe('CONFLICT');
    expect(errorCode(() => respond('NOPE123456', 4))).toBe('NOT_FOUND');
    expect(connection.sqlite.prepare('SELECT COUNT(*) FROM feedback').pluck().get()).toBe(1);
    expect(connection.sqlite.prepare('SELECT csat_score FROM tickets WHERE id = 1').pluck().get()).toBe(5);
  });

  it('names the staff member who typed in an answer in the ticket audit, and refuses an inactive one', () => {
    recordCsatRequest(connection.sqlite, 1, 3, new Date(SOLVED));
    recordCsatRequest(connection.sqlite, 2, 3, new Date(SOLVED));
    const [first, second] = requests().map((r) => r.code) as [string, string];
    connection.sqlite.prepare('UPDATE staff SET active = 0 WHERE id = 2').run();
    expect(errorCode(() => slaHandlers['csat.respond'](csatRespondInput.parse({ code: first, score: 4, staffId: 2 }), ctx()))).toBe('VALIDATION');
    expect(connection.sqlite.prepare('SELECT COUNT(*) FROM feedback').pluck().get()).toBe(0);
    slaHandlers['csat.respond'](csatRespondInput.parse({ code: first, score: 4, staffId: 3 }), ctx());
    respond(second, 5);
    expect(connection.sqlite.prepare('SELECT entity_id, staff_id, action FROM audit_log ORDER BY id').all()).toEqual([
      { entity_id: 1, staff_id: 3, action: 'ticket.csat.recorded' },
    ]);
  });
});

describe('csat.report', () => {
  it('reports requests, answers, the satisfied share and the average by week and staff', () => {
    recordCsatRequest(connection.sqlite, 1, 3, new Date(SOLVED)); // week of Mon 11-16, Adam
    recordCsatRequest(connection.sqlite, 2, 2, new Date(SOLVED)); // week of Mon 11-16, Maya
    connection.sqlite.prepare("UPDATE tickets SET solved_at = '2026-11-24T10:00:00.000Z' WHERE id = 1").run();
    recordCsatRequest(connection.sqlite, 1, 3, new Date('2026-11-24T10:00:00.000Z')); // week of Mon 11-23, Adam
    const [first, second, third] = requests();
    respond(first?.code as string, 5, 'Lovely help');
    respond(second?.code as string, 3);
    respond(third?.code as string, 2, 'Broke again', '2026-11-25T09:00:00.000Z');

    const r = slaHandlers['csat.report']({ range: { from: '2026-11-16', to: '2026-11-29' } }, ctx('2026-11-30T00:00:00.000Z'));
    expect(r.byWeek).toEqual([
      // 5 and 3: one of two satisfied, average 4.
      { key: '2026-11-16', label: '2026-11-16', requests: 2, responses: 2, satisfied: 1 / 2, average: 4 },
      { key: '2026-11-23', label: '2026-11-23', requests: 1, responses: 1, satisfied: 0, average: 2 },
    ]);
    expect(r.byStaff).toEqual([
      { key: '3', label: 'Adam Agent', requests: 2, responses: 2, satisfied: 1 / 2, average: 3.5 },
      { key: '2', label: 'Maya Manager', requests: 1, responses: 1, satisfied: 0, average: 3 },
    ]);
    expect(r.recentComments).toEqual([
      { ticketId: 1, score: 2, comment: 'Broke again', at: '2026-11-25T09:00:00.000Z', staffName: 'Adam Agent' },
      { ticketId: 1, score: 5, comment: 'Lovely help', at: '2026-11-19T09:00:00.000Z', staffName: 'Adam Agent' },
    ]);
  });
});
