import { z } from 'zod';
import { operation } from './operation';
import { orderFilter, orderSort } from './orders';

/**
 * Saved views: a named filter and sort the merchant can come back to, per
 * workspace area. The orders area's query is checked here; other areas'
 * queries are kept as small JSON objects and checked by their own area.
 */
export const VIEW_AREAS = ['orders', 'customers'] as const;
export type ViewArea = (typeof VIEW_AREAS)[number];

/** The most JSON a non-orders view may store. */
export const MAX_VIEW_QUERY_BYTES = 4096;

const viewName = z
  .string()
  .trim()
  .min(1, { message: 'a view needs a name' })
  .max(60, { message: 'a view name must be at most 60 characters' });

/** What an orders view remembers: the filter and the sort (never a cursor or page size). */
export const ordersViewQuery = z.object({ filter: orderFilter.optional(), sort: orderSort.optional() }).strict();

const jsonObject = z
  .record(z.string(), z.unknown())
  .refine((q) => new TextEncoder().encode(JSON.stringify(q)).length <= MAX_VIEW_QUERY_BYTES, {
    message: `a saved view must be at most ${MAX_VIEW_QUERY_BYTES} bytes of JSON`,
  });

export const viewsListInput = z.object({ area: z.enum(VIEW_AREAS) }).strict();

/** Saving under a name the area already has replaces that view's query (same id). */
export const viewsSaveInput = z.discriminatedUnion('area', [
  z.object({ area: z.literal('orders'), name: viewName, query: ordersViewQuery }).strict(),
  z.object({ area: z.literal('customers'), name: viewName, query: jsonObject }).strict(),
]);

export const viewsDeleteInput = z.object({ id: z.number().int().positive() }).strict();

export type ViewsSaveInput = z.input<typeof viewsSaveInput>;
export type OrdersViewQuery = z.output<typeof ordersViewQuery>;

export interface SavedView {
  id: number;
  area: ViewArea;
  name: string;
  /** For 'orders': an OrdersViewQuery. */
  query: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export const viewsOperations = {
  'views.list': operation<SavedView[]>()(viewsListInput, "An area's saved views, by name"),
  'views.save': operation<SavedView>()(viewsSaveInput, 'Saves a named view (replacing one of the same name)'),
  'views.delete': operation<{ id: number }>()(viewsDeleteInput, 'Deletes a saved view'),
} as const;
