/**
 * The loyalty area's own addresses. The URL is the source of truth for the tab
 * shown, so a tab can be linked, bookmarked and restored with Back.
 */
export const LOYALTY_TABS = ['overview', 'program', 'rewards', 'expiring'] as const;
export type LoyaltyTab = (typeof LOYALTY_TABS)[number];

export type LoyaltyRoute = { kind: 'tab'; tab: LoyaltyTab } | { kind: 'customer'; customerId: number } | { kind: 'unknown' };

export const tabPath = (tab: LoyaltyTab): string => (tab === 'overview' ? '/loyalty' : `/loyalty/${tab}`);
export const customerPointsPath = (customerId: number): string => `/loyalty/customer/${customerId}`;

export function loyaltyRoute(path: string): LoyaltyRoute {
  const rest = path.replace(/^\/loyalty\/?/, '').replace(/\/$/, '');
  if (rest === '') return { kind: 'tab', tab: 'overview' };
  const customer = /^customer\/(\d+)$/.exec(rest);
  if (customer) {
    const customerId = Number(customer[1]);
    return Number.isSafeInteger(customerId) && customerId > 0 ? { kind: 'customer', customerId } : { kind: 'unknown' };
  }
  const tab = LOYALTY_TABS.find((t) => t === rest && t !== 'overview');
  return tab ? { kind: 'tab', tab } : { kind: 'unknown' };
}
