import type { Handler, HandlerContext } from '../../core/handler';
import type { OperationName, ParsedInputOf } from '../../../shared/contract';
import type { ShipmentDetail } from '../../../shared/contract/logistics';
import { createShipment } from './create';
import { loadShipmentDetail } from './detail';
import { disputeShipment } from './dispute';
import { exceptionsQueue } from './exceptions';
import { logisticsKpis } from './kpis';
import { listShipments } from './list';

/** Shipments, the exceptions queue and the logistics KPIs: each a thin call into this folder. */

function dispute(input: ParsedInputOf<'shipments.dispute'>, ctx: HandlerContext): ShipmentDetail {
  const detail = disputeShipment(ctx.sqlite, input, ctx.now());
  ctx.emit('data.changed', { areas: ['logistics'] });
  return detail;
}

export const logisticsHandlers = {
  'shipments.list': (input, ctx) => listShipments(ctx.sqlite, input),
  'shipments.get': (input, ctx) => loadShipmentDetail(ctx.sqlite, input.id),
  'shipments.dispute': dispute,
  'shipments.create': createShipment,
  'logistics.exceptions': (input, ctx) => exceptionsQueue(ctx.sqlite, input, ctx.now()),
  'logistics.kpis': (input, ctx) => logisticsKpis(ctx.sqlite, input, ctx.now()),
} satisfies { [N in Extract<OperationName, `shipments.${string}` | `logistics.${string}`>]: Handler<N> };
