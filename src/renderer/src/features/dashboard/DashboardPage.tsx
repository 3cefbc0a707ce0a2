import { Group, Select, SimpleGrid, Stack, Tabs } from '@mantine/core';
import { useSessionStorage } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DashboardQuery, DashboardSummary } from '../../../../shared/contract';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n';
import { useDashboardSummary, useNoOrdersAtAll } from './api';
import { CustomerMixChart } from './CustomerMixChart';
import { DateRangeControl, type RangeSelection } from './DateRangeControl';
import { EmptyStore } from './EmptyStore';
import { InsightsSection } from './insights/InsightsSection';
import { KpiGrid, KpiGridSkeleton } from './KpiGrid';
import { presetRange, todayUtc, type DateRange } from './ranges';
import { RevenueChart } from './RevenueChart';
import { rangeLineText } from '../../components/rangeLine';

/** The Dashboard's sections: the sales overview and the retention insights, under one date range. */
type DashboardTab = 'overview' | 'retention';

export function DashboardPage() {
  const { t } = useI18n();
  const today = todayUtc();
  const [selection, setSelection] = useSessionStorage<RangeSelection>({
    key: 'backroom.dashboard.range',
    defaultValue: { choice: 'last30', custom: presetRange('last30', today) as DateRange },
  });
  const [currency, setCurrency] = useState<string | null>(null);
  const [tab, setTab] = useSessionStorage<DashboardTab>({ key: 'backroom.dashboard.tab', defaultValue: 'overview' });
  const range = selection.choice === 'custom' ? selection.custom : presetRange(selection.choice, today);
  const query: DashboardQuery = { ...(range && { range }), ...(currency && { currency }) };

  const queryClient = useQueryClient();
  const summary = useDashboardSummary(query);
  const rangeIsEmpty = summary.data?.current.orders === 0 && !summary.isPlaceholderData;
  const noOrdersAtAll = useNoOrdersAtAll(rangeIsEmpty);

  return (
    <>
      <PageHeader
        title={t('area.dashboard.title')}
        description={noOrdersAtAll ? undefined : summary.data ? <RangeLine summary={summary.data} /> : '\u00a0'}
        actions={
          noOrdersAtAll ? undefined : (
            <Group gap="sm" wrap="wrap" justify="flex-end">
              <DateRangeControl selection={selection} today={today} onChange={setSelection} />
              {summary.data && summary.data.currencies.length > 1 && (
                <Select
                  aria-label={t('range.currency')}
                  w={110}
                  data={summary.data.currencies}
                  value={currency ?? summary.data.currency}
                  onChange={setCurrency}
                  allowDeselect={false}
                />
              )}
            </Group>
          )
        }
      />
      {noOrdersAtAll ? (
        <EmptyStore />
      ) : (
        <Tabs value={tab} onChange={(value) => value && setTab(value as DashboardTab)} keepMounted={false}>
          <Tabs.List aria-label={t('insights.tabsLabel')} mb="lg">
            <Tabs.Tab value="overview" data-testid="dashboard-tab-overview">
              {t('insights.tab.overview')}
            </Tabs.Tab>
            <Tabs.Tab value="retention" data-testid="dashboard-tab-retention">
              {t('insights.tab.retention')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="overview">
            <Stack gap="lg">
              {summary.isPending && <KpiGridSkeleton />}
              {summary.isSuccess && <KpiGrid summary={summary.data} stale={summary.isPlaceholderData} />}
              {summary.isError ? (
                // The charts would fail the same way: one explanation, one Retry for the whole page.
                <QueryError
                  error={summary.error}
                  onRetry={() => void queryClient.refetchQueries({ queryKey: ['dashboard'] })}
                />
              ) : (
                <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
                  <RevenueChart query={query} />
                  <CustomerMixChart query={query} />
                </SimpleGrid>
              )}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="retention">
            <InsightsSection scope={query} />
          </Tabs.Panel>
        </Tabs>
      )}
    </>
  );
}

/** The range the core actually used, and the period it compared with. */
function RangeLine({ summary }: { summary: DashboardSummary }) {
  const i18n = useI18n();
  return <span data-testid="range-line">{rangeLineText(i18n, summary.range, summary.previousRange)}</span>;
}
