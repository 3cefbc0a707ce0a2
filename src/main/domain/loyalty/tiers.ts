import type { TierStatus } from '../../../shared/contract/loyalty-tiers';
import type { LedgerContext } from './ledger';

/** The customer's tier now; null when the program has no tiers. (To be built: issue 3, loyalty.) */
export function tierStatus(_ctx: LedgerContext, _customerId: number): TierStatus | null {
  return null;
}
