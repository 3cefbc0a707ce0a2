import type { RewardKind } from '../../../../../shared/contract';
import type { Formatters, MessageKey, Translate } from '../../../i18n';

export const KIND_LABELS: Record<RewardKind, MessageKey> = {
  fixed_amount: 'loyalty.rewardKind.fixed_amount',
  percent: 'loyalty.rewardKind.percent',
  free_shipping: 'loyalty.rewardKind.free_shipping',
  gift_product: 'loyalty.rewardKind.gift_product',
};

interface RewardValue {
  kind: RewardKind;
  valueMinor: number | null;
  percent: number | null;
  productId: number | null;
  productTitle?: string | null;
}

/** What the coupon gives, in words: "$5.00 off", "10% off", "Free shipping", "Free gift: Mug". */
export function describeRewardValue(reward: RewardValue, t: Translate, format: Formatters, currency: string): string {
  switch (reward.kind) {
    case 'fixed_amount':
      return t('loyalty.rewardValue.fixed', { amount: format.money(reward.valueMinor ?? 0, currency) });
    case 'percent':
      return t('loyalty.rewardValue.percent', { percent: format.percent((reward.percent ?? 0) / 100, 0) });
    case 'free_shipping':
      return t('loyalty.rewardValue.freeShipping');
    case 'gift_product':
      return t('loyalty.rewardValue.gift', { product: reward.productTitle ?? `#${reward.productId ?? '?'}` });
  }
}
