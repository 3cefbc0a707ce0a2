/**
 * Where a customer stands in the membership tiers (see loyalty-settings.ts):
 * the tier held, what counts towards it in the current period, what is needed
 * to reach the next one and to keep this one when the period ends.
 */
export interface TierStatus {
  tierId: string;
  tierName: string;
  multiplier: number;
  benefits: string;
  /** What thresholds count: points earned or money spent (minor units), per the program. */
  basis: 'points' | 'spend';
  period: 'rolling12Months' | 'calendarYear' | 'lifetime';
  /** Points or minor units counted in the current period. */
  progress: number;
  /** The next tier up and how much more is needed; null at the top. */
  next: { tierId: string; tierName: string; threshold: number; needed: number } | null;
  /** How much more is needed in this period to keep the held tier at its end; 0 when already kept. */
  neededToKeep: number;
  /**
   * Upgrades apply at once; downgrades only at the end of the period. When the
   * customer qualifies for less than the tier they hold, they keep it until this moment.
   */
  heldUntil: string | null;
}
