import type { ComponentProps } from 'react';
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
import { pointsChange, relativeChange } from '../../components/change';
import { KpiCard } from '../../components/KpiCard';

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
    <SimpleGrid
      cols={GRID_COLS}
      spacing="md"
      data-testid="kpi-grid"
      data-from={summary.range.from ?? ''}
      data-to={summary.range.to ?? ''}
      data-stale={stale}
      style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 150ms' }}
    >
      {cards.map((card) => (
        <KpiCard key={card.testId} {...card} />
      ))}
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
