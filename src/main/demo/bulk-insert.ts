import type BetterSqlite3 from 'better-sqlite3';

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
  private readonly width: number;
  private readonly buffer: unknown[];
  private filled = 0;
  private readonly fullBatch: BetterSqlite3.Statement;
  private readonly partialBatches = new Map<number, BetterSqlite3.Statement>();

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    readonly table: string,
    private readonly columns: readonly string[],
    private readonly batchRows = 100,
  ) {
    this.width = columns.length;
    this.buffer = new Array<unknown>(this.width * batchRows).fill(null);
    this.fullBatch = this.prepare(batchRows);
  }

  /** Values in the order of `columns`. */
  add(...values: unknown[]): void {
    if (values.length !== this.width) {
      throw new Error(`${this.table}: expected ${this.width} values, got ${values.length}`);
    }
    const buffer = this.buffer;
    let at = this.filled;
    for (let i = 0; i < values.length; i++) buffer[at++] = values[i];
    this.filled = at;
    this.count++;
    if (at === buffer.length) {
      this.fullBatch.run(buffer);
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
      statement.run(this.buffer.slice(offset, offset + size * this.width));
      offset += size * this.width;
      rows -= size;
    }
    this.filled = 0;
  }

  private prepare(rows: number): BetterSqlite3.Statement {
    const tuple = `(${this.columns.map(() => '?').join(',')})`;
    return this.sqlite.prepare(
      `INSERT INTO ${this.table} (${this.columns.join(',')}) VALUES ${Array(rows).fill(tuple).join(',')}`,
    );
  }
}
