import type { Connection } from '../../src/main/db/connection';
import { logisticsHandlers } from '../../src/main/domain/logistics/handlers';
import { contract } from '../../src/shared/contract';
import { handlerContext } from '../helpers/context';

type Ops = typeof logisticsHandlers;

/**
 * Calls a logistics operation as the transports do: the contract's schema
 * parses the input first (defaults filled, bad input refused), then the handler.
 * Straight to this area's handlers, so the tests do not load every other area.
 */
export function callLogistics<N extends keyof Ops>(
  connection: Connection, now: Date, name: N, input: unknown, events: unknown[] = [],
): ReturnType<Ops[N]> {
  const parsed = contract[name].input.parse(input);
  return (logisticsHandlers[name] as (i: unknown, c: unknown) => ReturnType<Ops[N]>)(parsed, handlerContext(connection, now, events));
}
