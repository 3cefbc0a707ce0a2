import { minorUnitDigits } from '../../../../shared/money';

/**
 * Axis ticks for money at round amounts of the major unit ($0, $1K, $2K…).
 * Recharts would pick "nice" steps in minor units, which print as $950, $1.9K.
 */
export function moneyTicks(valuesMinor: number[], currency: string, count = 4): number[] {
  const unit = 10 ** minorUnitDigits(currency);
  const low = Math.min(0, ...valuesMinor) / unit;
  const high = Math.max(0, ...valuesMinor) / unit;
  if (high === low) return [0];
  const step = niceStep((high - low) / count);
  const ticks: number[] = [];
  for (let v = Math.floor(low / step) * step; v < high + step; v += step) ticks.push(Math.round(v * unit));
  return ticks;
}

function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  return ([1, 2, 2.5, 5, 10].map((m) => m * power).find((step) => step >= rough) ?? 10 * power);
}
