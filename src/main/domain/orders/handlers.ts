import type { OrderDetail, OrderExportChunk, OrderFacets, OrderPage, OrderWriteResult, ParsedInputOf } from '../../../shared/contract';
import type { HandlerContext } from '../../core/handler';
import { countMatchingOrders } from './count';
import { getOrder } from './detail';
import { exportOrders } from './export';
import { orderFacets } from './facets';
import { listOrders } from './list';
import { choosePagePlan } from './page-plan';
import { refundOrder } from './refund';
import { updateOrder } from './update';

/** The first page (no cursor) also says how many orders match, for the header; later pages do not count again. */
export function ordersList(input: ParsedInputOf<'orders.list'>, ctx: HandlerContext): OrderPage {
  const plan = choosePagePlan(ctx.sqlite, input);
  const page = listOrders(ctx.sqlite, input, plan);
  if (input.cursor !== undefined) return page;
  const total = countMatchingOrders(ctx.sqlite, input.filter ?? {}, plan);
  return { ...page, totalEstimate: total.count, totalExact: total.exact };
}

export function ordersGet(input: ParsedInputOf<'orders.get'>, ctx: HandlerContext): OrderDetail {
  return getOrder(ctx.sqlite, input.id);
}

export function ordersUpdate(input: ParsedInputOf<'orders.update'>, ctx: HandlerContext): OrderWriteResult {
  return updateOrder(input, ctx);
}

export function ordersRefund(input: ParsedInputOf<'orders.refund'>, ctx: HandlerContext): OrderWriteResult {
  return refundOrder(input, ctx);
}

export function ordersExport(input: ParsedInputOf<'orders.export'>, ctx: HandlerContext): OrderExportChunk {
  return exportOrders(ctx.sqlite, input);
}

export function ordersFacets(input: ParsedInputOf<'orders.facets'>, ctx: HandlerContext): OrderFacets {
  return orderFacets(ctx.sqlite, input.storeId);
}

export const orderHandlers = {
  'orders.list': ordersList,
  'orders.get': ordersGet,
  'orders.update': ordersUpdate,
  'orders.refund': ordersRefund,
  'orders.export': ordersExport,
  'orders.facets': ordersFacets,
};
