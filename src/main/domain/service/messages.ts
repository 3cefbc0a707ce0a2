import type { AttachmentRef } from '../../../shared/contract/tickets';
import type { Sqlite } from '../../db/connection';

export interface NewMessage {
  ticketId: number;
  authorType: 'customer' | 'staff' | 'system';
  staffId: number | null;
  visibility: 'public' | 'internal';
  body: string;
  attachments: AttachmentRef[];
  at: Date;
  idempotencyKey?: string | null;
}

export function insertMessage(sqlite: Sqlite, message: NewMessage): number {
  const result = sqlite
    .prepare(
      `INSERT INTO ticket_messages (ticket_id, author_type, staff_id, visibility, body, attachments, idempotency_key, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(message.ticketId, message.authorType, message.staffId, message.visibility, message.body,
      JSON.stringify(message.attachments), message.idempotencyKey ?? null, message.at.toISOString());
  return Number(result.lastInsertRowid);
}

/** The ticket a message with this key was written to, if a first attempt already wrote it. */
export function ticketOfMessageKey(sqlite: Sqlite, idempotencyKey: string): number | undefined {
  return sqlite
    .prepare<[string], number>('SELECT ticket_id FROM ticket_messages WHERE idempotency_key = ?')
    .pluck()
    .get(idempotencyKey);
}
