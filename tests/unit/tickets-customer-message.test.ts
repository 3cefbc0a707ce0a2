import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { AGENT, NOW, errorOf, serviceCaller, serviceShop } from './tickets-fixtures';

/**
 * tickets.logCustomerMessage: a customer's call written down by staff counts
 * as the customer's message. Default policy: normal priority, next reply
 * within 16 business hours, Mon–Fri 09:00–17:00 in the store's zone (UTC here).
 */
let connection: Connection;
let clock = NOW;
let call: ReturnType<typeof serviceCaller>;

beforeEach(async () => {
  connection = await serviceShop();
  clock = NOW;
  call = serviceCaller(connection, () => clock);
});
afterEach(() => connection.close());

const at = (iso: string) => {
  clock = new Date(iso);
};

function answeredPhoneTicket() {
  const ticket = call('tickets.create', {
    staffId: AGENT, idempotencyKey: 'k1', source: { kind: 'manual', subject: 'Gift wrap', customerId: 1, orderId: 1 },
    message: { body: 'Can you gift wrap my order?', author: 'customer' },
  });
  return call('tickets.reply', { ticketId: ticket.id, staffId: AGENT, body: 'Happy to!', expectedVersion: ticket.version, idempotencyKey: 'r1' });
}

describe('tickets.logCustomerMessage', () => {
  it('reopens a ticket waiting on the customer and starts the next-reply clock from the call', () => {
    const waiting = answeredPhoneTicket();
    expect(waiting.status).toBe('waiting_customer');
    // Monday 2 March 16:00 UTC + 16 business hours (1 h Monday, 8 h Tuesday, 7 h Wednesday) = Wednesday 4 March 16:00.
    at('2026-03-02T16:00:00.000Z');
    const logged = call('tickets.logCustomerMessage', { ticketId: waiting.id, staffId: AGENT, body: 'Called: blue paper please',
      expectedVersion: waiting.version, idempotencyKey: 'c1' });
    expect(logged).toMatchObject({ status: 'open', version: waiting.version + 1 });
    expect(logged.messages.at(-1)).toMatchObject({ authorType: 'customer', visibility: 'public', body: 'Called: blue paper please' });
    expect(logged.sla.nextReplyDueAt).toBe('2026-03-04T16:00:00.000Z');
    expect(logged.audit[0]).toMatchObject({ action: 'ticket.customerMessage', staff: { id: AGENT } });
  });

  it('is idempotent, refuses a stale version and a closed ticket, writing nothing', () => {
    const waiting = answeredPhoneTicket();
    const input = { ticketId: waiting.id, staffId: AGENT, body: 'Called again', expectedVersion: waiting.version, idempotencyKey: 'c1' };
    const once = call('tickets.logCustomerMessage', input);
    expect(call('tickets.logCustomerMessage', input).version).toBe(once.version);
    const messages = () => connection.sqlite.prepare('SELECT count(*) FROM ticket_messages').pluck().get();
    expect(messages()).toBe(3);
    expect(errorOf(() => call('tickets.logCustomerMessage', { ...input, idempotencyKey: 'c2' })).code).toBe('CONFLICT');
    const closed = call('tickets.update', { id: waiting.id, staffId: AGENT, expectedVersion: once.version, patch: { status: 'closed' } });
    expect(errorOf(() => call('tickets.logCustomerMessage', { ...input, expectedVersion: closed.version, idempotencyKey: 'c3' })).code)
      .toBe('VALIDATION');
    expect(messages()).toBe(3);
  });
});
