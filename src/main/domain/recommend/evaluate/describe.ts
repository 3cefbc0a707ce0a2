import type { SplitResult } from './split';

/**
 * The facts that describe a split, for RecsExperiment.splitDescription (in
 * English, by splitSentence) and for the UI (in the merchant's language,
 * from the same numbers).
 */
export interface SplitFacts {
  kind: 'time' | 'leave_last';
  /** The cut-off day (YYYY-MM-DD, or a full ISO instant when not at midnight UTC); null for leave-last. */
  cutoff: string | null;
  /** ISO-8601 instants of the oldest and newest basket of all the data. */
  dataFrom: string | null;
  dataTo: string | null;
  trainBaskets: number;
  testBaskets: number;
  /** Customers evaluated. */
  cases: number;
  /** Customers counted but not evaluated (see SplitResult.unevaluatedCustomers). */
  unevaluatedCustomers: number;
  /** Held-out guest baskets (time split only): no history, so not evaluated. */
  guestTestBaskets: number;
  /** Mean distinct held-out products per case. */
  meanHeldOut: number;
}

export function describeSplit(split: SplitResult): SplitFacts {
  const heldOut = split.cases.reduce((sum, evaluationCase) => sum + evaluationCase.heldOut.length, 0);
  return {
    kind: split.kind,
    cutoff: split.cutoff === null ? null : day(split.cutoff),
    dataFrom: split.dataFrom === null ? null : new Date(split.dataFrom).toISOString(),
    dataTo: split.dataTo === null ? null : new Date(split.dataTo).toISOString(),
    trainBaskets: split.trainBaskets,
    testBaskets: split.testBaskets,
    cases: split.cases.length,
    unevaluatedCustomers: split.unevaluatedCustomers,
    guestTestBaskets: split.guestTestBaskets,
    meanHeldOut: split.cases.length > 0 ? heldOut / split.cases.length : 0,
  };
}

const count = new Intl.NumberFormat('en-US');
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** The split in one English sentence (logs, CSV, RecsExperiment.splitDescription). */
export function splitSentence(facts: SplitFacts): string {
  const window = facts.dataFrom && facts.dataTo ? ` (data from ${facts.dataFrom.slice(0, 10)} to ${facts.dataTo.slice(0, 10)})` : '';
  const plural = (n: number, one: string, many: string): string => `${count.format(n)} ${n === 1 ? one : many}`;
  const perCase = `${decimal.format(facts.meanHeldOut)} products each on average`;
  if (facts.kind === 'time') {
    const skipped = [
      facts.unevaluatedCustomers > 0 ? plural(facts.unevaluatedCustomers, 'customer with nothing bought before it', 'customers with nothing bought before it') : null,
      facts.guestTestBaskets > 0 ? plural(facts.guestTestBaskets, 'guest order', 'guest orders') : null,
    ].filter((part): part is string => part !== null);
    return (
      `Trained on ${plural(facts.trainBaskets, 'order', 'orders')} before ${facts.cutoff}${window}; ` +
      `tested on ${plural(facts.testBaskets, 'order', 'orders')} from that day on, ` +
      `evaluating ${plural(facts.cases, 'returning customer', 'returning customers')} on what they bought (${perCase})` +
      (skipped.length > 0 ? `; ${skipped.join(' and ')} counted but not evaluated.` : '.')
    );
  }
  return (
    `Each customer's last order held out: ${plural(facts.cases, 'customer', 'customers')} with two or more orders ` +
    `evaluated on it (${perCase}), trained on the other ${plural(facts.trainBaskets, 'order', 'orders')}${window}` +
    (facts.unevaluatedCustomers > 0
      ? `; ${plural(facts.unevaluatedCustomers, 'customer with a single order', 'customers with a single order')} counted but not evaluated.`
      : '.')
  );
}

function day(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % 86_400_000 === 0 ? iso.slice(0, 10) : iso;
}
