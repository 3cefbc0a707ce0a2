import { randomBytes } from 'node:crypto';
import type { Sqlite } from '../../../db/connection';
import { csatMessage, type CsatLanguage } from './message';

/**
 * When a ticket is solved, a satisfaction request is recorded: a code the
 * customer answers with and the message to send them (in the shop's
 * language, with a link to the shop's feedback page). Backroom does not send
 * it: the ticket shows the message and the code to copy into the shop's own
 * channel. One request per solve: calling again while the ticket stays solved
 * changes nothing; a reopened and re-solved ticket gets a new one.
 */

/** 31 symbols without look-alikes (no I, L, O, 0, 1): 10 of them are about 49 random bits. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;

export function csatCodeFromBytes(bytes: Uint8Array): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += ALPHABET[(bytes[i] as number) % ALPHABET.length];
  return code;
}

/** Rejection sampling keeps every symbol equally likely. */
export function newCsatCode(): string {
  let code = '';
  while (code.length < CODE_LENGTH) {
    for (const byte of randomBytes(16)) {
      if (byte < 248 && code.length < CODE_LENGTH) code += ALPHABET[byte % ALPHABET.length];
    }
  }
  return code;
}

export function shopLanguage(sqlite: Sqlite): CsatLanguage {
  const row = sqlite.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'locale'").get();
  return row?.value === 'zh-CN' ? 'zh-CN' : 'en';
}

interface TicketForCsat {
  id: number;
  subject: string;
  solved_at: string | null;
  first_name: string | null;
  domain: string | null;
}

export function recordCsatRequest(sqlite: Sqlite, ticketId: number, staffId: number, now: Date): void {
  const ticket = sqlite
    .prepare<[number], TicketForCsat>(
      `SELECT t.id, t.subject, t.solved_at, c.first_name,
         COALESCE(s.domain, (SELECT domain FROM stores ORDER BY id LIMIT 1)) AS domain
       FROM tickets t
       LEFT JOIN customers c ON c.id = t.customer_id
       LEFT JOIN stores s ON s.id = t.store_id
       WHERE t.id = ?`,
    )
    .get(ticketId);
  if (!ticket) return;
  // This solve already has its request (a retry, or solved → closed).
  const nowIso = now.toISOString();
  const solvedAt = ticket.solved_at !== null && ticket.solved_at < nowIso ? ticket.solved_at : nowIso;
  const existing = sqlite
    .prepare<[number, string], { id: number }>('SELECT id FROM csat_requests WHERE ticket_id = ? AND created_at >= ? LIMIT 1')
    .get(ticketId, solvedAt);
  if (existing) return;
  const code = newCsatCode();
  const message = csatMessage(shopLanguage(sqlite), {
    ticketId: ticket.id, subject: ticket.subject, firstName: ticket.first_name, domain: ticket.domain, code,
  });
  sqlite
    .prepare('INSERT INTO csat_requests (ticket_id, code, message, staff_id, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(ticketId, code, message, staffId, nowIso);
}
