import type { CampaignAudience, CampaignMechanic } from '../../../../shared/contract';
import type { Formatters, Translate } from '../../i18n';
import { SEGMENT_LABEL } from '../customers/labels';

type CouponLike = { couponKind: 'fixed_amount' | 'percent' | 'free_shipping'; valueMinor: number | null; percent: number | null };

function couponValue(t: Translate, format: Formatters, currency: string, c: CouponLike): string {
  if (c.couponKind === 'fixed_amount') return t('campaigns.describe.couponFixed', { amount: format.money(c.valueMinor ?? 0, currency) });
  if (c.couponKind === 'percent') return t('campaigns.describe.couponPercent', { percent: format.number(c.percent ?? 0) });
  return t('campaigns.describe.couponShipping');
}

type DrawMechanic = Extract<CampaignMechanic, { kind: 'draw' }>;

/** A lucky draw's prize in the UI language ("250 bonus points", "a $10.00 off coupon"). */
export function describePrize(t: Translate, format: Formatters, currency: string, m: DrawMechanic): string {
  return m.prize.kind === 'points' ? t('campaigns.describe.bonus', { points: format.number(m.prize.points) }) : couponValue(t, format, currency, m.prize);
}

/** What one mechanic gives a treatment member, as a phrase ("100 bonus points", "a $5.00 off coupon"). */
export function describeMechanic(t: Translate, format: Formatters, currency: string, m: CampaignMechanic): string {
  switch (m.kind) {
    case 'multiplier': return t('campaigns.describe.multiplier', { multiplier: format.number(m.multiplier) });
    case 'bonus': return t('campaigns.describe.bonus', { points: format.number(m.points) });
    case 'coupon': return couponValue(t, format, currency, m);
    case 'streak':
      return t(m.unit === 'day' ? 'campaigns.describe.streakDays' : 'campaigns.describe.streakWeeks', {
        points: format.number(m.points), length: format.number(m.length),
      });
    case 'draw':
      return t('campaigns.describe.draw', { winners: format.number(m.winners), prize: describePrize(t, format, currency, m) });
    case 'priceList': return t('campaigns.describe.priceList', { count: format.number(m.prices.length) });
  }
}

/** Who the audience is, as a phrase ("segments Champions, Loyal", "an uploaded list of 120 entries"). */
export function describeAudience(
  t: Translate,
  format: Formatters,
  a: CampaignAudience,
  names: { group?: string; tier?: (id: string) => string } = {},
): string {
  switch (a.kind) {
    case 'segment': return t('campaigns.describe.segments', { names: a.segments.map((s) => t(SEGMENT_LABEL[s])).join(t('campaigns.nameSeparator')) });
    case 'tier': return t('campaigns.describe.tiers', { names: a.tierIds.map((id) => names.tier?.(id) ?? id).join(t('campaigns.nameSeparator')) });
    case 'tag': return t('campaigns.describe.tags', { names: a.tags.join(t('campaigns.nameSeparator')) });
    case 'group': return t('campaigns.describe.group', { name: names.group ?? `#${a.groupId}` });
    case 'list': return t('campaigns.describe.list', { count: format.number(a.entries.length) });
  }
}
