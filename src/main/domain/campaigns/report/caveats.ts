import type { Arm } from './arms';

/**
 * The report's caveats: what a merchant must know before reading the
 * figures, each a whole sentence.
 */
export const SMALL_ARM = 30;

export interface CaveatFacts {
  now: string;
  startsAt: string;
  endsAt: string;
  cancelledAt: string | null;
  holdoutPercent: number;
  sizes: Record<Arm, number>;
  currency: string;
  otherCurrencyOrders: number;
  couponsIssued: number;
  couponsUsed: number;
  comparable: boolean;
  costMinor: number;
}

const ARM_NAMES: Record<Arm, string> = { treatment: 'treatment group', holdout: 'holdout group' };

const day = (iso: string) => iso.slice(0, 10);

function windowCaveat(facts: CaveatFacts): string | null {
  const stoppedEarly = facts.cancelledAt !== null && facts.cancelledAt < facts.endsAt;
  if (stoppedEarly && facts.cancelledAt! <= facts.now) {
    return `The campaign was stopped early on ${day(facts.cancelledAt!)}: the figures cover the days until then.`;
  }
  if (facts.now < facts.startsAt) {
    return `The campaign has not started yet (it starts on ${day(facts.startsAt)}): there is nothing to measure so far.`;
  }
  if (facts.now < facts.endsAt) {
    return `The campaign is still running until ${day(facts.endsAt)}: the figures cover the days so far and will change.`;
  }
  return null;
}

function holdoutCaveats(facts: CaveatFacts): string[] {
  if (facts.holdoutPercent === 0) {
    return ['This campaign kept no holdout group, so there is nothing to compare against: the figures show what the treatment group did, not what the campaign changed.'];
  }
  if (facts.sizes.holdout === 0) {
    return ['No member fell into the holdout group, so there is nothing to compare against: the figures show what the treatment group did, not what the campaign changed.'];
  }
  return (['treatment', 'holdout'] as const)
    .filter((arm) => facts.sizes[arm] < SMALL_ARM)
    .map((arm) => `The ${ARM_NAMES[arm]} has only ${facts.sizes[arm]} member${facts.sizes[arm] === 1 ? '' : 's'}: too small to tell whether the campaign made a difference.`);
}

export function reportCaveats(facts: CaveatFacts): string[] {
  const caveats: string[] = [];
  const window = windowCaveat(facts);
  if (window) caveats.push(window);
  caveats.push(...holdoutCaveats(facts));
  if (facts.otherCurrencyOrders > 0) {
    const n = facts.otherCurrencyOrders;
    caveats.push(`${n} order${n === 1 ? '' : 's'} in currencies other than ${facts.currency} ${n === 1 ? 'is' : 'are'} left out of the figures.`);
  }
  if (facts.couponsIssued > 0) {
    caveats.push(`Orders do not record the discount codes they carried, so a coupon counts as used once it is marked used with its order: ${facts.couponsUsed} of ${facts.couponsIssued} so far.`);
  }
  if (facts.comparable && facts.costMinor === 0) {
    caveats.push('Nothing has been spent on this campaign yet, so there is no return on investment to show.');
  }
  return caveats;
}
