import type { Sqlite } from '../../db/connection';
import type { RemoteCustomer } from '../model';
import type { ReadOrderEntry } from './reading';

/**
 * Exports name customers only by email. A customer the store already has
 * (synced from the platform, or from an earlier import) is linked, never
 * overwritten with the file's thinner details; anyone else becomes a new
 * customer keyed "email:<address>", described by their latest order in the file.
 * Sets each order's customerExternalId; returns the new customers by the
 * index of the first order that names them, so each is written with it.
 */
export function linkCustomers(sqlite: Sqlite, storeId: number, orders: readonly ReadOrderEntry[]): Map<number, RemoteCustomer> {
  // Two spellings so the email index serves both platforms' lower-case addresses and mixed-case ones as written.
  const existing = sqlite.prepare<[string, string, number], string>(
    'SELECT external_id FROM customers WHERE email IN (?, ?) AND store_id = ? ORDER BY id LIMIT 1').pluck();
  const known = new Map<string, string | null>();
  const fresh = new Map<string, { at: number; customer: RemoteCustomer }>();
  orders.forEach((entry, at) => {
    const draft = entry.customer;
    if (!draft) return;
    const email = draft.email.toLowerCase();
    if (!known.has(email)) known.set(email, existing.get(email, draft.email, storeId) ?? null);
    const linked = known.get(email);
    const order = entry.order;
    order.customerExternalId = linked ?? `email:${email}`;
    if (linked) return;
    const seen = fresh.get(email);
    const described: RemoteCustomer = {
      externalId: `email:${email}`, email, phone: draft.phone, firstName: draft.firstName, lastName: draft.lastName,
      country: draft.country, region: draft.region, city: draft.city, marketingConsent: draft.marketingConsent,
      tags: [], createdAt: order.placedAt, updatedAt: order.updatedAt,
    };
    if (!seen) {
      fresh.set(email, { at, customer: described });
      return;
    }
    const firstSeen = seen.customer.createdAt ?? order.placedAt;
    const createdAt = firstSeen < order.placedAt ? firstSeen : order.placedAt;
    seen.customer = order.updatedAt >= seen.customer.updatedAt ? { ...described, createdAt } : { ...seen.customer, createdAt };
  });
  return new Map([...fresh.values()].map(({ at, customer }) => [at, customer]));
}
