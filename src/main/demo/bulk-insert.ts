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
  /** Filled batch by batch; run together when all are full (see writeBatches). */
  private readonly batches: unknown[][];
  private batch = 0;
  private buffer: unknown[];
  private filled = 0;
  private readonly tuple: string;
  private readonly fullBatch: BetterSqlite3.Statement;
  private readonly partialBatches = new Map<number, BetterSqlite3.Statement>();
  /** The largest id in the table before this load; ids continue from it. */
  private readonly baseId: number;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    readonly table: string,
    private readonly columns: readonly ColumnSpec[],
    batchRows = 100,
    batchesPerWrite = Number(process.env.GROUPS ?? 1),
  ) {
    const bound = columns.filter((c) => typeof c === 'string' || !('constant' in c));
    this.width = bound.length;
    this.codes = bound.map((c) =>
      typeof c !== 'string' && 'oneOf' in c ? new Map(c.oneOf.map((v, i) => [v, i])) : null,
    );
    this.tuple = `(${columns.map(columnSql).join(',')})`;
    this.batches = Array.from({ length: batchesPerWrite }, () => new Array<unknown>(this.width * batchRows).fill(null));
    this.buffer = this.batches[0] as unknown[];
    this.fullBatch = this.prepare(batchRows);
    this.baseId = columns[0] === 'id'
      ? (sqlite.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck().get() as number)
      : 0;
  }

  /** The id the next added row must carry: rows go in id order, so the table grows at its end. */
  nextId(): number {
    return this.baseId + this.count + 1;
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
      this.filled = 0;
      if (++this.batch === this.batches.length) this.writeBatches(this.batch);
      this.buffer = this.batches[this.batch] as unknown[];
    }
  }

  /**
   * Runs the first `count` full batches back to back. Writing many batches of
   * one table together keeps its statement and b-tree pages in the CPU caches,
   * which interleaving with the other tables' inserts row by row does not.
   */
  private writeBatches(count: number): void {
    const t0 = process.cpuUsage();
    if (!process.env.STUB) for (let i = 0; i < count; i++) this.fullBatch.run(this.batches[i] as unknown[]);
    const u = process.cpuUsage(t0); const g = globalThis as any; g.__t ??= {}; g.__t[this.table] = (g.__t[this.table] ?? 0) + (u.user + u.system) / 1000;
    this.batch = 0;
  }

  /** Writes what is buffered, in power-of-two batches so few statements are prepared. */
  flush(): void {
    const current = this.buffer;
    this.writeBatches(this.batch);
    this.buffer = current;
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
      statement.run(current.slice(offset, offset + size * this.width));
      offset += size * this.width;
      rows -= size;
    }
    this.filled = 0;
    this.buffer = this.batches[0] as unknown[];
  }

  private prepare(rows: number): BetterSqlite3.Statement {
    const names = this.columns.map((c) => (typeof c === 'string' ? c : c.name));
    return this.sqlite.prepare(
      `INSERT INTO ${this.table} (${names.join(',')}) VALUES ${Array(rows).fill(this.tuple).join(',')}`,
    );
  }
}
