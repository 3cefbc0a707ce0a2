import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';

/**
 * The customer, order and product a feedback item points at, checked to
 * exist and to agree: an order's customer becomes the item's customer when
 * none is given, and an order of another customer is refused.
 */
export interface FeedbackLinks {
  customerId: number | null;
  orderId: number | null;
  productId: number | null;
}

export function checkLinks(sqlite: Sqlite, links: FeedbackLinks): FeedbackLinks {
  const { customerId, orderId, productId } = links;
  if (customerId !== null && !sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(customerId)) {
    throw new AppError('NOT_FOUND', `There is no customer with id ${customerId}.`);
  }
  if (productId !== null && !sqlite.prepare('SELECT 1 FROM products WHERE id = ?').get(productId)) {
    throw new AppError('NOT_FOUND', `There is no product with id ${productId}.`);
  }
  if (orderId === null) return links;
  const order = sqlite
    .prepare<[number], { customerId: number | null; orderNumber: string }>(
      'SELECT customer_id AS customerId, order_number AS orderNumber FROM orders WHERE id = ?')
    .get(orderId);
  if (!order) throw new AppError('NOT_FOUND', `There is no order with id ${orderId}.`);
  const problem = orderCustomerProblem(order, customerId);
  if (problem) throw new AppError('VALIDATION', `${problem}.`);
  return { customerId: customerId ?? order.customerId, orderId, productId };
}

export function orderCustomerProblem(order: { customerId: number | null; orderNumber: string },
  customerId: number | null): string | null {
  if (customerId !== null && order.customerId !== null && order.customerId !== customerId) {
    return `Order ${order.orderNumber} belongs to another customer`;
  }
  return null;
}
