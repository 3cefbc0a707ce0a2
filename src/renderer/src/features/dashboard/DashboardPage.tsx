import { SimpleGrid, Stack, Tabs } from '@mantine/core';
import { useSessionStorage } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import type { DashboardQuery, DashboardSummary } from '../../../../shared/contract';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n';
import { useDashboardSummary, useNoOrdersAtAll } from './api';
import { CustomerMixChart } from './CustomerMixChart';
import { EmptyStore } from './EmptyStore';
import { InsightsSection } from './insights/InsightsSection';
import { KpiGrid, KpiGridSkeleton } from './KpiGrid';
import { RangeAndCurrencyControls, useRangeAndCurrency } from './RangeAndCurrency';
import { RevenueChart } from './RevenueChart';
import { rangeLineText } from '../../components/rangeLine';

/** The Dashboard's sections: the sales overview and the retention insights, under one date range. */
type DashboardTab = 'overview' | 'retention';

export function DashboardPage() {
  const { t } = useI18n();
  const state = useRangeAndCurrency('backroom.dashboard.range');
  const { range, currency } = state;
  const [tab, setTab] = useSessionStorage<DashboardTab>({ key: 'backroom.dashboard.tab', defaultValue: 'overview' });
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
            <RangeAndCurrencyControls state={state} currencies={summary.data?.currencies} shownCurrency={summary.data?.currency} />
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
