import type { OrderDetail } from '../../../../../shared/contract';

/**
 * Units of each line still free to return: ordered less those in returns
 * that are open or resolved (a declined one, even once closed, gives its
 * units back). The core checks the same rule again when the request arrives.
 */
export function returnableByLine(order: OrderDetail): Map<number, number> {
  const taken = new Map<number, number>();
  for (const r of order.returns) {
    const declined = r.status === 'declined' || (r.status === 'closed' && r.resolution === null);
    if (declined) continue;
    for (const line of r.lines) taken.set(line.orderLineId, (taken.get(line.orderLineId) ?? 0) + line.quantity);
  }
  return new Map(order.lines.map((line) => [line.id, Math.max(0, line.quantity - (taken.get(line.id) ?? 0))]));
}
