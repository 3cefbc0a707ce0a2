import type { OrderDetail, OrderExportChunk, OrderPage, ParsedInputOf } from '../../../shared/contract';
import type { HandlerContext } from '../../core/handler';
import { getOrder } from './detail';
import { exportOrders } from './export';
import { listOrders } from './list';
import { refundOrder } from './refund';
import { updateOrder } from './update';

export function ordersList(input: ParsedInputOf<'orders.list'>, ctx: HandlerContext): OrderPage {
  return listOrders(ctx.sqlite, input);
}

export function ordersGet(input: ParsedInputOf<'orders.get'>, ctx: HandlerContext): OrderDetail {
  return getOrder(ctx.sqlite, input.id);
}

export function ordersUpdate(input: ParsedInputOf<'orders.update'>, ctx: HandlerContext): OrderDetail {
  return updateOrder(input, ctx);
}

export function ordersRefund(input: ParsedInputOf<'orders.refund'>, ctx: HandlerContext): OrderDetail {
  return refundOrder(input, ctx);
}

export function ordersExport(input: ParsedInputOf<'orders.export'>, ctx: HandlerContext): OrderExportChunk {
  return exportOrders(ctx.sqlite, input);
}

export const orderHandlers = {
  'orders.list': ordersList,
  'orders.get': ordersGet,
  'orders.update': ordersUpdate,
  'orders.refund': ordersRefund,
  'orders.export': ordersExport,
};
