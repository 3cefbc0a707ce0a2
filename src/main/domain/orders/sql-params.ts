/**
 * Named parameters for a statement built piece by piece. better-sqlite3
 * rejects parameters a statement does not name, so each piece adds only the
 * ones it uses, under names that cannot collide.
 */
export class SqlParams {
  readonly values: Record<string, string | number> = {};
  private next = 0;

  /** Adds a value and returns its placeholder, e.g. `@status3`. */
  add(prefix: string, value: string | number): string {
    const name = `${prefix}${this.next++}`;
    this.values[name] = value;
    return `@${name}`;
  }

  /** `column IN (@a0, @a1, …)` for a non-empty list. */
  in(column: string, prefix: string, values: readonly (string | number)[]): string {
    return `${column} IN (${values.map((v) => this.add(prefix, v)).join(', ')})`;
  }
}
