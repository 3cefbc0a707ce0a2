import type { Sqlite } from '../../../db/connection';
import { csatMessage } from '../csat/message';
import { csatCodeFromBytes, shopLanguage } from '../csat/request';
import { writeSlaClockRow } from './clock';
import { loadSlaPolicy } from './policy';
import { advanceSlaClocks, type SlaClockRow } from './rules';

/**
 * The demo's tickets arrive as history (created, answered, solved); this
 * gives them what the live desk would have recorded along the way, with the
 * same rules and the default policy: each ticket's conversation is replayed
 * through the SLA clocks (first and next replies, pauses, the solve), so
 * history carries breach verdicts and open tickets live deadlines (some
 * breaching, some amber, most fine, as in a real shop); and every solved
 * ticket gets the satisfaction request its solve would have recorded, linked
 * to the demo's CSAT answer when there is one. In the load's transaction.
 */
/** id, status, priority, channel, created_at, solved_at, subject, solver or assignee. */
type TicketRow = [number, string, SlaClockRow['priority'], SlaClockRow['channel'], string, string | null, string, number | null];

/** The clocks before anything happened: the replay starts every ticket from scratch. */
function freshClocks(ticket: TicketRow): SlaClockRow {
  return {
    status: 'open', priority: ticket[2], channel: ticket[3], created_at: ticket[4],
    first_reply_due_at: null, next_reply_due_at: null, resolution_due_at: null, sla_due_at: null, sla_paused_at: null,
    resolution_left_minutes: null, last_customer_message_at: null, first_reply_breached: null, next_reply_breaches: 0,
    resolution_breached: null, resolution_started_at: null, resolution_paused_minutes: 0, next_reply_started_at: null,
  };
}

/** ticket_id, author_type, created_at of a public message. */
type MessageRow = [number, string, string];

function replay(ticket: TicketRow, messages: MessageRow[], policy: ReturnType<typeof loadSlaPolicy>): SlaClockRow {
  const [, finalStatus, , , createdAt, solvedAt] = ticket;
  const row = freshClocks(ticket);
  advanceSlaClocks(row, 'created', new Date(createdAt), policy);
  let lastMessageAt = createdAt;
  for (const [, author, at] of messages) {
    if (author === 'customer') {
      // The opening message is the ticket's creation, not a follow-up.
      if (at > createdAt) advanceSlaClocks(row, 'customer_message', new Date(at), policy);
      else row.last_customer_message_at = at;
    } else if (author === 'staff') {
      advanceSlaClocks(row, 'staff_public_reply', new Date(at), policy);
    }
    lastMessageAt = at;
  }
  row.status = finalStatus;
  if (finalStatus === 'open' || finalStatus === 'new') return row;
  // Solved at solved_at; waiting on someone since the last message of the conversation.
  const at = (finalStatus === 'solved' || finalStatus === 'closed') && solvedAt !== null ? solvedAt : lastMessageAt;
  advanceSlaClocks(row, 'status_changed', new Date(at), policy);
  return row;
}

/**
 * A code that is the same on every run of the same demo (the app's own codes
 * are random): ten bytes of a multiply-xorshift mix of the ticket id, far
 * cheaper than a cryptographic hash over ~100k tickets. Distinct ids give
 * distinct 50-bit codes in practice; the UNIQUE index would stop the load otherwise.
 */
const codeBytes = new Uint8Array(10);
function demoCode(ticketId: number): string {
  let a = Math.imul(ticketId ^ 0x9e3779b9, 0x85ebca6b);
  let b = Math.imul(ticketId + 0x7f4a7c15, 0xc2b2ae35);
  for (let i = 0; i < 10; i += 1) {
    a = Math.imul(a ^ (a >>> 15), 0x2c1b3c6d) ^ b;
    b = Math.imul(b ^ (b >>> 13), 0x297a2d39) + i;
    codeBytes[i] = (a ^ (b >>> 7)) & 0xff;
  }
  return csatCodeFromBytes(codeBytes);
}

/** `storeId`: only that store's tickets (a demo store added beside another leaves the first one alone). */
export function backfillServiceClocks(sqlite: Sqlite, now: Date, storeId?: number): { tickets: number; csatRequests: number } {
  const policy = loadSlaPolicy(sqlite);
  const inStore = storeId === undefined ? '1 = 1' : `t.store_id = ${Number(storeId)}`;
  // Only what the replay and the request need, as bare arrays: this is most of the time at 1M orders.
  // (No customer names: joining ~60k tickets to 500k customers costs more than the rest; the
  // requests greet without a name, which the live desk adds.)
  const tickets = sqlite
    .prepare<[string], unknown[]>(
      `SELECT id, status, priority, channel, created_at, solved_at, subject, COALESCE(solved_by_id, assignee_id)
       FROM tickets t WHERE ${inStore} AND merged_into_id IS NULL AND created_at <= ? ORDER BY id`,
    )
    .raw()
    .all(now.toISOString()) as TicketRow[];
  // All at once (better-sqlite3 cannot write while a read is being iterated), as bare
  // arrays, and by the store's ticket id range rather than a join: this is most of the time.
  const firstId = tickets[0]?.[0] ?? 0;
  const lastId = tickets[tickets.length - 1]?.[0] ?? -1;
  const messages = sqlite
    .prepare<[number, number], unknown[]>(
      `SELECT ticket_id, author_type, created_at FROM ticket_messages
       WHERE ticket_id BETWEEN ? AND ? AND visibility = 'public' ORDER BY ticket_id, created_at, id`,
    )
    .raw()
    .all(firstId, lastId) as MessageRow[];
  let next = 0;

  const answers = new Map(
    sqlite
      .prepare<[], { ticket_id: number; id: number; created_at: string }>(
        "SELECT ticket_id, id, created_at FROM feedback WHERE source = 'csat' AND ticket_id IS NOT NULL ORDER BY id",
      )
      .all()
      .map((f) => [f.ticket_id, f]),
  );
  const domain = sqlite.prepare<[], { domain: string | null }>('SELECT domain FROM stores ORDER BY id LIMIT 1').get()?.domain ?? null;
  const language = shopLanguage(sqlite);
  // A ticket that already has its request (a second run) keeps it.
  const requested = new Set(sqlite
    .prepare<[number, number], number>('SELECT ticket_id FROM csat_requests WHERE ticket_id BETWEEN ? AND ?')
    .pluck().all(firstId, lastId));
  const insertRequest = sqlite.prepare(
    `INSERT INTO csat_requests (ticket_id, code, message, staff_id, created_at, responded_at, feedback_id)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );

  let csatRequests = 0;
  for (const ticket of tickets) {
    const [id, status, , , , solvedAt, subject, staffId] = ticket;
    const own: MessageRow[] = [];
    // Both lists are in ticket id order: walk them side by side.
    for (; next < messages.length && (messages[next] as MessageRow)[0] <= id; next += 1) {
      if ((messages[next] as MessageRow)[0] === id) own.push(messages[next] as MessageRow);
    }
    writeSlaClockRow(sqlite, id, replay(ticket, own, policy));
    if ((status === 'solved' || status === 'closed') && solvedAt !== null && !requested.has(id)) {
      const code = demoCode(id);
      const answer = answers.get(id);
      insertRequest.run(id, code, csatMessage(language, { ticketId: id, subject, firstName: null, domain, code }),
        staffId, solvedAt, answer?.created_at ?? null, answer?.id ?? null);
      csatRequests += 1;
    }
  }
  return { tickets: tickets.length, csatRequests };
}
