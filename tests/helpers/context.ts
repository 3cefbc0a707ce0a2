import type { HandlerContext } from '../../src/main/core/handler';
import type { Connection } from '../../src/main/db/connection';

/** A handler context on a test database: a pinned clock, push events recorded in `events`. */
export function handlerContext(
  connection: Connection,
  now: Date | (() => Date),
  events: unknown[] = [],
): HandlerContext {
  return {
    sqlite: connection.sqlite,
    db: connection.db,
    dbPath: ':memory:',
    now: typeof now === 'function' ? now : () => now,
    emit: (event, payload) => events.push({ event, payload }),
  };
}
