import type { MACRO_VARIABLES } from '../../../../shared/contract/macros';
import { formatMoney } from '../../../../shared/money';
import type { Sqlite } from '../../../db/connection';
import { balance } from '../../loyalty/ledger';
import { readLoyaltySettings } from '../../loyalty/settings';
import { trackingLink } from './tracking-links';

/**
 * The values of a ticket's macro variables. Each group (customer, order,
 * points, tier) is read only when the text uses one of its variables.
 * A variable with no value for this ticket answers null.
 */
export type MacroVariable = (typeof MACRO_VARIABLES)[number];

interface TicketFacts {
  id: number;
  customerId: number | null;
  orderId: number | null;
  assigneeName: string | null;
}

export interface VariableContext {
  sqlite: Sqlite;
  ticket: TicketFacts;
  /** Who is replying; {{staff.name}} falls back to the assignee. */
  staffName: string | null;
  locale: string;
  now: Date;
}

type Values = Partial<Record<MacroVariable, string | null>>;

function customerValues(ctx: VariableContext): Values {
  const c = ctx.ticket.customerId === null ? undefined : ctx.sqlite
    .prepare<[number], { first: string | null; last: string | null; email: string | null }>(
      'SELECT first_name AS first, last_name AS last, email FROM customers WHERE id = ?',
    )
    .get(ctx.ticket.customerId);
  const name = [c?.first, c?.last].filter(Boolean).join(' ');
  return {
    'customer.first_name': c?.first || null, 'customer.last_name': c?.last || null,
    'customer.name': name || null, 'customer.email': c?.email || null,
  };
}

function orderValues(ctx: VariableContext): Values {
  if (ctx.ticket.orderId === null) return {};
  const order = ctx.sqlite
    .prepare<[number], { number: string; total: number; currency: string }>(
      'SELECT order_number AS number, total_minor AS total, currency FROM orders WHERE id = ?',
    )
    .get(ctx.ticket.orderId);
  // The latest shipment is the one the customer is waiting for.
  const shipment = ctx.sqlite
    .prepare<[number], { carrier: string; trackingNumber: string | null; trackingUrl: string | null }>(
      `SELECT carrier, tracking_number AS trackingNumber, tracking_url AS trackingUrl FROM shipments
        WHERE order_id = ? ORDER BY coalesce(shipped_at, created_at) DESC, id DESC LIMIT 1`,
    )
    .get(ctx.ticket.orderId);
  return {
    'order.number': order?.number ?? null,
    'order.total': order ? formatMoney(order.total, order.currency, ctx.locale) : null,
    'order.carrier': shipment?.carrier ?? null,
    'order.tracking_number': shipment?.trackingNumber ?? null,
    'order.tracking_url': shipment ? trackingLink(shipment.carrier, shipment.trackingNumber, shipment.trackingUrl) : null,
  };
}

function pointsValues(ctx: VariableContext): Values {
  if (ctx.ticket.customerId === null) return {};
  const figures = balance({ sqlite: ctx.sqlite, now: () => ctx.now }, ctx.ticket.customerId, ctx.now);
  return { 'points.balance': new Intl.NumberFormat(ctx.locale).format(figures.approved) };
}

/** The tier the customer holds, read without re-evaluating it (rendering a reply never writes). */
function tierValues(ctx: VariableContext): Values {
  if (ctx.ticket.customerId === null) return {};
  const held = ctx.sqlite
    .prepare<[number], string>('SELECT tier_id FROM customer_tiers WHERE customer_id = ?')
    .pluck()
    .get(ctx.ticket.customerId);
  const tier = held === undefined ? undefined : readLoyaltySettings(ctx.sqlite).tiers.find((t) => t.id === held);
  return { 'tier.name': tier?.name ?? null };
}

const GROUPS: { prefix: string; load: (ctx: VariableContext) => Values }[] = [
  { prefix: 'customer.', load: customerValues },
  { prefix: 'order.', load: orderValues },
  { prefix: 'points.', load: pointsValues },
  { prefix: 'tier.', load: tierValues },
  { prefix: 'ticket.', load: (ctx) => ({ 'ticket.id': String(ctx.ticket.id) }) },
  { prefix: 'staff.', load: (ctx) => ({ 'staff.name': ctx.staffName ?? ctx.ticket.assigneeName }) },
];

export function variableValues(ctx: VariableContext, used: readonly MacroVariable[]): Values {
  const values: Values = {};
  for (const group of GROUPS) {
    if (used.some((name) => name.startsWith(group.prefix))) Object.assign(values, group.load(ctx));
  }
  return values;
}
