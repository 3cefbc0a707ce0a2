import type { ServerResponse } from 'node:http';
import { WooHttpError } from './errors';
import { send } from './routes';
import type { WooServerState } from './state';

/**
 * A test-only control channel under /__control, for tests that run the server
 * as a child process (the CLI) and cannot reach its state object: take the
 * shop down and up, place or edit orders, and read what was pushed to it.
 * It answers even while the shop is "down", and is no part of WooCommerce.
 */
export function control(res: ServerResponse, path: string, method: string, body: unknown, state: WooServerState): void {
  const input = (body ?? {}) as { down?: unknown; add?: unknown; modify?: unknown };
  if (path === '/__control/down' && method === 'POST') {
    state.down = input.down === true;
    return send(res, 200, { down: state.down });
  }
  if (path === '/__control/orders' && method === 'POST') {
    const add = typeof input.add === 'number' && Number.isInteger(input.add) && input.add >= 0 ? input.add : 0;
    const modify = Array.isArray(input.modify) ? input.modify.filter((id): id is number => Number.isInteger(id)) : [];
    const added = Array.from({ length: add }, () => state.addOrder().id);
    for (const id of modify) state.modifyOrder(id, (order) => { order.customer_note = `Edited at ${new Date(state.clock()).toISOString()}`; });
    return send(res, 200, { added, modified: modify });
  }
  if (path === '/__control/summary' && method === 'GET') {
    return send(res, 200, {
      down: state.down, orders: state.orders.size, customers: state.customers.size, products: state.products.size,
      notes: [...state.notes.entries()].flatMap(([orderId, notes]) => notes.map((note) => ({ orderId, id: note.id, note: note.note }))).sort((a, b) => a.id - b.id),
      coupons: state.coupons.map((coupon) => coupon.code),
      refunds: [...state.refunds.entries()].flatMap(([orderId, refunds]) => refunds.map((refund) => ({ orderId, id: refund.id, amount: refund.amount }))),
    });
  }
  throw new WooHttpError(404, 'rest_no_route', 'No such control route.');
}
