import { describe, expect, it } from 'vitest';
import { loadGroceryBaskets, loadGroceryMembers } from '../support/groceries';

/** The loaders read the two real data sets exactly as their README counts them. */
describe('groceries loaders', () => {
  it('reads groceries_baskets.csv: 9,835 baskets, 169 items, 43,367 occurrences', () => {
    const baskets = loadGroceryBaskets();
    expect(baskets).toHaveLength(9835);
    expect(new Set(baskets.flat()).size).toBe(169);
    expect(baskets.reduce((sum, basket) => sum + basket.length, 0)).toBe(43367);
    expect(baskets[0]).toEqual(['citrus fruit', 'semi-finished bread', 'margarine', 'ready soups']);
    expect(baskets.flat().some((item) => item !== item.trim())).toBe(false);
  });

  it('reads groceries_members.csv: 3,898 members, 167 items, 14,963 baskets', () => {
    const { catalog, baskets, names } = loadGroceryMembers();
    expect(new Set(baskets.map((basket) => basket.customerId)).size).toBe(3898);
    expect(catalog).toHaveLength(167);
    expect(names.size).toBe(167);
    expect(baskets).toHaveLength(14963);
    // 38,765 rows, of which 759 repeat an item already in their basket.
    expect(baskets.reduce((sum, basket) => sum + basket.items.length, 0)).toBe(38765 - 759);
    expect(catalog.map((item) => item.id)).toEqual(Array.from({ length: 167 }, (_, index) => index + 1));
    expect(catalog.every((item) => item.category === null && item.brand === null && item.priceMinor === 0)).toBe(true);
  });

  it('dates baskets at UTC midnight, oldest first, with distinct ascending items', () => {
    const { baskets, names } = loadGroceryMembers();
    expect(new Date(baskets[0]!.at).toISOString()).toBe('2014-01-01T00:00:00.000Z');
    expect(new Date(baskets.at(-1)!.at).toISOString()).toBe('2015-12-30T00:00:00.000Z');
    for (let index = 1; index < baskets.length; index += 1) {
      expect(baskets[index]!.at).toBeGreaterThanOrEqual(baskets[index - 1]!.at);
    }
    for (const basket of baskets) {
      expect(basket.at % 86_400_000).toBe(0);
      expect([...basket.items].sort((a, b) => a - b)).toEqual(basket.items);
      expect(new Set(basket.items).size).toBe(basket.items.length);
    }
    // Member 1808 bought tropical fruit on 21-07-2015 (the file's first row).
    const tropical = [...names].find(([, name]) => name === 'tropical fruit')![0];
    const basket = baskets.find((b) => b.customerId === 1808 && b.at === Date.UTC(2015, 6, 21));
    expect(basket?.items).toContain(tropical);
  });
});
