import type { UseQueryResult } from '@tanstack/react-query';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PaymentsSummary } from '../../../../shared/contract';
import { pointTooltip } from '../../components/chart/ChartTooltip';
import { chartColors, legendStyle, periodAxisProps, valueAxisProps } from '../../components/chart/chartStyle';
import { useI18n } from '../../i18n';
import { CHART_HEIGHT, ChartCard } from '../dashboard/ChartCard';
import { moneyTicks } from '../dashboard/niceTicks';
import { periodTick, periodTitle, spanDays } from '../dashboard/periods';

type Point = PaymentsSummary['series'][number];
const SALES = 'var(--mantine-primary-color-filled)';
const REFUNDS = 'var(--mantine-color-orange-filled)';
const FAILED = 'var(--mantine-color-red-filled)';

/** Sales and refunds by day (week or month over long ranges), with failed payments as a line. */
export function PaymentsSeriesChart({ query }: { query: UseQueryResult<PaymentsSummary> }) {
  const { t } = useI18n();
  const title = query.data ? t(`payments.chart.series.${query.data.granularity}`) : t('payments.chart.series.day');
  return (
    <ChartCard
      title={title}
      testId="payments-chart-series"
      filename="payments-series"
      definition={t('payments.def.series')}
      query={query}
      isEmpty={(data) => data.series.every((p) => p.salesMinor === 0 && p.refundedMinor === 0 && p.failed === 0)}
      emptyText={t('payments.chart.empty')}
      csv={(data) => ({
        columns: ['period', `sales_minor_${data.currency}`, `refunded_minor_${data.currency}`, 'failed_payments'],
        rows: data.series.map((p) => [p.period, p.salesMinor, p.refundedMinor, p.failed]),
      })}
    >
      {(data) => <SeriesPlot data={data} />}
    </ChartCard>
  );
}

function SeriesPlot({ data }: { data: PaymentsSummary }) {
  const { t, format } = useI18n();
  const { currency, granularity } = data;
  const ticks = moneyTicks(data.series.flatMap((p) => [p.salesMinor, p.refundedMinor]), currency);
  const span = spanDays(data.series);
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <ComposedChart data={data.series} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis {...periodAxisProps} tickFormatter={(period: string) => periodTick(period, granularity, format, span)} />
        <YAxis
          yAxisId="money"
          {...valueAxisProps}
          width={72}
          ticks={ticks}
          domain={[ticks[0] ?? 0, ticks[ticks.length - 1] ?? 'auto']}
          tickFormatter={(v: number) => format.moneyCompact(v, currency)}
        />
        <YAxis yAxisId="count" orientation="right" {...valueAxisProps} width={36} allowDecimals={false} />
        <Tooltip
          cursor={{ fill: chartColors.cursor }}
          content={pointTooltip((p: Point) => ({
            title: periodTitle(p.period, granularity, format, t),
            rows: [
              { label: t('payments.chart.sales'), value: format.money(p.salesMinor, currency), color: SALES },
              { label: t('payments.chart.refunded'), value: format.money(p.refundedMinor, currency), color: REFUNDS },
              { label: t('payments.chart.failed'), value: format.number(p.failed), color: FAILED },
            ],
          }))}
        />
        <Legend wrapperStyle={legendStyle} iconType="square" iconSize={10} itemSorter={null} />
        <Bar yAxisId="money" dataKey="salesMinor" name={t('payments.chart.sales')} fill={SALES} isAnimationActive={false} />
        <Bar yAxisId="money" dataKey="refundedMinor" name={t('payments.chart.refunded')} fill={REFUNDS} isAnimationActive={false} />
        <Line yAxisId="count" dataKey="failed" name={t('payments.chart.failed')} stroke={FAILED} strokeWidth={2} dot={false} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
