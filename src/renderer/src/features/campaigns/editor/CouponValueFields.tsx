import { Select, SimpleGrid } from '@mantine/core';
import { useT } from '../../../i18n';
import { CountInput, MoneyInput, OptionalCountInput } from './numberFields';

type CouponKind = 'fixed_amount' | 'percent' | 'free_shipping';
interface CouponLike {
  couponKind: CouponKind;
  valueMinor: number | null;
  percent: number | null;
  minOrderMinor?: number;
  validDays?: number | null;
}

/**
 * A coupon's kind and value (a campaign's coupon drop or a draw's prize): the
 * value field follows the kind, the others are sent as null.
 */
export function CouponValueFields<T extends CouponLike>({ mechanic, onChange, currency, err }: {
  mechanic: T;
  onChange: (next: T) => void;
  currency: string;
  err: (field: string, label: string) => string | undefined;
}) {
  const t = useT();
  const setKind = (couponKind: CouponKind) =>
    onChange({
      ...mechanic,
      couponKind,
      valueMinor: couponKind === 'fixed_amount' ? (mechanic.valueMinor ?? 500) : null,
      percent: couponKind === 'percent' ? (mechanic.percent ?? 10) : null,
    });
  return (
    <SimpleGrid cols={{ base: 1, sm: mechanic.minOrderMinor === undefined ? 2 : 4 }} verticalSpacing="xs" style={{ gridColumn: '1 / -1' }}>
      <Select
        label={t('campaigns.mechanic.couponKind')}
        allowDeselect={false}
        value={mechanic.couponKind}
        data={(['fixed_amount', 'percent', 'free_shipping'] as const).map((k) => ({ value: k, label: t(`campaigns.coupon.${k}`) }))}
        onChange={(k) => k && setKind(k as CouponKind)}
      />
      {mechanic.couponKind === 'fixed_amount' && (
        <MoneyInput label={t('campaigns.mechanic.amount')} error={err('valueMinor', t('campaigns.mechanic.amount'))} currency={currency}
          value={mechanic.valueMinor} onChange={(valueMinor) => onChange({ ...mechanic, valueMinor })} />
      )}
      {mechanic.couponKind === 'percent' && (
        <CountInput label={t('campaigns.mechanic.percentOff')} error={err('percent', t('campaigns.mechanic.percentOff'))} min={1} max={100} rightSection="%"
          value={mechanic.percent} onChange={(percent) => onChange({ ...mechanic, percent })} />
      )}
      {mechanic.minOrderMinor !== undefined && (
        <MoneyInput label={t('campaigns.mechanic.minOrder')} error={err('minOrderMinor', t('campaigns.mechanic.minOrder'))} currency={currency}
          value={mechanic.minOrderMinor} onChange={(minOrderMinor) => onChange({ ...mechanic, minOrderMinor })} />
      )}
      {mechanic.validDays !== undefined && (
        <OptionalCountInput label={t('campaigns.mechanic.validDays')} description={t('campaigns.mechanic.validDaysHint')}
          error={err('validDays', t('campaigns.mechanic.validDays'))} min={1} max={365} allowDecimal={false}
          value={mechanic.validDays} onChange={(validDays) => onChange({ ...mechanic, validDays })} />
      )}
    </SimpleGrid>
  );
}
