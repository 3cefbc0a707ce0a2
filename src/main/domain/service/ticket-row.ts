import type { SlaState, TicketChannel, TicketPriority, TicketRow, TicketStatus } from '../../../shared/contract/tickets';
import { customerName } from '../orders/list';
import { slaStateOf } from './sla/clock';

/**
 * A ticket as lists and the detail show it. The columns below are read by
 * every ticket query so one mapping serves them all.
 */
export const TICKET_ROW_COLUMNS = `t.id, t.subject, t.channel, t.status, t.priority, t.tags,
  t.customer_id AS customerId, c.first_name AS firstName, c.last_name AS lastName, c.email,
  t.order_id AS orderId, o.order_number AS orderNumber,
  t.assignee_id AS assigneeId, a.name AS assigneeName,
  t.sla_due_at, t.sla_paused_at, t.first_reply_breached, t.resolution_breached,
  t.created_at AS createdAt, t.updated_at AS updatedAt, t.version`;

export const TICKET_ROW_JOINS = `LEFT JOIN customers c ON c.id = t.customer_id
  LEFT JOIN orders o ON o.id = t.order_id
  LEFT JOIN staff a ON a.id = t.assignee_id`;

/** Open means still to be worked: not solved, not closed, not merged away. */
export const OPEN_TICKET = `t.status NOT IN ('solved','closed') AND t.merged_into_id IS NULL`;

export interface TicketRowRecord {
  id: number;
  subject: string;
  channel: TicketChannel;
  status: TicketStatus;
  priority: TicketPriority;
  tags: string;
  customerId: number | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  orderId: number | null;
  orderNumber: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  sla_due_at: string | null;
  sla_paused_at: string | null;
  first_reply_breached: number | null;
  resolution_breached: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function parseTags(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === 'string') : [];
  } catch {
    return [];
  }
}

export function toTicketRow(record: TicketRowRecord, now: Date, warningMinutes: number): TicketRow {
  const slaState: SlaState = slaStateOf(record, now, warningMinutes);
  return {
    id: record.id,
    subject: record.subject,
    channel: record.channel,
    status: record.status,
    priority: record.priority,
    customer: record.customerId === null ? null
      : { id: record.customerId, name: customerName(record.firstName, record.lastName), email: record.email },
    order: record.orderId === null || record.orderNumber === null ? null
      : { id: record.orderId, orderNumber: record.orderNumber },
    assignee: record.assigneeId === null ? null : { id: record.assigneeId, name: record.assigneeName ?? '' },
    tags: parseTags(record.tags),
    slaDueAt: record.sla_due_at,
    slaState,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    version: record.version,
  };
}
