/**
 * The customers area's own addresses. The URL is the source of truth for which
 * tab or profile is open, so Back, reload and links all land on the same view.
 */
export type CustomersView =
  | { kind: 'list' }
  | { kind: 'segments' }
  | { kind: 'duplicates' }
  | { kind: 'profile'; customerId: number }
  | { kind: 'notFound' };

export type CustomersTab = 'list' | 'segments' | 'duplicates';

export const CUSTOMERS_PATH = '/customers';

export const pathForTab = (tab: CustomersTab): string =>
  tab === 'list' ? CUSTOMERS_PATH : `${CUSTOMERS_PATH}/${tab}`;

export const pathForCustomer = (customerId: number): string => `${CUSTOMERS_PATH}/${customerId}`;

export function parseCustomersPath(path: string): CustomersView {
  const rest = path.slice(CUSTOMERS_PATH.length).replace(/\/+$/, '');
  if (rest === '') return { kind: 'list' };
  if (rest === '/segments') return { kind: 'segments' };
  if (rest === '/duplicates') return { kind: 'duplicates' };
  const id = /^\/(\d{1,15})$/.exec(rest)?.[1];
  const customerId = Number(id);
  if (id && Number.isSafeInteger(customerId) && customerId > 0) return { kind: 'profile', customerId };
  return { kind: 'notFound' };
}
