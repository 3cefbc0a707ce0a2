import type { ParsedInputOf } from '../../../shared/contract';
import type { TicketChannel, TicketPriority } from '../../../shared/contract/tickets';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';

/**
 * Where a new ticket comes from, resolved to what the ticket row needs. A
 * review, return or delayed shipment carries its own customer and order; a
 * source that already has its open ticket answers with that one instead of a
 * second ticket about the same thing.
 */
type Source = ParsedInputOf<'tickets.create'>['source'];

export interface ResolvedSource {
  channel: TicketChannel;
  subject: string;
  customerId: number | null;
  orderId: number | null;
  feedbackId: number | null;
  returnId: number | null;
  shipmentId: number | null;
  priority: TicketPriority;
  /** A tag that says where the ticket came from. */
  tag: string | null;
  /** The customer's own words, when the source has them (a review's text, a return note). */
  customerText: string | null;
  existingTicketId: number | null;
}

const BLANK = { feedbackId: null, returnId: null, shipmentId: null, customerText: null, existingTicketId: null, tag: null };

export function resolveSource(sqlite: Sqlite, source: Source): ResolvedSource {
  switch (source.kind) {
    case 'manual':
      return { ...BLANK, channel: source.channel, subject: source.subject, priority: 'normal',
        ...manualLinks(sqlite, source.customerId ?? null, source.orderId ?? null) };
    case 'feedback':
      return fromFeedback(sqlite, source.feedbackId);
    case 'return':
      return fromReturn(sqlite, source.returnId);
    case 'shipment': {
      const resolved = fromShipment(sqlite, source.shipmentId);
      return source.subject ? { ...resolved, subject: source.subject } : resolved;
    }
  }
}

function manualLinks(sqlite: Sqlite, customerId: number | null, orderId: number | null) {
  if (customerId !== null && !sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(customerId)) {
    throw new AppError('NOT_FOUND', `There is no customer with id ${customerId}.`);
  }
  if (orderId === null) return { customerId, orderId };
  const order = sqlite
    .prepare<[number], { customerId: number | null; orderNumber: string }>(
      'SELECT customer_id AS customerId, order_number AS orderNumber FROM orders WHERE id = ?',
    )
    .get(orderId);
  if (!order) throw new AppError('NOT_FOUND', `There is no order with id ${orderId}.`);
  if (customerId !== null && order.customerId !== null && order.customerId !== customerId) {
    throw new AppError('VALIDATION', `Order ${order.orderNumber} belongs to another customer; link the ticket to that customer or choose another order.`);
  }
  return { customerId: customerId ?? order.customerId, orderId };
}

const FEEDBACK_LABEL: Record<string, string> = {
  review: 'Review', survey: 'Survey answer', csat: 'Satisfaction answer', nps: 'NPS answer', message: 'Message',
};

function fromFeedback(sqlite: Sqlite, id: number): ResolvedSource {
  const row = sqlite
    .prepare<[number], { customerId: number | null; orderId: number | null; source: string; rating: number | null;
      title: string | null; body: string | null; ticketId: number | null }>(
      `SELECT customer_id AS customerId, order_id AS orderId, source, rating, title, body, ticket_id AS ticketId
         FROM feedback WHERE id = ?`,
    )
    .get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no feedback with id ${id}.`);
  const label = FEEDBACK_LABEL[row.source] ?? 'Feedback';
  const rated = row.rating === null ? '' : row.source === 'nps' ? ` (${row.rating}/10)` : ` (${row.rating}★)`;
  const about = row.title?.trim() || excerpt(row.body) || 'no text';
  // The lowest scores are the angriest customers: they jump the queue.
  const lowest = row.rating !== null && (row.source === 'nps' ? row.rating <= 2 : row.rating <= 1);
  return {
    ...BLANK,
    channel: row.source === 'message' ? 'marketplace' : 'review',
    subject: truncate(`${label}${rated}: ${about}`, 200),
    customerId: row.customerId,
    orderId: row.orderId,
    feedbackId: id,
    priority: lowest ? 'high' : 'normal',
    tag: 'feedback',
    customerText: row.body?.trim() || null,
    existingTicketId: row.ticketId,
  };
}

function fromReturn(sqlite: Sqlite, id: number): ResolvedSource {
  const row = sqlite
    .prepare<[number], { rma: string; orderId: number; customerId: number | null; reason: string; note: string | null;
      ticketId: number | null }>(
      `SELECT rma_number AS rma, order_id AS orderId, customer_id AS customerId, reason, note, ticket_id AS ticketId
         FROM returns WHERE id = ?`,
    )
    .get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no return with id ${id}.`);
  return {
    ...BLANK,
    channel: 'return',
    subject: truncate(`Return ${row.rma}: ${row.reason}`, 200),
    customerId: row.customerId,
    orderId: row.orderId,
    returnId: id,
    priority: 'normal',
    tag: 'returns',
    customerText: row.note?.trim() || null,
    existingTicketId: row.ticketId,
  };
}

function fromShipment(sqlite: Sqlite, id: number): ResolvedSource {
  const row = sqlite
    .prepare<[number], { orderId: number; orderNumber: string; customerId: number | null; carrier: string;
      trackingNumber: string | null }>(
      `SELECT s.order_id AS orderId, o.order_number AS orderNumber, o.customer_id AS customerId, s.carrier,
              s.tracking_number AS trackingNumber
         FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.id = ?`,
    )
    .get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no shipment with id ${id}.`);
  // One open ticket per delayed shipment: asking again finds the one being worked.
  const open = sqlite
    .prepare<[number], number>(
      `SELECT id FROM tickets WHERE shipment_id = ? AND status NOT IN ('solved','closed') AND merged_into_id IS NULL
        ORDER BY id LIMIT 1`,
    )
    .pluck()
    .get(id);
  const tracking = row.trackingNumber ? ` (${row.carrier} ${row.trackingNumber})` : ` (${row.carrier})`;
  return {
    ...BLANK,
    channel: 'manual',
    subject: truncate(`Delayed shipment for order ${row.orderNumber}${tracking}`, 200),
    customerId: row.customerId,
    orderId: row.orderId,
    shipmentId: id,
    priority: 'high',
    tag: 'shipping',
    existingTicketId: open ?? null,
  };
}

function excerpt(text: string | null): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
