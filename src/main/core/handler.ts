import type { Kysely } from 'kysely';
import type {
  OperationName,
  OutputOf,
  ParsedInputOf,
  PushEventName,
  PushEvents,
} from '../../shared/contract';
import type { Sqlite } from '../db/connection';
import type { Database } from '../db/schema';

/** What every handler gets besides its validated input. */
export interface HandlerContext {
  sqlite: Sqlite;
  db: Kysely<Database>;
  dbPath: string;
  /** The clock, injectable so tests can pin "today". */
  now(): Date;
  emit<E extends PushEventName>(event: E, payload: PushEvents[E]): void;
}

export type Handler<N extends OperationName> = (
  input: ParsedInputOf<N>,
  ctx: HandlerContext,
) => OutputOf<N> | Promise<OutputOf<N>>;

/** One handler per operation of the contract: a missing or extra one is a type error. */
export type Handlers = { [N in OperationName]: Handler<N> };
