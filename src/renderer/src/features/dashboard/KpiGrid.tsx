import { Paper, SimpleGrid, Skeleton } from '@mantine/core';
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
import { pointsChange, relativeChange } from './change';
import { KpiCard } from './KpiCard';

const GRID_COLS = { base: 1, xs: 2, lg: 3 } as const;

export function KpiGrid({ summary, stale }: { summary: DashboardSummary; stale: boolean }) {
  const { t, format } = useI18n();
  const { current, previous, currency } = summary;
  const money = (minor: number | null) => (minor === null ? t('kpi.notAvailable') : format.money(minor, currency));
  // "All time" has no previous period: no comparison line at all, rather than "no data".
  const compare = previous !== null;
  return (
    <SimpleGrid
      cols={GRID_COLS}
      spacing="md"
      data-testid="kpi-grid"
      data-from={summary.range.from ?? ''}
      data-to={summary.range.to ?? ''}
      data-stale={stale}
      style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 150ms' }}
    >
      <KpiCard
        testId="kpi-net-revenue"
        label={t('kpi.netRevenue')}
        icon={IconCash}
        display={money(current.netRevenueMinor)}
        value={current.netRevenueMinor}
        change={compare ? relativeChange(current.netRevenueMinor, previous?.netRevenueMinor) : undefined}
      />
      <KpiCard
        testId="kpi-orders"
        label={t('kpi.orders')}
        icon={IconReceipt}
        display={format.number(current.orders)}
        value={current.orders}
        change={compare ? relativeChange(current.orders, previous?.orders) : undefined}
      />
      <KpiCard
        testId="kpi-aov"
        label={t('kpi.averageOrderValue')}
        icon={IconShoppingCart}
        display={money(current.averageOrderValueMinor)}
        value={current.averageOrderValueMinor}
        change={compare ? relativeChange(current.averageOrderValueMinor, previous?.averageOrderValueMinor) : undefined}
      />
      <KpiCard
        testId="kpi-repeat-rate"
        label={t('kpi.repeatRate')}
        icon={IconRepeat}
        display={current.repeatPurchaseRate === null ? t('kpi.notAvailable') : format.percent(current.repeatPurchaseRate)}
        value={current.repeatPurchaseRate}
        change={compare ? pointsChange(current.repeatPurchaseRate, previous?.repeatPurchaseRate) : undefined}
      />
      <KpiCard
        testId="kpi-active-customers"
        label={t('kpi.activeCustomers')}
        icon={IconUserCheck}
        display={format.number(current.activeCustomers)}
        value={current.activeCustomers}
        change={compare ? relativeChange(current.activeCustomers, previous?.activeCustomers) : undefined}
      />
      <KpiCard
        testId="kpi-open-tickets"
        label={t('kpi.openTickets')}
        icon={IconTicket}
        display={format.number(summary.openTickets)}
        value={summary.openTickets}
        note={t('kpi.openTicketsHint')}
      />
    </SimpleGrid>
  );
}

export function KpiGridSkeleton() {
  return (
    <SimpleGrid cols={GRID_COLS} spacing="md" data-testid="kpi-loading">
      {Array.from({ length: 6 }, (_, i) => (
        <Paper key={i} withBorder p="md" radius="md">
          <Skeleton height={14} width="50%" mb={14} />
          <Skeleton height={28} width="70%" mb={12} />
          <Skeleton height={10} width="40%" />
        </Paper>
      ))}
    </SimpleGrid>
  );
}
