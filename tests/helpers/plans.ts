import type { Sqlite } from '../../src/main/db/connection';

/**
 * The query plan of every statement `run` prepares, one line per statement
 * ("SEARCH orders USING COVERING INDEX … | …"). Hot queries assert on these:
 * an index walk, never a bare SCAN of a big table.
 */
export function capturePlans(
  sqlite: Sqlite,
  run: (spied: Sqlite) => unknown,
  options: { selectsOnly?: boolean } = {},
): string[] {
  const statements: string[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  const spy = ((sql: string) => {
    statements.push(sql);
    return prepare(sql);
  }) as Sqlite['prepare'];
  // A fresh handle object also means a fresh statement cache, so every statement is seen.
  run(Object.assign(Object.create(sqlite) as Sqlite, { prepare: spy }));
  return statements
    .filter((sql) => !options.selectsOnly || /^\s*SELECT/i.test(sql))
    .map((sql) => explain(sql, prepare));
}

function explain(sql: string, prepare: Sqlite['prepare']): string {
  // Any value will do for a plan; named parameters get strings, positional ones numbers.
  const named: Record<string, string | number> = {};
  for (const name of sql.match(/@\w+/g) ?? []) named[name.slice(1)] = name === '@storeId' ? 1 : 'x';
  const positional = (sql.match(/\?/g) ?? []).map(() => 1);
  const rows = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(positional.length > 0 ? positional : named) as {
    detail: string;
  }[];
  return rows.map((row) => row.detail).join(' | ');
}
