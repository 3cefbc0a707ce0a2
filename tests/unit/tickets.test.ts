import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { setAutoAssignEnabled } from '../../src/main/domain/service/settings';
import { AGENT, FORMER, MANAGER, NOW, OWNER, errorOf, serviceCaller, serviceShop } from './tickets-fixtures';

let connection: Connection;
let call: ReturnType<typeof serviceCaller>;
let events: unknown[];
beforeEach(async () => {
  connection = await serviceShop();
  events = [];
  call = serviceCaller(connection, () => NOW, events);
});
afterEach(() => connection.close());

const count = (sql: string): number => connection.sqlite.prepare(sql).pluck().get() as number;

function phoneTicket(key: string, extra: Record<string, unknown> = {}) {
  return call('tickets.create', {
    staffId: AGENT, idempotencyKey: key,
    source: { kind: 'manual', subject: 'Gift wrap for order #1001', customerId: 1, orderId: 1 },
    message: { body: 'Can you gift wrap my order?', author: 'customer' },
    ...extra,
  });
}

describe('tickets.create', () => {
  it('opens a phone ticket with the customer\'s words, assigned round-robin from the first agent or manager', () => {
    const first = phoneTicket('k1');
    expect(first).toMatchObject({
      subject: 'Gift wrap for order #1001', channel: 'phone', status: 'new', priority: 'normal',
      customer: { id: 1, name: 'Ada Lovelace' }, order: { id: 1, orderNumber: '#1001' },
      assignee: { id: MANAGER, name: 'Max Manager' }, version: 1,
    });
    expect(first.messages).toEqual([expect.objectContaining({ authorType: 'customer', body: 'Can you gift wrap my order?' })]);
    expect(first.sla.firstReplyDueAt).not.toBeNull();
    expect(first.audit[0]).toMatchObject({ action: 'ticket.create', staff: { id: AGENT } });
    expect(events).toEqual([{ event: 'data.changed', payload: { areas: ['service'] } }]);
    // The turn continues after the manager (id 2): the next agent, not the first again; the owner is never in it.
    expect(phoneTicket('k2').assignee?.id).toBe(AGENT);
    expect(phoneTicket('k3').assignee?.id).toBe(4);
    expect(phoneTicket('k4').assignee?.id).toBe(MANAGER);
  });

  it('leaves the ticket unassigned when round-robin is off or the assignee is null', () => {
    expect(phoneTicket('k1', { assigneeId: null }).assignee).toBeNull();
    setAutoAssignEnabled(connection.sqlite, false, NOW);
    expect(phoneTicket('k2').assignee).toBeNull();
    expect(phoneTicket('k3', { assigneeId: OWNER }).assignee?.id).toBe(OWNER);
  });

  it('answers a retry with the ticket the first attempt made', () => {
    const first = phoneTicket('same');
    const again = phoneTicket('same');
    expect(again.id).toBe(first.id);
    expect(count('SELECT count(*) FROM tickets')).toBe(1);
    expect(count('SELECT count(*) FROM ticket_messages')).toBe(1);
  });

  it('opens a ticket from a one-star review, links both ways, and a second request finds it', () => {
    connection.sqlite.prepare(
      `INSERT INTO feedback (id, customer_id, order_id, source, rating, title, body, created_at)
       VALUES (7, 2, 2, 'review', 1, 'Broken on arrival', 'The mug came in pieces.', '2026-03-01T09:00:00.000Z')`,
    ).run();
    const ticket = call('tickets.create', { staffId: AGENT, idempotencyKey: 'f1', source: { kind: 'feedback', feedbackId: 7 } });
    expect(ticket).toMatchObject({
      subject: 'Review (1★): Broken on arrival', channel: 'review', priority: 'high', tags: ['feedback'],
      customer: { id: 2 }, order: { id: 2 }, links: { feedbackId: 7, returnId: null, shipmentId: null },
    });
    expect(ticket.messages.map((m) => m.body)).toEqual(['The mug came in pieces.']);
    expect(count('SELECT ticket_id FROM feedback WHERE id = 7')).toBe(ticket.id);
    const again = call('tickets.create', { staffId: AGENT, idempotencyKey: 'f2', source: { kind: 'feedback', feedbackId: 7 } });
    expect(again.id).toBe(ticket.id);
  });

  it('opens a ticket from a return request and from a delayed shipment', () => {
    const s = connection.sqlite;
    s.prepare(
      `INSERT INTO returns (id, rma_number, order_id, customer_id, status, reason, note, currency, requested_at, updated_at)
       VALUES (3, 'RMA-0003', 3, 3, 'requested', 'Wrong size', 'Need a larger one', 'USD', ?, ?)`,
    ).run(NOW.toISOString(), NOW.toISOString());
    const fromReturn = call('tickets.create', { staffId: AGENT, idempotencyKey: 'r1', source: { kind: 'return', returnId: 3 } });
    expect(fromReturn).toMatchObject({ subject: 'Return RMA-0003: Wrong size', channel: 'return', customer: { id: 3 },
      order: { id: 3 }, links: { returnId: 3 } });
    expect(count('SELECT ticket_id FROM returns WHERE id = 3')).toBe(fromReturn.id);

    s.prepare(
      `INSERT INTO shipments (id, order_id, store_id, external_id, carrier, tracking_number, status, created_at, updated_at)
       VALUES (9, 2, 1, 's9', 'UPS', '1Z999', 'InTransit', ?, ?)`,
    ).run(NOW.toISOString(), NOW.toISOString());
    const fromShipment = call('tickets.create', { staffId: AGENT, idempotencyKey: 's1', source: { kind: 'shipment', shipmentId: 9 } });
    expect(fromShipment).toMatchObject({ subject: 'Delayed shipment for order #1002 (UPS 1Z999)', priority: 'high',
      customer: { id: 2 }, links: { shipmentId: 9 } });
    const again = call('tickets.create', { staffId: AGENT, idempotencyKey: 's2', source: { kind: 'shipment', shipmentId: 9 } });
    expect(again.id).toBe(fromShipment.id);

    // The staff member's own subject (the exceptions queue's popover, in their language) goes with the ticket.
    s.prepare(
      `INSERT INTO shipments (id, order_id, store_id, external_id, carrier, tracking_number, status, created_at, updated_at)
       VALUES (10, 3, 1, 's10', 'DHL', 'JD01', 'AttemptFail', ?, ?)`,
    ).run(NOW.toISOString(), NOW.toISOString());
    const named = call('tickets.create', { staffId: AGENT, idempotencyKey: 's3',
      source: { kind: 'shipment', shipmentId: 10, subject: '订单 #1003 的包裹投递失败' } });
    expect(named).toMatchObject({ subject: '订单 #1003 的包裹投递失败', links: { shipmentId: 10 } });
  });

  it('refuses an inactive staff member, an unknown source and an order of another customer, writing nothing', () => {
    expect(errorOf(() => phoneTicket('x', { staffId: FORMER })).code).toBe('VALIDATION');
    expect(errorOf(() => call('tickets.create', { staffId: AGENT, idempotencyKey: 'y',
      source: { kind: 'feedback', feedbackId: 99 } })).code).toBe('NOT_FOUND');
    const mismatch = errorOf(() => call('tickets.create', { staffId: AGENT, idempotencyKey: 'z',
      source: { kind: 'manual', subject: 'Hi', customerId: 2, orderId: 1 } }));
    expect(mismatch.code).toBe('VALIDATION');
    expect(mismatch.message).toMatch(/Order #1001 belongs to another customer/);
    expect(count('SELECT count(*) FROM tickets')).toBe(0);
  });
});

describe('tickets.reply', () => {
  it('a public reply answers the customer and waits on them; a note changes neither', () => {
    const ticket = phoneTicket('k1');
    const noted = call('tickets.reply', { ticketId: ticket.id, staffId: AGENT, body: 'Checking stock', visibility: 'internal',
      expectedVersion: 1, idempotencyKey: 'n1' });
    expect(noted).toMatchObject({ status: 'new', firstRepliedAt: null, version: 2 });
    expect(noted.sla.firstReplyDueAt).toBe(ticket.sla.firstReplyDueAt);
    const replied = call('tickets.reply', { ticketId: ticket.id, staffId: AGENT, body: 'Happy to!', expectedVersion: 2,
      idempotencyKey: 'r1', attachments: [{ name: 'wrap.jpg', path: '/photos/wrap.jpg', size: 1200 }] });
    expect(replied).toMatchObject({ status: 'waiting_customer', firstRepliedAt: NOW.toISOString(), version: 3 });
    expect(replied.sla.firstReplyBreached).toBe(false);
    expect(replied.messages.at(-1)).toMatchObject({ authorType: 'staff', visibility: 'public', staff: { id: AGENT },
      attachments: [{ name: 'wrap.jpg', path: '/photos/wrap.jpg', size: 1200 }] });
    expect(replied.audit.map((a) => a.action).slice(0, 2)).toEqual(['ticket.reply', 'ticket.note']);
  });

  it('applies the macro\'s status, priority and tags with the reply, and a solve records a CSAT request', () => {
    const ticket = phoneTicket('k1');
    const macroId = Number(connection.sqlite.prepare(
      `INSERT INTO macros (name, language, body, actions, created_at, updated_at)
       VALUES ('Solved', 'en', 'All done!', '{"status":"solved","priority":"high","addTags":["wrapped"]}', ?, ?)`,
    ).run(NOW.toISOString(), NOW.toISOString()).lastInsertRowid);
    const solved = call('tickets.reply', { ticketId: ticket.id, staffId: AGENT, body: 'All done!', macroId, expectedVersion: 1,
      idempotencyKey: 'm1' });
    expect(solved).toMatchObject({ status: 'solved', priority: 'high', tags: ['wrapped'], solvedAt: NOW.toISOString() });
    expect(count(`SELECT solved_by_id FROM tickets WHERE id = ${ticket.id}`)).toBe(AGENT);
    expect(count(`SELECT count(*) FROM csat_requests WHERE ticket_id = ${ticket.id}`)).toBe(1);
    // A status given with the reply wins over the macro's.
    const reopened = call('tickets.reply', { ticketId: ticket.id, staffId: AGENT, body: 'One more thing', macroId,
      status: 'open', expectedVersion: solved.version, idempotencyKey: 'm2' });
    expect(reopened).toMatchObject({ status: 'open', solvedAt: null });
  });

  it('is idempotent on its key, and a stale version answers CONFLICT with the current ticket and writes nothing', () => {
    const ticket = phoneTicket('k1');
    const once = call('tickets.reply', { ticketId: ticket.id, staffId: AGENT, body: 'Hi', expectedVersion: 1, idempotencyKey: 'r1' });
    const twice = call('tickets.reply', { ticketId: ticket.id, staffId: AGENT, body: 'Hi', expectedVersion: 1, idempotencyKey: 'r1' });
    expect(twice.version).toBe(once.version);
    expect(count('SELECT count(*) FROM ticket_messages WHERE author_type = \'staff\'')).toBe(1);

    const stale = errorOf(() => call('tickets.reply', { ticketId: ticket.id, staffId: AGENT, body: 'Late', expectedVersion: 1,
      idempotencyKey: 'r2' }));
    expect(stale.code).toBe('CONFLICT');
    expect((stale.details as { current: { version: number } }).current.version).toBe(2);
    expect(count('SELECT count(*) FROM ticket_messages WHERE author_type = \'staff\'')).toBe(1);
  });
});

describe('tickets.update', () => {
  it('changes fields from the version seen and records what changed', () => {
    const ticket = phoneTicket('k1', { assigneeId: null });
    const updated = call('tickets.update', { id: ticket.id, staffId: MANAGER, expectedVersion: 1,
      patch: { assigneeId: AGENT, priority: 'urgent', tags: ['vip', 'vip', 'gift'] } });
    expect(updated).toMatchObject({ assignee: { id: AGENT }, priority: 'urgent', tags: ['vip', 'gift'], version: 2 });
    expect(updated.audit[0]).toMatchObject({ action: 'ticket.update', staff: { id: MANAGER },
      detail: { changed: { assigneeId: { from: null, to: AGENT }, priority: { from: 'normal', to: 'urgent' } } } });
  });

  it('a stale save answers CONFLICT with the current ticket and nothing is overwritten', () => {
    const ticket = phoneTicket('k1');
    call('tickets.update', { id: ticket.id, staffId: AGENT, expectedVersion: 1, patch: { priority: 'high' } });
    const before = connection.sqlite.prepare(`SELECT * FROM tickets WHERE id = ${ticket.id}`).get();
    const audits = count('SELECT count(*) FROM audit_log');
    const stale = errorOf(() => call('tickets.update', { id: ticket.id, staffId: MANAGER, expectedVersion: 1,
      patch: { priority: 'low', status: 'solved' } }));
    expect(stale.code).toBe('CONFLICT');
    expect((stale.details as { current: { priority: string; version: number } }).current).toMatchObject({ priority: 'high', version: 2 });
    expect(connection.sqlite.prepare(`SELECT * FROM tickets WHERE id = ${ticket.id}`).get()).toEqual(before);
    expect(count('SELECT count(*) FROM audit_log')).toBe(audits);
  });

  it('refuses an assignee who has left', () => {
    const ticket = phoneTicket('k1');
    expect(errorOf(() => call('tickets.update', { id: ticket.id, staffId: AGENT, expectedVersion: 1,
      patch: { assigneeId: FORMER } })).code).toBe('VALIDATION');
  });
});

describe('tickets.merge', () => {
  it('moves every message to the target with its own time and closes the source', () => {
    const target = phoneTicket('t');
    const laterNow = new Date(NOW.getTime() + 3_600_000);
    const source = serviceCaller(connection, () => laterNow)('tickets.create', { staffId: AGENT, idempotencyKey: 's',
      source: { kind: 'manual', subject: 'Also: ribbon colour', customerId: 1 }, tags: ['ribbon'],
      message: { body: 'Red ribbon please', author: 'customer' } });
    const merged = call('tickets.merge', { sourceId: source.id, targetId: target.id, staffId: AGENT, idempotencyKey: 'm' });
    expect(merged.mergedFrom).toEqual([source.id]);
    expect(merged.tags).toEqual(['ribbon']);
    const customerSaid = merged.messages.filter((m) => m.authorType === 'customer');
    expect(customerSaid.map((m) => [m.body, m.createdAt])).toEqual([
      ['Can you gift wrap my order?', NOW.toISOString()],
      ['Red ribbon please', laterNow.toISOString()],
    ]);
    const gone = call('tickets.get', { id: source.id });
    expect(gone).toMatchObject({ status: 'closed', mergedInto: target.id });
    expect(gone.audit[0]).toMatchObject({ action: 'ticket.merged_into', detail: { targetId: target.id } });
    expect(merged.audit[0]).toMatchObject({ action: 'ticket.merged_from', detail: { sourceId: source.id } });

    const again = call('tickets.merge', { sourceId: source.id, targetId: target.id, staffId: AGENT, idempotencyKey: 'm' });
    expect(again.messages).toHaveLength(merged.messages.length);
    expect(again.version).toBe(merged.version);
  });

  it('a newer customer message brought by the source makes the answered target owe a reply', () => {
    const target = phoneTicket('t');
    const answered = call('tickets.reply', { ticketId: target.id, staffId: AGENT, body: 'On it', expectedVersion: 1, idempotencyKey: 'r' });
    expect(answered.sla.nextReplyDueAt).toBeNull();
    const later = new Date(NOW.getTime() + 2 * 3_600_000);
    const source = serviceCaller(connection, () => later)('tickets.create', { staffId: AGENT, idempotencyKey: 's', assigneeId: null,
      source: { kind: 'manual', subject: 'Any news?', customerId: 1 }, message: { body: 'Any news?', author: 'customer' } });
    const merged = serviceCaller(connection, () => later)('tickets.merge', { sourceId: source.id, targetId: target.id, staffId: AGENT,
      idempotencyKey: 'm' });
    expect(merged.sla.nextReplyDueAt).not.toBeNull();
    expect(merged.sla.nextReplyDueAt! > later.toISOString()).toBe(true);
  });

  it('refuses tickets of two customers with a sentence, changing nothing', () => {
    const a = phoneTicket('a');
    const b = call('tickets.create', { staffId: AGENT, idempotencyKey: 'b', source: { kind: 'manual', subject: 'Hi', customerId: 2 } });
    const refused = errorOf(() => call('tickets.merge', { sourceId: b.id, targetId: a.id, staffId: AGENT, idempotencyKey: 'm' }));
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toBe(`Tickets #${b.id} and #${a.id} are not from the same customer; only a customer's own tickets can be merged.`);
    expect(call('tickets.get', { id: b.id }).mergedInto).toBeNull();
  });
});
