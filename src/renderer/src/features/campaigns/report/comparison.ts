import type { ArmComparison } from '../../../../../shared/contract';
import type { Formatters, Translate } from '../../../i18n';

/**
 * How each compared figure reads: repeat rates as percentages with the
 * difference in percentage points, revenue per customer as money (minor
 * units), orders per customer with two decimals. Signs are always written,
 * so "+2.1 pts (−0.4 to +4.6)" reads at a glance.
 */
export interface FigureFormat {
  value(v: number): string;
  signed(v: number): string;
  /** An interval's bound: the unit is said once, after the difference. */
  bound(v: number): string;
}

export function figureFormat(metric: ArmComparison['metric'], locale: string, format: Formatters, currency: string, t: Translate): FigureFormat {
  const signedNumber = (v: number, digits: number) =>
    new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', minimumFractionDigits: digits, maximumFractionDigits: digits })
      .format(v).replace('-', '−');
  switch (metric) {
    case 'repeatRate':
      return {
        value: (v) => format.percent(v),
        signed: (v) => t('campaigns.report.pts', { value: signedNumber(v * 100, 1) }),
        bound: (v) => signedNumber(v * 100, 1),
      };
    case 'revenuePerCustomer': {
      const signedMoney = (v: number) => {
        const rounded = Math.round(v);
        return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${format.money(Math.abs(rounded), currency)}`;
      };
      return { value: (v) => format.money(Math.round(v), currency), signed: signedMoney, bound: signedMoney };
    }
    case 'ordersPerCustomer':
      return {
        value: (v) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(v),
        signed: (v) => signedNumber(v, 2),
        bound: (v) => signedNumber(v, 2),
      };
  }
}

/** "+2.1 pts (−0.4 to +4.6), not significant" */
export function differenceSentence(c: ArmComparison, f: FigureFormat, t: Translate): string {
  return t(c.significant ? 'campaigns.report.differenceSignificant' : 'campaigns.report.differenceNot', {
    difference: f.signed(c.difference),
    low: f.bound(c.low),
    high: f.bound(c.high),
  });
}
