import { describe, expect, it } from 'vitest';
import { pointsForOrder } from '../../src/main/domain/loyalty/orders';
import { minorUnitDigits } from '../../src/shared/money';
import { mulberry32 } from '../helpers/random';

/**
 * pointsForOrder counts in plain numbers when every product stays below 2^53
 * and in BigInt otherwise; both must give exactly floor(basis × rate × multiplier
 * / scale), so this checks it against BigInt on values chosen to sit on and
 * next to every boundary (exact multiples, one below, huge bases, odd currencies).
 */
function exact(basis: number, rate: number, multiplier: number, currency: string): number {
  const scale = 100n * 10n ** BigInt(minorUnitDigits(currency)) * 10_000n;
  const rateHundredths = BigInt(Math.round(rate * 100));
  const times = BigInt(Math.round(multiplier * 10_000));
  return Number((BigInt(Math.max(0, basis)) * rateHundredths * times) / scale);
}

describe('points for an order: exact whole points, rounded down', () => {
  const currencies = ['USD', 'JPY', 'KWD', 'CNY'];

  it('agrees with exact BigInt arithmetic on 50,000 random orders and rules', () => {
    const next = mulberry32(2026);
    for (let i = 0; i < 50_000; i++) {
      const currency = currencies[i % currencies.length]!;
      const magnitude = [100, 10_000, 1_000_000, 1e9, 1e13][i % 5]!;
      const basis = Math.floor(next() * magnitude);
      const rate = Math.round(next() * 1000) / 100;
      const multiplier = Math.round((0.5 + next() * 4) * 100) / 100 * (Math.round((1 + next()) * 100) / 100);
      const rules = { pointsPerUnit: rate, basis: 'total' as const, multiplier };
      const order = { subtotalMinor: 0, discountMinor: 0, totalMinor: basis, currency };
      expect(pointsForOrder(order, rules), `${basis} × ${rate} × ${multiplier} in ${currency}`)
        .toBe(exact(basis, rate, multiplier, currency));
    }
  });

  it('lands exactly on and just below whole points, where a rounded division would slip', () => {
    // 0.57 per unit: 100.00 is 57 exactly, 99.99 is 56.99… → 56; 10000 × 0.57 is 5699.999… in floating point.
    const rules = { pointsPerUnit: 0.57, basis: 'subtotalAfterDiscounts' as const, multiplier: 1 };
    expect(pointsForOrder({ subtotalMinor: 10_000, discountMinor: 0, totalMinor: 0, currency: 'USD' }, rules)).toBe(57);
    expect(pointsForOrder({ subtotalMinor: 9_999, discountMinor: 0, totalMinor: 0, currency: 'USD' }, rules)).toBe(56);
    // A basis so large that the product passes 2^53: the BigInt path, still exact.
    const huge = { subtotalMinor: 0, discountMinor: 0, totalMinor: 9_007_199_254_740, currency: 'USD' };
    const big = { pointsPerUnit: 9.99, basis: 'total' as const, multiplier: 3.33 };
    expect(pointsForOrder(huge, big)).toBe(exact(huge.totalMinor, 9.99, 3.33, 'USD'));
    // A discount larger than the subtotal earns nothing rather than taking points away.
    expect(pointsForOrder({ subtotalMinor: 100, discountMinor: 500, totalMinor: 0, currency: 'USD' }, rules)).toBe(0);
  });
});
