import type BetterSqlite3 from 'better-sqlite3';

/**
 * How one column gets its value:
 * - a plain name: the value is bound as given;
 * - `constant`: an SQL literal in the statement, nothing bound (store id, currency);
 * - `oneOf`: the caller passes one of these strings (or null); its index is bound
 *   and a CASE expression turns it back into the string inside SQLite;
 * - `integerText`: the caller passes an integer, stored as its decimal text after
 *   an optional prefix (external ids, order numbers).
 *
 * Why: binding a JS string costs an UTF-8 conversion and two copies, several
 * times the cost of binding a number, and a large store binds hundreds of millions
 * of values. Repeated strings from a short list (statuses, countries) are cheaper as codes.
 */
export type ColumnSpec =
  | string
  | { name: string; constant: string | number }
  | { name: string; oneOf: readonly string[] }
  | { name: string; integerText: true; prefix?: string };

const literal = (value: string | number): string =>
  typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`;

function columnSql(spec: ColumnSpec): string {
  if (typeof spec === 'string') return '?';
  if ('constant' in spec) return literal(spec.constant);
  // Numbers arrive as doubles; the inner CAST keeps '5000000001' from becoming '5000000001.0'.
  if ('integerText' in spec) {
    return `${spec.prefix ? `${literal(spec.prefix)} || ` : ''}CAST(CAST(? AS INTEGER) AS TEXT)`;
  }
  return `CASE ? ${spec.oneOf.map((v, i) => `WHEN ${i} THEN ${literal(v)}`).join(' ')} END`;
}

/**
 * Appends rows to one table through prepared multi-row INSERTs
 * (`VALUES (...),(...),...`), which costs far fewer native calls and statement
 * resets than one `run` per row. Rows are buffered in one flat array that is
 * reused, so a full batch is bound without copying.
 *
 * Rows reach the database in batches, so a child row may be written before its
 * parent: the generator runs with foreign-key checks off and verifies them after.
 */
export class BulkInserter {
  /** Rows added so far (written or buffered). */
  count = 0;
  /** Values per row passed to `add` (constant columns take none). */
  private readonly width: number;
  /** Per bound value: the string → code map of a `oneOf` column, else null. */
  private readonly codes: (Map<string, number> | null)[];
  private readonly buffer: unknown[];
  private filled = 0;
  private readonly tuple: string;
  private readonly fullBatch: BetterSqlite3.Statement;
  private readonly partialBatches = new Map<number, BetterSqlite3.Statement>();

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    readonly table: string,
    private readonly columns: readonly ColumnSpec[],
    batchRows = 100,
  ) {
    const bound = columns.filter((c) => typeof c === 'string' || !('constant' in c));
    this.width = bound.length;
    this.codes = bound.map((c) =>
      typeof c !== 'string' && 'oneOf' in c ? new Map(c.oneOf.map((v, i) => [v, i])) : null,
    );
    this.tuple = `(${columns.map(columnSql).join(',')})`;
    this.buffer = new Array<unknown>(this.width * batchRows).fill(null);
    this.fullBatch = this.prepare(batchRows);
  }

  /** The columns as named in the table, in order. */
  get columnNames(): string[] {
    return this.columns.map((c) => (typeof c === 'string' ? c : c.name));
  }

  /** One value per non-constant column, in column order. */
  add(...values: unknown[]): void {
    if (values.length !== this.width) {
      throw new Error(`${this.table}: expected ${this.width} values, got ${values.length}`);
    }
    const { buffer, codes } = this;
    let at = this.filled;
    for (let i = 0; i < values.length; i++) {
      const map = codes[i];
      const value = values[i];
      if (map && value !== null) {
        const code = map.get(value as string);
        if (code === undefined) throw new Error(`${this.table}: "${String(value)}" is not a known value of column ${i}`);
        buffer[at++] = code;
      } else {
        buffer[at++] = value;
      }
    }
    this.filled = at;
    this.count++;
    if (at === buffer.length) {
      // Spread, not the array: better-sqlite3 reads call arguments much faster than array elements.
      this.fullBatch.run(...buffer);
      this.filled = 0;
    }
  }

  /** Writes what is buffered, in power-of-two batches so few statements are prepared. */
  flush(): void {
    let offset = 0;
    let rows = this.filled / this.width;
    while (rows > 0) {
      let size = 1;
      while (size * 2 <= rows) size *= 2;
      let statement = this.partialBatches.get(size);
      if (!statement) {
        statement = this.prepare(size);
        this.partialBatches.set(size, statement);
      }
      statement.run(...this.buffer.slice(offset, offset + size * this.width));
      offset += size * this.width;
      rows -= size;
    }
    this.filled = 0;
  }

  private prepare(rows: number): BetterSqlite3.Statement {
    return this.sqlite.prepare(
      `INSERT INTO ${this.table} (${this.columnNames.join(',')}) VALUES ${Array(rows).fill(this.tuple).join(',')}`,
    );
  }
}
