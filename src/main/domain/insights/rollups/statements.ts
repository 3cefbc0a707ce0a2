import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../../../db/connection';

const cache = new WeakMap<Sqlite, Map<string, Statement>>();

/** A prepared statement kept per connection: a refresh runs the same few dozen statements many times. */
export function statement(sqlite: Sqlite, text: string): Statement {
  let byText = cache.get(sqlite);
  if (!byText) {
    byText = new Map();
    cache.set(sqlite, byText);
  }
  let prepared = byText.get(text);
  if (!prepared) {
    prepared = sqlite.prepare(text);
    byText.set(text, prepared);
  }
  return prepared;
}
