import {
  IconAlertTriangle,
  IconClockHour4,
  IconHourglass,
  IconPackageExport,
  IconRoute,
  IconTruckDelivery,
  IconCalendarCheck,
} from '@tabler/icons-react';
import type { ComponentProps } from 'react';
import type { LogisticsKpis } from '../../../../../shared/contract';
import { pointsChange } from '../../../components/change';
import { KpiCard } from '../../../components/KpiCard';
import { useI18n } from '../../../i18n';
import { KpiGrid, KpiGridSkeleton } from '../../../components/KpiGrid';

const GRID_COLS = { base: 1, xs: 2, md: 4 } as const;

/**
 * The logistics figures with the previous period. Rates compare in points
 * (up is good); for days and exceptions a rise is bad news, which the shared
 * card's green ▲ would dress up as good, so those show the previous figure
 * as a plain note instead.
 */
export function LogisticsKpiGrid({ kpis, stale }: { kpis: LogisticsKpis; stale: boolean }) {
  const { t, format } = useI18n();
  const { current, previous } = kpis;
  const na = t('kpi.notAvailable');
  const rate = (value: number | null) => (value === null ? na : format.percent(value));
  const days = (value: number | null) => (value === null ? na : t('logistics.days', { count: format.number(value) }));
  const before = (text: string) => (previous ? t('logistics.kpi.previous', { value: text }) : undefined);
  const cards: ComponentProps<typeof KpiCard>[] = [
    {
      testId: 'kpi-delivery-rate',
      label: t('logistics.kpi.deliveryRate'),
      icon: IconTruckDelivery,
      display: rate(current.deliveryRate),
      value: current.deliveryRate,
      change: previous ? pointsChange(current.deliveryRate, previous.deliveryRate) : undefined,
      note: t('logistics.kpi.deliveredOf', { delivered: format.number(current.delivered), shipped: format.number(current.shipped) }),
    },
    {
      testId: 'kpi-on-time-rate',
      label: t('logistics.kpi.onTimeRate'),
      icon: IconCalendarCheck,
      display: rate(current.onTimeRate),
      value: current.onTimeRate,
      change: previous ? pointsChange(current.onTimeRate, previous.onTimeRate) : undefined,
    },
    {
      testId: 'kpi-shipped',
      label: t('logistics.kpi.shipped'),
      icon: IconPackageExport,
      display: format.number(current.shipped),
      value: current.shipped,
      note: before(previous ? format.number(previous.shipped) : ''),
    },
    {
      testId: 'kpi-exceptions',
      label: t('logistics.kpi.exceptions'),
      icon: IconAlertTriangle,
      display: format.number(current.exceptions),
      value: current.exceptions,
      note: before(previous ? format.number(previous.exceptions) : ''),
    },
    {
      testId: 'kpi-transit-p50',
      label: t('logistics.kpi.transitP50'),
      icon: IconRoute,
      display: days(current.transitP50),
      value: current.transitP50,
      note: before(days(previous?.transitP50 ?? null)),
    },
    {
      testId: 'kpi-transit-p90',
      label: t('logistics.kpi.transitP90'),
      icon: IconRoute,
      display: days(current.transitP90),
      value: current.transitP90,
      note: before(days(previous?.transitP90 ?? null)),
    },
    {
      testId: 'kpi-otd-p50',
      label: t('logistics.kpi.orderToDeliveryP50'),
      icon: IconClockHour4,
      display: days(current.orderToDeliveryP50),
      value: current.orderToDeliveryP50,
      note: before(days(previous?.orderToDeliveryP50 ?? null)),
    },
    {
      testId: 'kpi-otd-p90',
      label: t('logistics.kpi.orderToDeliveryP90'),
      icon: IconHourglass,
      display: days(current.orderToDeliveryP90),
      value: current.orderToDeliveryP90,
      note: before(days(previous?.orderToDeliveryP90 ?? null)),
    },
  ];
  return (
    <KpiGrid cols={GRID_COLS} testId="logistics-kpis" stale={stale}>
      {cards.map((card) => (
        <KpiCard key={card.testId} {...card} />
      ))}
    </KpiGrid>
  );
}

export function LogisticsKpiSkeleton() {
  return <KpiGridSkeleton cols={GRID_COLS} testId="logistics-kpis-loading" count={8} />;
}
