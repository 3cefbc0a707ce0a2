import { Select, SimpleGrid, Switch } from '@mantine/core';
import type { CampaignMechanic } from '../../../../../shared/contract';
import { useT, type MessageKey } from '../../../i18n';
import { CouponValueFields } from './CouponValueFields';
import { CountInput } from './numberFields';
import { PriceListEditor } from './PriceListEditor';

type Err = (field: string, label: string) => string | undefined;

/** The fields of one mechanic, by kind; every change hands back the whole mechanic. */
export function MechanicFields({ mechanic, onChange, currency, err }: {
  mechanic: CampaignMechanic;
  onChange: (next: CampaignMechanic) => void;
  currency: string;
  err: Err;
}) {
  const t = useT();
  const e = (field: string, label: MessageKey) => ({ label: t(label), error: err(field, t(label)) });
  switch (mechanic.kind) {
    case 'multiplier':
      return (
        <CountInput {...e('multiplier', 'campaigns.mechanic.multiplierValue')} maw={200} min={1.1} max={10} step={0.5} decimalScale={2} suffix="×"
          value={mechanic.multiplier} onChange={(multiplier) => onChange({ ...mechanic, multiplier })} data-testid="mechanic-multiplier-value" />
      );
    case 'bonus':
      return (
        <CountInput {...e('points', 'campaigns.mechanic.points')} maw={200} min={1} allowDecimal={false}
          value={mechanic.points} onChange={(points) => onChange({ ...mechanic, points })} data-testid="mechanic-bonus-points" />
      );
    case 'coupon':
      return <CouponValueFields mechanic={mechanic} onChange={onChange} currency={currency} err={err} />;
    case 'streak':
      return (
        <SimpleGrid cols={{ base: 1, sm: 4 }} verticalSpacing="xs">
          <Select {...e('unit', 'campaigns.mechanic.streakUnit')} allowDeselect={false} value={mechanic.unit}
            data={[{ value: 'day', label: t('campaigns.mechanic.days') }, { value: 'week', label: t('campaigns.mechanic.weeks') }]}
            onChange={(unit) => unit && onChange({ ...mechanic, unit: unit as 'day' | 'week' })} />
          <CountInput {...e('length', 'campaigns.mechanic.streakLength')} min={2} max={60} allowDecimal={false}
            value={mechanic.length} onChange={(length) => onChange({ ...mechanic, length })} />
          <CountInput {...e('points', 'campaigns.mechanic.points')} min={1} allowDecimal={false}
            value={mechanic.points} onChange={(points) => onChange({ ...mechanic, points })} />
          <Switch mt={28} label={t('campaigns.mechanic.repeatable')} checked={mechanic.repeatable}
            onChange={(ev) => onChange({ ...mechanic, repeatable: ev.currentTarget.checked })} />
        </SimpleGrid>
      );
    case 'draw':
      return <DrawFields mechanic={mechanic} onChange={onChange} currency={currency} err={err} />;
    case 'priceList':
      return <PriceListEditor mechanic={mechanic} onChange={onChange} currency={currency} error={err('prices', t('campaigns.mechanic.prices'))} />;
  }
}

type DrawMechanic = Extract<CampaignMechanic, { kind: 'draw' }>;

function DrawFields({ mechanic, onChange, currency, err }: { mechanic: DrawMechanic; onChange: (m: CampaignMechanic) => void; currency: string; err: Err }) {
  const t = useT();
  const { prize } = mechanic;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} verticalSpacing="xs">
      <CountInput label={t('campaigns.mechanic.winners')} error={err('winners', t('campaigns.mechanic.winners'))} min={1} max={1000} allowDecimal={false}
        value={mechanic.winners} onChange={(winners) => onChange({ ...mechanic, winners })} />
      <Select label={t('campaigns.mechanic.weighting')} allowDeselect={false} value={mechanic.weighting}
        data={(['none', 'tier', 'points'] as const).map((w) => ({ value: w, label: t(`campaigns.mechanic.weighting.${w}`) }))}
        onChange={(w) => w && onChange({ ...mechanic, weighting: w as DrawMechanic['weighting'] })} />
      <Select label={t('campaigns.mechanic.prize')} allowDeselect={false} value={prize.kind}
        data={[{ value: 'points', label: t('campaigns.mechanic.prizePoints') }, { value: 'coupon', label: t('campaigns.mechanic.prizeCoupon') }]}
        onChange={(k) => onChange({ ...mechanic, prize: k === 'coupon' ? { kind: 'coupon', couponKind: 'fixed_amount', valueMinor: 1000, percent: null } : { kind: 'points', points: 500 } })} />
      {prize.kind === 'points' ? (
        <CountInput label={t('campaigns.mechanic.points')} error={err('prize.points', t('campaigns.mechanic.points'))} min={1} allowDecimal={false}
          value={prize.points} onChange={(points) => onChange({ ...mechanic, prize: { ...prize, points } })} />
      ) : (
        <CouponValueFields mechanic={prize} onChange={(next) => onChange({ ...mechanic, prize: next })} currency={currency}
          err={(field, label) => err(`prize.${field}`, label)} />
      )}
    </SimpleGrid>
  );
}
