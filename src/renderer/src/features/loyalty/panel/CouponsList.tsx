import { Badge, Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import type { CouponStatus, CouponView } from '../../../../../shared/contract';
import { QueryError } from '../../../components/QueryError';
import { useI18n, type MessageKey } from '../../../i18n';
import { useCoupons } from '../api';
import { useStoreCurrency } from '../currency';
import { describeRewardValue } from '../rewards/describe';
import { CouponCode } from './CouponCode';

const STATUS_LABELS: Record<CouponStatus, MessageKey> = {
  issued: 'loyalty.couponStatus.issued',
  used: 'loyalty.couponStatus.used',
  void: 'loyalty.couponStatus.void',
};
const STATUS_COLORS: Record<CouponStatus, string> = { issued: 'teal', used: 'gray', void: 'red' };

/** The coupons this customer's points paid for, newest first. */
export function CouponsList({ customerId }: { customerId: number }) {
  const { t } = useI18n();
  const coupons = useCoupons(customerId);
  return (
    <Paper withBorder p="md" radius="md" data-testid="points-coupons">
      <Title order={2} fz="md" fw={600} mb="md">
        {t('loyalty.coupons.title')}
      </Title>
      {coupons.isPending && <Skeleton height={80} />}
      {coupons.isError && <QueryError error={coupons.error} onRetry={() => void coupons.refetch()} />}
      {coupons.isSuccess && coupons.data.coupons.length === 0 && (
        <Text size="sm" c="dimmed">{t('loyalty.coupons.empty')}</Text>
      )}
      {coupons.isSuccess && coupons.data.coupons.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('loyalty.coupons.code')}</Table.Th>
                <Table.Th>{t('loyalty.coupons.reward')}</Table.Th>
                <Table.Th ta="right">{t('loyalty.coupons.points')}</Table.Th>
                <Table.Th>{t('loyalty.coupons.issued')}</Table.Th>
                <Table.Th>{t('loyalty.coupons.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {coupons.data.coupons.map((coupon) => (
                <CouponRow key={coupon.id} coupon={coupon} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function CouponRow({ coupon }: { coupon: CouponView }) {
  const { t, format } = useI18n();
  const currency = useStoreCurrency(coupon.storeId);
  return (
    <Table.Tr data-testid="coupon-row">
      <Table.Td>
        <CouponCode coupon={coupon} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{coupon.rewardName}</Text>
        <Text size="xs" c="dimmed">
          {describeRewardValue(coupon, t, format, currency)}
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {format.number(coupon.pointsSpent)}
      </Table.Td>
      <Table.Td>{format.date(coupon.issuedAt)}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={STATUS_COLORS[coupon.status]} size="sm">
          {t(STATUS_LABELS[coupon.status])}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}
