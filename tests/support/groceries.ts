import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Basket, CatalogItem } from '../../src/main/domain/recommend/engine/types';

/**
 * Loaders of the two real groceries data sets (tests/fixtures/groceries, see
 * its README for sources and the published figures) for the tests and the
 * bench.
 *
 * Item names are trimmed: two names carry a trailing space in the files
 * ("cream cheese ", "roll products "); the space is an artefact, not a
 * different product, and trimming changes no count.
 */
const FIXTURES = join(__dirname, '..', 'fixtures', 'groceries');

/** groceries_baskets.csv (arules' Groceries): one basket per line, item names, in file order. */
export function loadGroceryBaskets(): string[][] {
  const text = readFileSync(join(FIXTURES, 'groceries_baskets.csv'), 'utf8');
  const baskets: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    // No item holds a quote or a comma (checked: the file has no quotes), so a plain split is exact.
    baskets.push(line.split(',').map((item) => item.trim()));
  }
  return baskets;
}

export interface GroceryMembers {
  /** One item per product: no category, brand, tags or price exist in the data, so none is invented. */
  catalog: CatalogItem[];
  /** One basket per (member, date), oldest first (ties by member number), items distinct and ascending. */
  baskets: Basket[];
  /** Product id → item name. */
  names: Map<number, string>;
}

/**
 * groceries_members.csv (Kaggle "Groceries dataset"): rows of
 * `Member_number,Date,itemDescription`, dates dd-mm-yyyy, CRLF.
 *
 * - Product ids are numbered from 1 by item name in code-point order, so they
 *   do not depend on the order of the rows.
 * - A basket is a member's purchases on one day (the data has no order ids);
 *   items repeated within it (759 rows) count once.
 * - customerId = the member number; at = the date's UTC midnight in epoch ms.
 */
export function loadGroceryMembers(): GroceryMembers {
  const text = readFileSync(join(FIXTURES, 'groceries_members.csv'), 'utf8');
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== 'Member_number,Date,itemDescription') {
    throw new Error('groceries_members.csv: unexpected header');
  }
  const rows: { member: number; at: number; name: string }[] = [];
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line.trim() === '') continue;
    const [memberText, dateText, nameText] = line.split(',');
    const member = Number(memberText);
    const date = /^(\d{2})-(\d{2})-(\d{4})$/.exec(dateText ?? '');
    const name = nameText?.trim();
    if (!Number.isInteger(member) || !date || !name) {
      throw new Error(`groceries_members.csv line ${index + 1}: cannot read "${line}"`);
    }
    rows.push({ member, at: Date.UTC(Number(date[3]), Number(date[2]) - 1, Number(date[1])), name });
  }

  const sortedNames = [...new Set(rows.map((row) => row.name))].sort();
  const idByName = new Map(sortedNames.map((name, index) => [name, index + 1]));
  const names = new Map(sortedNames.map((name, index) => [index + 1, name]));

  const byBasket = new Map<string, { customerId: number; at: number; items: Set<number> }>();
  for (const row of rows) {
    const key = `${row.member}|${row.at}`;
    let basket = byBasket.get(key);
    if (!basket) {
      basket = { customerId: row.member, at: row.at, items: new Set() };
      byBasket.set(key, basket);
    }
    basket.items.add(idByName.get(row.name)!);
  }
  const baskets: Basket[] = [...byBasket.values()]
    .sort((a, b) => a.at - b.at || a.customerId - b.customerId)
    .map((basket) => ({
      customerId: basket.customerId,
      at: basket.at,
      items: [...basket.items].sort((a, b) => a - b),
    }));

  const catalog: CatalogItem[] = sortedNames.map((_, index) => ({
    id: index + 1,
    category: null,
    brand: null,
    tags: [],
    priceMinor: 0,
    inStock: true,
  }));
  return { catalog, baskets, names };
}
