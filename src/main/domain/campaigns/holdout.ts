import { createHash } from 'node:crypto';

/**
 * The holdout: which arm a customer is in is a pure function of the campaign's
 * salt (random, made at create, never changed) and the customer id, so every
 * evaluation — preview, launch, report, a re-launched copy with the same salt —
 * puts the same customer on the same side, and no arm is stored anywhere it
 * could drift. SHA-256 spreads ids evenly, so the share matches the setting.
 */
export function holdoutArm(salt: string, customerId: number, percent: number): 'treatment' | 'holdout' {
  return holdoutFraction(salt, customerId) < percent / 100 ? 'holdout' : 'treatment';
}

/** The first 8 bytes of SHA-256(`salt:id`) as a fraction in [0, 1). */
export function holdoutFraction(salt: string, customerId: number): number {
  const digest = createHash('sha256').update(`${salt}:${customerId}`).digest();
  // 64 bits through BigInt, then scaled: exact ordering, no float overflow.
  return Number(digest.readBigUInt64BE(0) >> 11n) / 2 ** 53;
}
