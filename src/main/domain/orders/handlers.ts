import type { OrderDetail, OrderPage, ParsedInputOf } from '../../../shared/contract';
import type { HandlerContext } from '../../core/handler';
import { getOrder } from './detail';
import { listOrders } from './list';

export function ordersList(input: ParsedInputOf<'orders.list'>, ctx: HandlerContext): OrderPage {
  return listOrders(ctx.sqlite, input);
}

export function ordersGet(input: ParsedInputOf<'orders.get'>, ctx: HandlerContext): OrderDetail {
  return getOrder(ctx.sqlite, input.id);
}

export const orderHandlers = {
  'orders.list': ordersList,
  'orders.get': ordersGet,
};
