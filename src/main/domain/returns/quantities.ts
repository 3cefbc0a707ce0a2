import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';

/**
 * What of an order can still come back: each line's ordered quantity minus
 * the units already in returns that are open or resolved. A declined request
 * (declined, or closed without a resolution, which only a declined one can
 * be) gives its units back.
 */
export interface ReturnableLine {
  id: number;
  productId: number | null;
  category: string | null;
  title: string;
  quantity: number;
  totalMinor: number;
  alreadyReturned: number;
}

/** The SQL condition, on `r`, for returns whose units count as returned. */
export const COUNTS_AS_RETURNED = `r.status <> 'declined' AND NOT (r.status = 'closed' AND r.resolution IS NULL)`;

export function returnableLines(sqlite: Sqlite, orderId: number): ReturnableLine[] {
  return sqlite.prepare<[number], ReturnableLine>(
    `SELECT ol.id, ol.product_id AS productId, p.category, ol.title, ol.quantity, ol.total_minor AS totalMinor,
       coalesce((SELECT sum(rl.quantity) FROM return_lines rl JOIN returns r ON r.id = rl.return_id
                  WHERE rl.order_line_id = ol.id AND ${COUNTS_AS_RETURNED}), 0) AS alreadyReturned
       FROM order_lines ol LEFT JOIN products p ON p.id = ol.product_id
      WHERE ol.order_id = ? ORDER BY ol.id`,
  ).all(orderId);
}

export interface RequestedLine { orderLineId: number; quantity: number; reason?: string | undefined }

/** Checks every requested line against the order; answers the lines it refers to, in request order. */
export function checkRequestedLines(lines: readonly ReturnableLine[], requested: readonly RequestedLine[],
  orderNumber: string): ReturnableLine[] {
  const byId = new Map(lines.map((line) => [line.id, line]));
  const seen = new Set<number>();
  return requested.map((request) => {
    const line = byId.get(request.orderLineId);
    if (!line) {
      throw new AppError('VALIDATION', `Item ${request.orderLineId} is not part of order ${orderNumber}; choose items from that order.`);
    }
    if (seen.has(line.id)) {
      throw new AppError('VALIDATION', `"${line.title}" is listed twice; give its quantity once.`);
    }
    seen.add(line.id);
    const left = line.quantity - line.alreadyReturned;
    if (request.quantity > left) {
      throw new AppError('VALIDATION', left === 0
        ? `Every unit of "${line.title}" on order ${orderNumber} is already in a return.`
        : `Only ${left} of "${line.title}" on order ${orderNumber} can still be returned (${line.quantity} ordered, ` +
          `${line.alreadyReturned} already in a return), not ${request.quantity}.`,
      { orderLineId: line.id, returnable: left });
    }
    return line;
  });
}

/** A share of a line's total (after its discount) for some of its units, rounded to the minor unit. */
export function lineValueMinor(line: Pick<ReturnableLine, 'quantity' | 'totalMinor'>, quantity: number): number {
  return Math.round((line.totalMinor * quantity) / line.quantity);
}
