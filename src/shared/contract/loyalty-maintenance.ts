import { empty } from './common';
import { operation } from './operation';

/**
 * Loyalty maintenance: the core posts due expiries and birthday bonuses shortly
 * after it opens and then every hour; the merchant can also run it by hand.
 */
export interface LoyaltyMaintenanceReport {
  /** The moment the run was for (UTC ISO-8601): expiries due by then were posted. */
  at: string;
  /** Customers who lost points to expiry in this run, and how many points in all. */
  expired: { customers: number; points: number };
  /** Birthday bonuses given in this run. */
  birthdays: number;
  /** How long the run took, in milliseconds. */
  durationMs: number;
}

export const loyaltyMaintenanceOperations = {
  'loyalty.maintenance.run': operation<LoyaltyMaintenanceReport>()(
    empty,
    'Post due point expiries and birthday bonuses now (each at most once); returns what was posted',
  ),
  'loyalty.maintenance.last': operation<LoyaltyMaintenanceReport | null>()(
    empty,
    'What the last loyalty maintenance run posted, and when; null before the first run',
  ),
} as const;
