import { Group, SegmentedControl, Select } from '@mantine/core';
import { useSessionStorage } from '@mantine/hooks';
import type { Cohorts } from '../../../../../shared/contract';
import { toMajor } from '../../../../../shared/money';
import { useI18n } from '../../../i18n';
import { ChartCard } from '../ChartCard';
import { useCohorts, type InsightsScope } from './api';
import { HeatGrid, type HeatCell } from './HeatGrid';
import { intensities } from './heatScale';

type Measure = Cohorts['measure'];
const MONTH_CHOICES = ['6', '12', '24'] as const;

export function CohortHeatmap({ scope }: { scope: InsightsScope }) {
  const { t } = useI18n();
  const [measure, setMeasure] = useSessionStorage<Measure>({ key: 'backroom.insights.cohortMeasure', defaultValue: 'customers' });
  const [months, setMonths] = useSessionStorage<string>({ key: 'backroom.insights.cohortMonths', defaultValue: '12' });
  const cohorts = useCohorts({ ...scope, measure, months: Number(months) });
  const actions = (
    <Group gap="xs" wrap="nowrap">
      <SegmentedControl
        size="xs"
        aria-label={t('insights.cohorts.measureLabel')}
        data-testid="cohort-measure"
        value={measure}
        onChange={(value) => setMeasure(value as Measure)}
        data={[
          { value: 'customers', label: t('insights.cohorts.measure.customers') },
          { value: 'revenue', label: t('insights.cohorts.measure.revenue') },
        ]}
      />
      <Select
        size="xs"
        w={110}
        aria-label={t('insights.cohorts.monthsLabel')}
        value={months}
        onChange={(value) => value && setMonths(value)}
        allowDeselect={false}
        data={MONTH_CHOICES.map((count) => ({ value: count, label: t('insights.cohorts.monthsOption', { count }) }))}
      />
    </Group>
  );
  return (
    <ChartCard
      title={t('insights.cohorts.title')}
      testId="insight-cohorts"
      filename="cohort-retention"
      definition={t('insights.def.cohortRetention')}
      query={cohorts}
      isEmpty={(data) => data.rows.length === 0}
      emptyText={t('insights.cohorts.empty')}
      actions={actions}
      csv={(data) => cohortRows(data, t)}
    >
      {(data) => <CohortGrid data={data} />}
    </ChartCard>
  );
}

const columnCount = (data: Cohorts) => Math.max(0, ...data.rows.map((row) => row.values.length));

function cohortRows(data: Cohorts, t: ReturnType<typeof useI18n>['t']) {
  const months = Array.from({ length: columnCount(data) }, (_, i) => t('insights.cohorts.month', { n: i }));
  const money = data.measure === 'revenue';
  return {
    columns: [t('insights.cohorts.cohort'), t('insights.cohorts.size'), ...months, ...(money ? [t('insights.csv.currency')] : [])],
    rows: data.rows.map((row) => [
      row.cohort,
      row.size,
      ...row.values.map((value) => (value === null ? null : money ? toMajor(value, data.currency) : value)),
      ...(money ? [data.currency] : []),
    ]),
  };
}

function CohortGrid({ data }: { data: Cohorts }) {
  const { t, format } = useI18n();
  const count = columnCount(data);
  const money = data.measure === 'revenue';
  // Month 0 is every customer's first month (100% by definition): the scale follows the later months.
  const later = data.rows.flatMap((row) => row.values.slice(1).filter((v): v is number => v !== null));
  const max = later.length > 0 ? Math.max(...later) : Math.max(0, ...data.rows.flatMap((r) => r.values.filter((v): v is number => v !== null)));
  const cells = data.rows.map((row) => {
    const strength = intensities(row.values, max);
    return Array.from({ length: count }, (_, i): HeatCell | null => {
      const value = row.values[i];
      if (value === null || value === undefined) return null;
      const cohort = format.month(row.cohort);
      const counted = row.counts[i] ?? 0;
      return {
        value,
        intensity: strength[i] ?? 0,
        text: money ? format.moneyCompact(value, data.currency) : format.percent(value, 0),
        description: money
          ? t('insights.cohorts.cellRevenue', {
              cohort, n: i, value: format.money(value, data.currency), total: format.money(counted, data.currency),
            })
          : t('insights.cohorts.cellCustomers', {
              cohort, n: i, count: format.number(counted), size: format.number(row.size), share: format.percent(value),
            }),
      };
    });
  });
  return (
    <HeatGrid
      label={t('insights.cohorts.title')}
      testId="cohort-heatmap"
      rowHeader={t('insights.cohorts.cohort')}
      subHeader={t('insights.cohorts.size')}
      rows={data.rows.map((row) => ({ key: row.cohort, label: format.month(row.cohort), sublabel: format.number(row.size) }))}
      columns={Array.from({ length: count }, (_, i) => ({ key: String(i), label: String(i) }))}
      cells={cells}
      columnAxisTitle={t('insights.cohorts.monthsSince')}
      minCellWidth={money ? 60 : 46}
    />
  );
}
