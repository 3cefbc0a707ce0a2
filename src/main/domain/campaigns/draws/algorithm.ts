import { createHash } from 'node:crypto';
import type { DrawEntrant } from '../../../../shared/contract';

/**
 * The lucky draw, pure (no database), written so that anyone holding the seed
 * and the saved entrant list can re-run it with any SHA-256 tool:
 *
 * 1. The canonical entrant list is the entrants sorted by customer id, written
 *    as JSON `[{"customerId":12,"weight":3},…]` with no spaces; its fingerprint
 *    is the lower-case hex SHA-256 of that UTF-8 text (`entrantsHash`).
 * 2. Each entrant draws one ticket u in (0, 1): the first 8 bytes of
 *    SHA-256(`<seed>:<customerId>`), of which the top 53 bits n give
 *    u = (n + 0.5) / 2^53. A ticket depends on the seed and the customer only,
 *    so adding or removing someone else never changes it.
 * 3. Weighted sampling without replacement by Efraimidis and Spirakis (2006):
 *    each entrant's key is u^(1/weight), taken here as ln(u) / weight (the same
 *    order, without underflow for large weights); the winners are the `count`
 *    largest keys, largest first, equal keys broken by the lower customer id.
 *    An entrant of weight 3 is three times as likely as one of weight 1 to be
 *    picked first.
 */
export function canonicalEntrants(entrants: readonly DrawEntrant[]): string {
  const sorted = [...entrants].sort((a, b) => a.customerId - b.customerId);
  return JSON.stringify(sorted.map(({ customerId, weight }) => ({ customerId, weight })));
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function entrantsHash(entrants: readonly DrawEntrant[]): string {
  return sha256Hex(canonicalEntrants(entrants));
}

const TWO_POW_53 = 2 ** 53;

/** The entrant's ticket in (0, 1), from the seed and the customer id alone. */
export function drawTicket(seed: string, customerId: number): number {
  const digest = createHash('sha256').update(`${seed}:${customerId}`, 'utf8').digest();
  // Top 53 bits of the first 8 bytes: 32 bits, then the high 21 of the next 32.
  const high = digest.readUInt32BE(0);
  const low = digest.readUInt32BE(4) >>> 11;
  return (high * 2 ** 21 + low + 0.5) / TWO_POW_53;
}

/** Customer ids of the winners, in draw order (first prize first). */
export function drawWinners(seed: string, entrants: readonly DrawEntrant[], count: number): number[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError('A draw picks at least one winner.');
  const keyed = entrants.map(({ customerId, weight }) => {
    if (!(weight > 0) || !Number.isFinite(weight)) throw new RangeError(`Entrant ${customerId} has no positive weight.`);
    return { customerId, key: Math.log(drawTicket(seed, customerId)) / weight };
  });
  keyed.sort((a, b) => b.key - a.key || a.customerId - b.customerId);
  return keyed.slice(0, count).map((entry) => entry.customerId);
}
