import { Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReturnDetail } from '../../../../../shared/contract/returns';
import { useI18n } from '../../../i18n';

export const defaultAmountOf = (d: Pick<ReturnDetail, 'goodsMinor' | 'restockingFeeMinor' | 'returnShippingMinor'>): number =>
  Math.max(0, d.goodsMinor - d.restockingFeeMinor - d.returnShippingMinor);

function Row({ label, value, testId, minor, strong }: { label: string; value: string; testId: string; minor: number; strong?: boolean }) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text size="sm" c={strong ? undefined : 'dimmed'} fw={strong ? 600 : undefined}>{label}</Text>
      <Text size="sm" fw={strong ? 600 : undefined} data-testid={testId} data-value={minor} style={{ fontVariantNumeric: 'tabular-nums' }}>{value}</Text>
    </Group>
  );
}

/** The goods, the fees the policy keeps, what a refund pays, and once resolved what was paid and where it went. */
export function ReturnMoneyCard({ detail }: { detail: ReturnDetail }) {
  const { t, format } = useI18n();
  const money = (minor: number) => format.money(minor, detail.currency);
  const resolvedWithMoney = detail.resolution === 'refund' || detail.resolution === 'store_credit';
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="md" mb="sm">{t('returns.detail.money')}</Title>
      <Stack gap={6}>
        <Row label={t('returns.money.goods')} value={money(detail.goodsMinor)} minor={detail.goodsMinor} testId="return-goods" />
        <Row label={t('returns.money.restocking')} value={`− ${money(detail.restockingFeeMinor)}`} minor={detail.restockingFeeMinor} testId="return-restocking" />
        <Row label={t('returns.money.shipping')} value={`− ${money(detail.returnShippingMinor)}`} minor={detail.returnShippingMinor} testId="return-shipping" />
        <Divider />
        <Row label={t('returns.money.default')} value={money(defaultAmountOf(detail))} minor={defaultAmountOf(detail)} testId="return-default-amount" strong={!resolvedWithMoney} />
        {detail.resolution && (
          <>
            <Divider />
            <Row label={t(`returns.resolution.${detail.resolution}`)} value={detail.refundMinor === null ? '—' : money(detail.refundMinor)}
              minor={detail.refundMinor ?? 0} testId="return-paid" strong />
            {detail.resolution === 'refund' && (
              <Row label={t('returns.money.pointsReversed')} value={format.number(detail.pointsReversed)} minor={detail.pointsReversed} testId="return-points-reversed" />
            )}
            {detail.delivery && (
              <Text size="sm" c="dimmed" data-testid="return-delivery" data-delivery={detail.delivery}>
                {t(detail.delivery === 'queued' ? 'returns.money.queued' : 'returns.money.local')}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
