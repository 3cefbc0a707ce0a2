import { AppError } from '../../src/shared/errors';
import type * as Orders from '../../src/main/domain/loyalty/orders';
import type * as EarnMany from '../../src/main/domain/loyalty/earn-many';

/**
 * Stand-ins for the loyalty area refusing one order (its own rules, e.g. a key
 * reused for another posting), for vi.mock factories: a rule no well-formed
 * record breaks today, so the sync's refusal path (the page applied again
 * record by record) is exercised at all. The order whose external id is
 * "refused" is refused, one by one and in a page's batched earnings alike.
 */
const refusal = () => new AppError('CONFLICT', 'This idempotency key was already used for a different posting.');

export function refusingOrders(original: typeof Orders): typeof Orders {
  return {
    ...original,
    earnForOrder: (...args: Parameters<typeof original.earnForOrder>) => {
      const [ctx, orderId] = args;
      const { ext } = ctx.sqlite.prepare('SELECT external_id AS ext FROM orders WHERE id = ?').get(orderId) as { ext: string };
      if (ext === 'refused') throw refusal();
      return original.earnForOrder(...args);
    },
  };
}

export function refusingEarnMany(original: typeof EarnMany): typeof EarnMany {
  const refuses = (sqlite: Parameters<typeof original.earnForOrders>[0]['sqlite'], orderIds: readonly number[]) =>
    sqlite.prepare("SELECT 1 FROM orders WHERE external_id = 'refused' AND id IN (SELECT value FROM json_each(?))")
      .get(JSON.stringify(orderIds)) !== undefined;
  return {
    ...original,
    earnForOrders: (...args: Parameters<typeof original.earnForOrders>) => {
      if (refuses(args[0].sqlite, args[1])) throw refusal();
      return original.earnForOrders(...args);
    },
    earnForOrderFacts: (...args: Parameters<typeof original.earnForOrderFacts>) => {
      if (refuses(args[0].sqlite, args[1].map((order) => order.id))) throw refusal();
      return original.earnForOrderFacts(...args);
    },
  };
}
