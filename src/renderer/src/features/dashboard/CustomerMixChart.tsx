import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CustomerMixSeries, DashboardQuery } from '../../../../shared/contract';
import { useI18n } from '../../i18n';
import { useCustomerMix } from './api';
import { CHART_HEIGHT, ChartCard } from './ChartCard';
import { chartColors, legendStyle, periodAxisProps, valueAxisProps } from '../../components/chart/chartStyle';
import { pointTooltip } from '../../components/chart/ChartTooltip';
import { periodTick, periodTitle, spanDays } from './periods';

type Point = CustomerMixSeries['points'][number];

export function CustomerMixChart({ query }: { query: DashboardQuery }) {
  const { t } = useI18n();
  const mix = useCustomerMix(query);
  return (
    <ChartCard
      title={t('chart.mix.title')}
      testId="chart-customer-mix"
      filename="new-and-returning-customers"
      definition={t('insights.def.customerMix')}
      query={mix}
      csv={(d) => ({
        columns: [t('insights.csv.period'), t('chart.mix.new'), t('chart.mix.returning')],
        rows: d.points.map((p) => [p.period, p.newCustomers, p.returningCustomers]),
      })}
      isEmpty={(d) => d.points.every((p) => p.newCustomers + p.returningCustomers === 0)}
    >
      {(data) => <MixPlot data={data} />}
    </ChartCard>
  );
}

function MixPlot({ data }: { data: CustomerMixSeries }) {
  const { t, format } = useI18n();
  const { granularity } = data;
  const newLabel = t('chart.mix.new');
  const returningLabel = t('chart.mix.returning');
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <BarChart data={data.points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis
          {...periodAxisProps}
          tickFormatter={(p: string) => periodTick(p, granularity, format, spanDays(data.points))}
        />
        <YAxis
          {...valueAxisProps}
          width={48}
          allowDecimals={false}
          tickFormatter={(v: number) => format.number(v)}
        />
        <Tooltip
          cursor={{ fill: chartColors.cursor }}
          content={pointTooltip((point: Point) => ({
            title: periodTitle(point.period, granularity, format, t),
            rows: [
              { label: newLabel, value: format.number(point.newCustomers), color: chartColors.newCustomers },
              { label: returningLabel, value: format.number(point.returningCustomers), color: chartColors.returningCustomers },
            ],
          }))}
        />
        {/* Series order, not alphabetical: it must not change with the language. */}
        <Legend
          iconType="square"
          iconSize={10}
          itemSorter={null}
          wrapperStyle={legendStyle}
          formatter={(label: string) => <span style={legendStyle}>{label}</span>}
        />
        <Bar dataKey="newCustomers" name={newLabel} stackId="customers" fill={chartColors.newCustomers} isAnimationActive={false} />
        <Bar
          dataKey="returningCustomers"
          name={returningLabel}
          stackId="customers"
          fill={chartColors.returningCustomers}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
