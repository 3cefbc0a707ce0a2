import { IconAlertCircle, IconCash, IconClockPause, IconPercentage, IconReceiptRefund, IconShoppingBag } from '@tabler/icons-react';
import type { ComponentProps } from 'react';
import type { PaymentsSummary } from '../../../../shared/contract';
import { relativeChange } from '../../components/change';
import { KpiCard } from '../../components/KpiCard';
import { useI18n } from '../../i18n';
import { KpiGrid, KpiGridSkeleton } from '../../components/KpiGrid';

const GRID_COLS = { base: 1, xs: 2, lg: 3 } as const;

/**
 * Money in and money back. Revenue compares with the previous period; for
 * refunds, failures and pending payments a rise is bad news, which the
 * shared card's green ▲ would dress up as good, so those show the previous
 * figure as a note.
 */
export function PaymentsKpiGrid({ summary, stale }: { summary: PaymentsSummary; stale: boolean }) {
  const { t, format } = useI18n();
  const { current, previous, currency } = summary;
  const money = (minor: number) => format.money(minor, currency);
  const before = (text: string | null) => (previous && text !== null ? t('payments.kpi.previous', { value: text }) : undefined);
  const cards: ComponentProps<typeof KpiCard>[] = [
    {
      testId: 'kpi-net-revenue',
      label: t('payments.kpi.netRevenue'),
      icon: IconCash,
      display: money(current.netRevenueMinor),
      value: current.netRevenueMinor,
      change: previous ? relativeChange(current.netRevenueMinor, previous.netRevenueMinor) : undefined,
    },
    {
      testId: 'kpi-gross-sales',
      label: t('payments.kpi.grossSales'),
      icon: IconShoppingBag,
      display: money(current.grossSalesMinor),
      value: current.grossSalesMinor,
      change: previous ? relativeChange(current.grossSalesMinor, previous.grossSalesMinor) : undefined,
    },
    {
      testId: 'kpi-refunded',
      label: t('payments.kpi.refunded'),
      icon: IconReceiptRefund,
      display: money(current.refundedMinor),
      value: current.refundedMinor,
      note: [t('payments.kpi.refundCount', { count: format.number(current.refunds) }), before(previous ? money(previous.refundedMinor) : null)]
        .filter(Boolean).join(' · '),
    },
    {
      testId: 'kpi-refund-rate',
      label: t('payments.kpi.refundRate'),
      icon: IconPercentage,
      display: current.refundRate === null ? t('kpi.notAvailable') : format.percent(current.refundRate),
      value: current.refundRate,
      note: before(previous ? (previous.refundRate === null ? t('kpi.notAvailable') : format.percent(previous.refundRate)) : null),
    },
    {
      testId: 'kpi-failed',
      label: t('payments.kpi.failed'),
      icon: IconAlertCircle,
      display: format.number(current.failedPayments),
      value: current.failedPayments,
      note: [money(current.failedMinor), before(previous ? format.number(previous.failedPayments) : null)].filter(Boolean).join(' · '),
    },
    {
      testId: 'kpi-pending',
      label: t('payments.kpi.pending'),
      icon: IconClockPause,
      display: format.number(current.pendingPayments),
      value: current.pendingPayments,
      note: [money(current.pendingMinor), before(previous ? format.number(previous.pendingPayments) : null)].filter(Boolean).join(' · '),
    },
  ];
  return (
    <KpiGrid cols={GRID_COLS} testId="payments-kpis" stale={stale}>
      {cards.map((card) => (
        <KpiCard key={card.testId} {...card} />
      ))}
    </KpiGrid>
  );
}

export function PaymentsKpiSkeleton() {
  return <KpiGridSkeleton cols={GRID_COLS} testId="payments-kpis-loading" count={6} />;
}
