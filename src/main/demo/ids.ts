import type BetterSqlite3 from 'better-sqlite3';

/**
 * Row ids derived from the order's index in the store, so any thread can write
 * any order's rows without knowing how many rows the orders before it made.
 * Each order owns a fixed block of ids per table (its "slots"); unused slots
 * leave gaps, like the ids of any real database with deletions. Ids still grow
 * with the order, so every table is appended to in id order.
 */
export const SLOTS = {
  /** Lines per order (the generator makes at most 5). */
  lines: 5,
  /** Payments per order: the sale, and a refund. */
  payments: 2,
  /** Carrier scans per shipment. */
  scans: 6,
  /** Tickets per order, one per TicketTopic. */
  tickets: 8,
  /** Messages per ticket. */
  messages: 5,
  /** Feedback per order: a review, an NPS answer, and one CSAT answer per ticket slot. */
  feedback: 10,
} as const;

export const ID_TABLES = [
  'orders', 'order_lines', 'payments', 'refunds', 'shipments', 'tracking_events', 'tickets',
  'ticket_messages', 'feedback', 'returns', 'return_lines',
] as const;

export type IdBases = Record<(typeof ID_TABLES)[number], number>;

/** The largest id of each table before this load: new ids start above it. */
export function readIdBases(sqlite: BetterSqlite3.Database): IdBases {
  const bases = {} as IdBases;
  for (const table of ID_TABLES) {
    bases[table] = sqlite.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck().get() as number;
  }
  return bases;
}

/** Ids of order `i` (0-based within this store) and of the rows it owns. */
export class OrderIds {
  constructor(
    private readonly bases: IdBases,
    readonly index: number,
  ) {}

  get order(): number {
    return this.bases.orders + this.index + 1;
  }
  line(slot: number): number {
    return this.bases.order_lines + this.index * SLOTS.lines + slot + 1;
  }
  payment(slot: 0 | 1): number {
    return this.bases.payments + this.index * SLOTS.payments + slot + 1;
  }
  get refund(): number {
    return this.bases.refunds + this.index + 1;
  }
  get shipment(): number {
    return this.bases.shipments + this.index + 1;
  }
  scan(slot: number): number {
    return this.bases.tracking_events + this.index * SLOTS.scans + slot + 1;
  }
  ticket(slot: number): number {
    return this.bases.tickets + this.index * SLOTS.tickets + slot + 1;
  }
  message(ticketSlot: number, slot: number): number {
    return this.bases.ticket_messages + (this.index * SLOTS.tickets + ticketSlot) * SLOTS.messages + slot + 1;
  }
  feedback(slot: number): number {
    return this.bases.feedback + this.index * SLOTS.feedback + slot + 1;
  }
  get return(): number {
    return this.bases.returns + this.index + 1;
  }
  returnLine(lineSlot: number): number {
    return this.bases.return_lines + this.index * SLOTS.lines + lineSlot + 1;
  }
}
