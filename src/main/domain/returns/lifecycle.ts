import type { ReturnStatus } from '../../../shared/contract/returns';

/**
 * The legal steps of a return. Anything not listed (refunding a declined
 * return, resolving twice, going back) is refused with CONFLICT before
 * anything is written.
 */
export const NEXT_STEPS: Readonly<Record<ReturnStatus, readonly ReturnStatus[]>> = {
  requested: ['approved', 'declined'],
  approved: ['in_transit', 'received'],
  in_transit: ['received'],
  received: ['inspected'],
  inspected: ['resolved'],
  resolved: ['closed'],
  declined: ['closed'],
  closed: [],
};

export function isLegalStep(from: ReturnStatus, to: ReturnStatus): boolean {
  return NEXT_STEPS[from].includes(to);
}

const STATUS_WORDS: Record<ReturnStatus, string> = {
  requested: 'requested', approved: 'approved', declined: 'declined', in_transit: 'in transit',
  received: 'received', inspected: 'inspected', resolved: 'resolved', closed: 'closed',
};

export function statusWords(status: ReturnStatus): string {
  return STATUS_WORDS[status];
}

/** Why a step is refused, as a sentence for the merchant. */
export function illegalStepSentence(rmaNumber: string, from: ReturnStatus, to: ReturnStatus): string {
  if (to === 'resolved' && (from === 'resolved' || from === 'closed')) {
    return `Return ${rmaNumber} was already resolved; it cannot be refunded or resolved a second time.`;
  }
  if (to === 'resolved' && from === 'declined') {
    return `Return ${rmaNumber} was declined, so it cannot be refunded or resolved.`;
  }
  if (from === to) return `Return ${rmaNumber} is already ${statusWords(from)}.`;
  const allowed = NEXT_STEPS[from];
  const options = allowed.length === 0 ? 'nothing: it is finished' : allowed.map(statusWords).join(' or ');
  return `Return ${rmaNumber} is ${statusWords(from)}; it cannot become ${statusWords(to)}. From here it can become ${options}.`;
}
