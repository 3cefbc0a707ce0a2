import type { ComponentProps } from 'react';
import {
  IconCash,
  IconReceipt,
  IconRepeat,
  IconShoppingCart,
  IconTicket,
  IconUserCheck,
} from '@tabler/icons-react';
import type { DashboardSummary } from '../../../../shared/contract';
import { useI18n } from '../../i18n';
import { pointsChange, relativeChange } from '../../components/change';
import { KpiCard } from '../../components/KpiCard';
import { KpiGrid as Grid, KpiGridSkeleton as GridSkeleton } from '../../components/KpiGrid';

const GRID_COLS = { base: 1, xs: 2, lg: 3 } as const;

export function KpiGrid({ summary, stale }: { summary: DashboardSummary; stale: boolean }) {
  const { t, format } = useI18n();
  const { current, previous, currency } = summary;
  const money = (minor: number | null) => (minor === null ? t('kpi.notAvailable') : format.money(minor, currency));
  // "All time" has no previous period: no comparison line at all, rather than "no data".
  const compare = previous !== null;
  const relative = (now: number | null, before: number | null | undefined) =>
    compare ? relativeChange(now, before) : undefined;
  const cards: ComponentProps<typeof KpiCard>[] = [
    {
      testId: 'kpi-net-revenue',
      label: t('kpi.netRevenue'),
      icon: IconCash,
      display: money(current.netRevenueMinor),
      value: current.netRevenueMinor,
      change: relative(current.netRevenueMinor, previous?.netRevenueMinor),
    },
    {
      testId: 'kpi-orders',
      label: t('kpi.orders'),
      icon: IconReceipt,
      display: format.number(current.orders),
      value: current.orders,
      change: relative(current.orders, previous?.orders),
    },
    {
      testId: 'kpi-aov',
      label: t('kpi.averageOrderValue'),
      icon: IconShoppingCart,
      display: money(current.averageOrderValueMinor),
      value: current.averageOrderValueMinor,
      change: relative(current.averageOrderValueMinor, previous?.averageOrderValueMinor),
    },
    {
      testId: 'kpi-repeat-rate',
      label: t('kpi.repeatRate'),
      icon: IconRepeat,
      display:
        current.repeatPurchaseRate === null ? t('kpi.notAvailable') : format.percent(current.repeatPurchaseRate),
      value: current.repeatPurchaseRate,
      // A rate changes in percentage points, not in percent of itself.
      change: compare ? pointsChange(current.repeatPurchaseRate, previous?.repeatPurchaseRate) : undefined,
    },
    {
      testId: 'kpi-active-customers',
      label: t('kpi.activeCustomers'),
      icon: IconUserCheck,
      display: format.number(current.activeCustomers),
      value: current.activeCustomers,
      change: relative(current.activeCustomers, previous?.activeCustomers),
    },
    {
      testId: 'kpi-open-tickets',
      label: t('kpi.openTickets'),
      icon: IconTicket,
      display: format.number(summary.openTickets),
      value: summary.openTickets,
      note: t('kpi.openTicketsHint'),
    },
  ];
  return (
    <Grid cols={GRID_COLS} testId="kpi-grid" stale={stale} data={{ 'data-from': summary.range.from ?? '', 'data-to': summary.range.to ?? '' }}>
      {cards.map((card) => (
        <KpiCard key={card.testId} {...card} />
      ))}
    </Grid>
  );
}

export function KpiGridSkeleton() {
  return <GridSkeleton cols={GRID_COLS} testId="kpi-loading" count={6} />;
}
