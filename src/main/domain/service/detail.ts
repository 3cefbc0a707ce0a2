import type { AttachmentRef, TicketDetail, TicketMessage } from '../../../shared/contract/tickets';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { auditTrail } from '../audit/log';
import { loadSlaPolicy } from './sla/clock';
import { TICKET_ROW_COLUMNS, TICKET_ROW_JOINS, toTicketRow, type TicketRowRecord } from './ticket-row';

/** `tickets.get`, and what every ticket write answers with: the ticket as it is now. */
interface DetailRecord extends TicketRowRecord {
  first_reply_due_at: string | null;
  next_reply_due_at: string | null;
  resolution_due_at: string | null;
  next_reply_breaches: number;
  first_replied_at: string | null;
  solved_at: string | null;
  merged_into_id: number | null;
  feedback_id: number | null;
  return_id: number | null;
  shipment_id: number | null;
}

interface MessageRecord {
  id: number;
  authorType: TicketMessage['authorType'];
  staffId: number | null;
  staffName: string | null;
  visibility: TicketMessage['visibility'];
  body: string;
  attachments: string;
  createdAt: string;
}

interface CsatRecord {
  code: string;
  message: string;
  createdAt: string;
  rating: number | null;
  comment: string | null;
}

export function ticketExists(sqlite: Sqlite, id: number): boolean {
  return sqlite.prepare('SELECT 1 FROM tickets WHERE id = ?').get(id) !== undefined;
}

export function loadTicketDetail(sqlite: Sqlite, id: number, now: Date): TicketDetail {
  const record = sqlite
    .prepare<[number], DetailRecord>(
      `SELECT ${TICKET_ROW_COLUMNS}, t.first_reply_due_at, t.next_reply_due_at, t.resolution_due_at,
              t.next_reply_breaches, t.first_replied_at, t.solved_at, t.merged_into_id,
              t.feedback_id, t.return_id, t.shipment_id
         FROM tickets t ${TICKET_ROW_JOINS}
        WHERE t.id = ?`,
    )
    .get(id);
  if (!record) throw new AppError('NOT_FOUND', `There is no ticket #${id}.`);
  const { warningMinutes } = loadSlaPolicy(sqlite);
  return {
    ...toTicketRow(record, now, warningMinutes),
    messages: loadMessages(sqlite, id),
    sla: {
      firstReplyDueAt: record.first_reply_due_at,
      nextReplyDueAt: record.next_reply_due_at,
      resolutionDueAt: record.resolution_due_at,
      pausedAt: record.sla_paused_at,
      firstReplyBreached: flag(record.first_reply_breached),
      nextReplyBreaches: record.next_reply_breaches,
      resolutionBreached: flag(record.resolution_breached),
    },
    firstRepliedAt: record.first_replied_at,
    solvedAt: record.solved_at,
    mergedInto: record.merged_into_id,
    mergedFrom: sqlite
      .prepare<[number], number>('SELECT id FROM tickets WHERE merged_into_id = ? ORDER BY id')
      .pluck()
      .all(id),
    links: { feedbackId: record.feedback_id, returnId: record.return_id, shipmentId: record.shipment_id },
    csat: loadCsat(sqlite, id),
    audit: auditTrail(sqlite, 'ticket', id),
  };
}

function flag(value: number | null): boolean | null {
  return value === null ? null : value === 1;
}

function loadMessages(sqlite: Sqlite, ticketId: number): TicketMessage[] {
  return sqlite
    .prepare<[number], MessageRecord>(
      `SELECT m.id, m.author_type AS authorType, m.staff_id AS staffId, s.name AS staffName, m.visibility,
              m.body, m.attachments, m.created_at AS createdAt
         FROM ticket_messages m LEFT JOIN staff s ON s.id = m.staff_id
        WHERE m.ticket_id = ?
        ORDER BY m.created_at, m.id`,
    )
    .all(ticketId)
    .map((m) => ({
      id: m.id,
      authorType: m.authorType,
      staff: m.staffId === null ? null : { id: m.staffId, name: m.staffName ?? '' },
      visibility: m.visibility,
      body: m.body,
      attachments: parseAttachments(m.attachments),
      createdAt: m.createdAt,
    }));
}

function parseAttachments(json: string): AttachmentRef[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as AttachmentRef[]) : [];
  } catch {
    return [];
  }
}

/** The latest satisfaction request of the ticket and, once answered, its score and comment. */
function loadCsat(sqlite: Sqlite, ticketId: number): TicketDetail['csat'] {
  const row = sqlite
    .prepare<[number], CsatRecord>(
      `SELECT r.code, r.message, r.created_at AS createdAt, f.rating, f.body AS comment
         FROM csat_requests r LEFT JOIN feedback f ON f.id = r.feedback_id
        WHERE r.ticket_id = ?
        ORDER BY r.id DESC LIMIT 1`,
    )
    .get(ticketId);
  if (!row) return null;
  return { code: row.code, message: row.message, requestedAt: row.createdAt, score: row.rating, comment: row.comment };
}
