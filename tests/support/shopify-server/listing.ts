import type { Field } from './graphql';
import type { Json, ShopData, ShopRecord } from './shop';

/**
 * Listing, filtering and shaping: Shopify's search syntax for updated_at,
 * keyset cursors on (sort key, id) so a page boundary never repeats or skips a
 * record, and projection of a record onto the selection the client asked for.
 */
const CONNECTIONS = new Set(['lineItems', 'variants', 'orders', 'customers', 'products', 'fulfillmentOrders']);

const numericId = (gid: string): number => Number(gid.slice(gid.lastIndexOf('/') + 1));

/** `updated_at:>='2026-01-01T00:00:00Z'`, `updated_at:>2026-01-01`, and the same for created_at. */
export function matchesQuery(record: ShopRecord, query: unknown): boolean {
  if (typeof query !== 'string' || query.trim() === '') return true;
  for (const term of query.matchAll(/(updated_at|created_at):(>=|<=|>|<)?['"]?([^'"\s]+)['"]?/g)) {
    const field = term[1] === 'updated_at' ? record.updatedAt : String(record.createdAt);
    const bound = Date.parse(term[3]!);
    if (Number.isNaN(bound)) throw new Error(`Invalid date in query: ${term[3]}`);
    const at = Date.parse(field);
    const op = term[2] ?? '=';
    if ((op === '>=' && !(at >= bound)) || (op === '>' && !(at > bound)) || (op === '<=' && !(at <= bound))
      || (op === '<' && !(at < bound)) || (op === '=' && at !== bound)) return false;
  }
  return true;
}

function sortKeyOf(record: ShopRecord, sortKey: unknown): [number, number] {
  const id = numericId(record.id);
  return [sortKey === 'UPDATED_AT' ? Date.parse(record.updatedAt) : sortKey === 'CREATED_AT' ? Date.parse(String(record.createdAt)) : id, id];
}

const compare = (a: [number, number], b: [number, number]): number => a[0] - b[0] || a[1] - b[1];

export const encodeCursor = (key: [number, number]): string => Buffer.from(JSON.stringify(key)).toString('base64');

function decodeCursor(cursor: string): [number, number] {
  const key = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as unknown;
  if (!Array.isArray(key) || key.length !== 2) throw new Error('Invalid cursor.');
  return key as [number, number];
}

/** All records matching the query, in sort order (the sort is re-read on every page, as a live shop's is). */
export function sortedMatches(records: readonly ShopRecord[], args: Json): { record: ShopRecord; key: [number, number] }[] {
  const rows = records.filter((r) => matchesQuery(r, args.query)).map((record) => ({ record, key: sortKeyOf(record, args.sortKey) }));
  rows.sort((a, b) => compare(a.key, b.key));
  if (args.reverse === true) rows.reverse();
  return rows;
}

export function connectionPage(records: readonly ShopRecord[], args: Json, field: Field, data: ShopData): Json {
  const rows = sortedMatches(records, args);
  let start = 0;
  if (typeof args.after === 'string') {
    const after = decodeCursor(args.after);
    const sign = args.reverse === true ? -1 : 1;
    start = rows.findIndex((r) => sign * compare(r.key, after) > 0);
    if (start < 0) start = rows.length;
  }
  const first = Math.min(typeof args.first === 'number' ? args.first : 50, 250);
  const slice = rows.slice(start, start + first);
  const hasNextPage = start + first < rows.length;
  const raw = {
    edges: slice.map((r) => ({ cursor: encodeCursor(r.key), node: r.record })),
    nodes: slice.map((r) => r.record),
    pageInfo: { hasNextPage, hasPreviousPage: start > 0, startCursor: slice[0] ? encodeCursor(slice[0].key) : null,
      endCursor: slice.length ? encodeCursor(slice[slice.length - 1]!.key) : null },
  };
  return project(raw, field.selection, data) as Json;
}

/** Shapes a raw record as the selection asks: only the fields requested, connections wrapped. */
export function project(value: unknown, selection: readonly Field[], data: ShopData): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((item) => project(item, selection, data));
  if (typeof value !== 'object' || selection.length === 0) return value;
  const source = value as Json;
  const out: Json = {};
  for (const field of selection) {
    let raw = source[field.name];
    if (field.name === '__typename') raw = typeNameOf(source);
    if (field.name === 'customer' && raw && typeof raw === 'object') {
      raw = data.customers.find((c) => c.id === (raw as Json).id) ?? null;
    }
    if (CONNECTIONS.has(field.name) && Array.isArray(raw)) {
      out[field.name] = nestedConnection(raw as Json[], field, data);
    } else if (Array.isArray(raw) && typeof field.args.first === 'number') {
      out[field.name] = project(raw.slice(0, field.args.first), field.selection, data);
    } else {
      out[field.name] = raw === undefined ? null : project(raw, field.selection, data);
    }
  }
  return out;
}

function nestedConnection(items: Json[], field: Field, data: ShopData): unknown {
  const first = typeof field.args.first === 'number' ? field.args.first : items.length;
  const slice = items.slice(0, first);
  return project({
    edges: slice.map((node, i) => ({ cursor: encodeCursor([i, i]), node })),
    nodes: slice,
    pageInfo: { hasNextPage: items.length > first, hasPreviousPage: false, startCursor: null, endCursor: slice.length ? encodeCursor([first - 1, first - 1]) : null },
  }, field.selection, data);
}

function typeNameOf(record: Json): string | null {
  const id = typeof record.id === 'string' ? record.id : '';
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\//.exec(id);
  return match ? match[1]! : null;
}

/**
 * A bulk export: every matching root record, projected without `first` limits,
 * with each nested connection's items moved to their own lines carrying
 * `__parentId`, as Shopify writes its JSONL.
 */
export function bulkLines(records: readonly ShopRecord[], root: Field, data: ShopData): { lines: string[]; roots: number } {
  const node = root.selection.find((f) => f.name === 'edges')?.selection.find((f) => f.name === 'node')
    ?? root.selection.find((f) => f.name === 'nodes');
  if (!node) throw new Error('A bulk query must select edges { node { … } } on its root connection.');
  const lines: string[] = [];
  const rows = sortedMatches(records, root.args);
  const emit = (value: Json, selection: readonly Field[], parentId: string | null): void => {
    const flat: Json = {};
    const children: [Json[], Field][] = [];
    for (const field of selection) {
      const raw = field.name === 'customer' && value.customer
        ? data.customers.find((c) => c.id === (value.customer as Json).id) ?? null : value[field.name];
      if (CONNECTIONS.has(field.name) && Array.isArray(raw)) {
        const inner = field.selection.find((f) => f.name === 'edges')?.selection.find((f) => f.name === 'node')
          ?? field.selection.find((f) => f.name === 'nodes');
        if (inner) children.push([raw as Json[], inner]);
      } else flat[field.name] = raw === undefined ? null : project(raw, field.selection, data);
    }
    if (parentId) flat.__parentId = parentId;
    lines.push(JSON.stringify(flat));
    for (const [items, inner] of children) for (const item of items) emit(item, inner.selection, String(value.id));
  };
  for (const row of rows) emit(row.record, node.selection, null);
  return { lines, roots: rows.length };
}
