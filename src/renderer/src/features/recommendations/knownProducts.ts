import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { invoke } from '../../api';

/**
 * The products the pickers offer. The contract has no product search, so the
 * pickers offer what the screens have met: the lines of the latest orders
 * (asked once), and every product any preview, rule or plan has shown since.
 * A product can also be chosen by its number ("#123").
 */
export interface KnownProduct {
  productId: number;
  title: string;
}

const known = new Map<number, string>();
const listeners = new Set<() => void>();
let snapshot: KnownProduct[] = [];

export function rememberProducts(products: readonly KnownProduct[]): void {
  let changed = false;
  for (const { productId, title } of products) {
    if (known.get(productId) === title) continue;
    known.set(productId, title);
    changed = true;
  }
  if (!changed) return;
  snapshot = [...known].map(([productId, title]) => ({ productId, title })).sort((a, b) => a.title.localeCompare(b.title));
  listeners.forEach((listener) => listener());
}

const facets = { category: new Set<string>(), brand: new Set<string>() };

/** Categories and brands seen in lists, offered as suggestions where the settings name them. */
export function rememberFacets(items: readonly { category: string | null; brand: string | null }[]): void {
  for (const item of items) {
    if (item.category) facets.category.add(item.category);
    if (item.brand) facets.brand.add(item.brand);
  }
}

export const knownFacets = (field: 'category' | 'brand'): string[] => [...facets[field]].sort((a, b) => a.localeCompare(b));

export const productTitle = (productId: number): string | undefined => known.get(productId);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const RECENT_ORDERS = 12;

/** Every product known so far; asks for the latest orders' lines the first time. */
export function useKnownProducts(): KnownProduct[] {
  useQuery({
    queryKey: ['recs', 'knownProducts'],
    queryFn: async () => {
      const page = await invoke('orders.list', { limit: RECENT_ORDERS });
      const orders = await Promise.all(page.rows.map((row) => invoke('orders.get', { id: row.id })));
      const lines = orders.flatMap((order) => order.lines);
      rememberProducts(lines.flatMap((line) => (line.productId === null ? [] : [{ productId: line.productId, title: line.title }])));
      return lines.length;
    },
    staleTime: Infinity,
  });
  return useSyncExternalStore(subscribe, () => snapshot);
}
