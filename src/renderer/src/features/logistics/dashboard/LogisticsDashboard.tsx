import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { LogisticsKpis } from '../../../../../shared/contract';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useLogisticsKpis } from '../api';
import { BreakdownTable } from './BreakdownTable';
import { DashboardFilters } from './DashboardFilters';
import { ExceptionsByCarrierChart } from './ExceptionsByCarrierChart';
import { LogisticsKpiGrid, LogisticsKpiSkeleton } from './LogisticsKpiGrid';
import { TransitByCarrierChart } from './TransitByCarrierChart';
import { useLogisticsFilters } from './useLogisticsQuery';
import { VolumeChart } from './VolumeChart';
import { rangeLineText } from '../../../components/rangeLine';

/** Delivery, on-time and transit figures for the chosen period, against the one before. */
export function LogisticsDashboard() {
  const { filters, setFilters, input, today } = useLogisticsFilters();
  const kpis = useLogisticsKpis(input);
  return (
    <Stack gap="lg" data-testid="logistics-dashboard">
      <div>
        <DashboardFilters filters={filters} today={today} onChange={setFilters} />
        {kpis.data && <RangeLine kpis={kpis.data} />}
      </div>
      {kpis.isPending && <LogisticsKpiSkeleton />}
      {kpis.isError && <QueryError error={kpis.error} onRetry={() => void kpis.refetch()} />}
      {kpis.isSuccess && <LogisticsKpiGrid kpis={kpis.data} stale={kpis.isPlaceholderData} />}
      {!kpis.isError && (
        <>
          <VolumeChart query={kpis} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <TransitByCarrierChart query={kpis} />
            <ExceptionsByCarrierChart query={kpis} />
          </SimpleGrid>
          <BreakdownTable query={kpis} by="byCarrier" />
          <BreakdownTable query={kpis} by="byRegion" />
        </>
      )}
    </Stack>
  );
}

/** The range and basis the core actually used ("Mar 1 – May 29, 2025 · compared with …"). */
function RangeLine({ kpis }: { kpis: LogisticsKpis }) {
  const i18n = useI18n();
  const basis = i18n.t(kpis.basis === 'business' ? 'logistics.basis.businessNote' : 'logistics.basis.calendarNote');
  return (
    <Text size="sm" c="dimmed" data-testid="logistics-range-line">
      {rangeLineText(i18n, kpis.range, kpis.previousRange)} · {basis}
    </Text>
  );
}
