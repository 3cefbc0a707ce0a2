import type { RemoteOrder, RemoteOrderLine, RemotePayment } from '../model';
import { minorUnitDigits, toMajor } from '../../../shared/money';
import { CellProblem } from './values';

/**
 * The part every format shares once its cells are read: line totals, the
 * subtotal when the file has none, the payment a "paid at" time stands for,
 * and the record's updatedAt. updatedAt is the latest time the file mentions,
 * so the same file always yields the same record (and re-applying it is a
 * no-op), while a later export of a changed order is newer and updates it.
 */
export interface LineDraft {
  title: string;
  sku: string | null;
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
  /** When the file states the line total; otherwise quantity × price − discount. */
  totalMinor: number | null;
}

export interface OrderDraft {
  externalId: string;
  orderNumber: string;
  channel: string;
  status: RemoteOrder['status'];
  financialStatus: RemoteOrder['financialStatus'];
  fulfillmentStatus: RemoteOrder['fulfillmentStatus'];
  currency: string;
  /** Before discounts; null when the file has none. */
  subtotalMinor: number | null;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  refundedMinor: number;
  paymentMethod: string | null;
  shippingCountry: string | null;
  shippingRegion: string | null;
  tags: string[];
  placedAt: string;
  paidAt: string | null;
  cancelledAt: string | null;
  /** Other times the file gives (fulfilled, modified): they count towards updatedAt. */
  otherTimes: (string | null)[];
  lines: LineDraft[];
}

const PAID: ReadonlySet<RemoteOrder['financialStatus']> = new Set(['paid', 'partially_refunded', 'refunded']);

export function assembleOrder(draft: OrderDraft): RemoteOrder {
  if (draft.totalMinor < 0) throw new CellProblem('the order total is negative');
  if (draft.refundedMinor < 0 || draft.refundedMinor > draft.totalMinor) {
    throw new CellProblem('the refunded amount must be between zero and the order total');
  }
  const lines: RemoteOrderLine[] = draft.lines.map((line, i) => {
    const totalMinor = line.totalMinor ?? line.quantity * line.unitPriceMinor - line.discountMinor;
    if (line.unitPriceMinor < 0 || totalMinor < 0) throw new CellProblem(`the line "${line.title}" has a negative price or total`);
    return {
      externalId: `${draft.externalId}#line-${i + 1}`,
      productExternalId: null,
      title: line.title,
      sku: line.sku,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      discountMinor: line.discountMinor,
      totalMinor,
    };
  });
  // Without a subtotal column the subtotal is what the total implies, so the order always adds up.
  const subtotalMinor = draft.subtotalMinor ?? draft.totalMinor - draft.shippingMinor - draft.taxMinor + draft.discountMinor;
  const taxesIncluded = addsUp(draft, subtotalMinor, false) ? false : addsUp(draft, subtotalMinor, true) ? true : null;
  if (taxesIncluded === null) {
    const show = (minor: number) => toMajor(minor, draft.currency).toFixed(minorUnitDigits(draft.currency));
    throw new CellProblem(`the amounts do not add up: subtotal ${show(subtotalMinor)} − discount ${show(draft.discountMinor)} + ` +
      `shipping ${show(draft.shippingMinor)} + tax ${show(draft.taxMinor)} is not the total ${show(draft.totalMinor)}`);
  }
  const payments: RemotePayment[] = draft.paidAt && PAID.has(draft.financialStatus)
    ? [{
      externalId: `${draft.externalId}#payment`,
      kind: 'sale',
      method: draft.paymentMethod ?? 'unknown',
      gateway: draft.paymentMethod ?? 'unknown',
      status: 'success',
      amountMinor: draft.totalMinor,
      currency: draft.currency,
      errorCode: null,
      processedAt: draft.paidAt,
    }]
    : [];
  const times = [draft.placedAt, draft.paidAt, draft.cancelledAt, ...draft.otherTimes].filter((t): t is string => t !== null);
  return {
    externalId: draft.externalId,
    orderNumber: draft.orderNumber,
    customerExternalId: null,
    customer: null,
    channel: draft.channel,
    status: draft.status,
    financialStatus: draft.financialStatus,
    fulfillmentStatus: draft.fulfillmentStatus,
    currency: draft.currency,
    subtotalMinor,
    discountMinor: draft.discountMinor,
    shippingMinor: draft.shippingMinor,
    taxMinor: draft.taxMinor,
    totalMinor: draft.totalMinor,
    refundedMinor: draft.refundedMinor,
    taxesIncluded,
    paymentMethod: draft.paymentMethod,
    shippingCountry: draft.shippingCountry,
    shippingRegion: draft.shippingRegion,
    tags: draft.tags,
    placedAt: draft.placedAt,
    cancelledAt: draft.cancelledAt,
    updatedAt: times.reduce((latest, t) => (t > latest ? t : latest)),
    lines,
    payments,
    refunds: [],
    shipments: [],
  };
}

/** Tax on top (US-style) or already in the prices (EU-style), to within a minor unit of rounding. */
function addsUp(draft: OrderDraft, subtotalMinor: number, taxesIncluded: boolean): boolean {
  const expected = subtotalMinor - draft.discountMinor + draft.shippingMinor + (taxesIncluded ? 0 : draft.taxMinor);
  return Math.abs(expected - draft.totalMinor) <= 1;
}

/** "Ada Lovelace" → Ada / Lovelace; one word is a first name. */
export function splitName(full: string): { firstName: string | null; lastName: string | null } {
  const parts = full.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { firstName: null, lastName: null };
  return { firstName: parts[0] ?? null, lastName: parts.length > 1 ? parts.slice(1).join(' ') : null };
}

export function emailOrNull(text: string): string | null {
  const email = text.trim();
  if (email === '') return null;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new CellProblem(`the email "${email}" is not an email address`);
  return email;
}

/** For `a || missing('…')`: an empty required cell. */
export function missing(message: string): never {
  throw new CellProblem(message);
}

export const orNull = (text: string): string | null => (text === '' ? null : text);
