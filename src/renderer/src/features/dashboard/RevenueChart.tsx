import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardQuery, RevenueSeries } from '../../../../shared/contract';
import { toMajor } from '../../../../shared/money';
import { useI18n } from '../../i18n';
import { useRevenueSeries } from './api';
import { CHART_HEIGHT, ChartCard } from './ChartCard';
import { chartColors, periodAxisProps, valueAxisProps } from '../../components/chart/chartStyle';
import { pointTooltip } from '../../components/chart/ChartTooltip';
import { moneyTicks } from './niceTicks';
import { periodTick, periodTitle, spanDays } from './periods';

type Point = RevenueSeries['points'][number];

export function RevenueChart({ query }: { query: DashboardQuery }) {
  const { t } = useI18n();
  const series = useRevenueSeries(query);
  const title = series.data ? t(`chart.revenue.${series.data.granularity}`) : t('chart.revenue.title');
  return (
    <ChartCard
      title={title}
      testId="chart-revenue"
      filename="net-revenue"
      definition={t('insights.def.netRevenue')}
      query={series}
      isEmpty={(d) => d.points.every((p) => p.orders === 0)}
      csv={(d) => ({
        columns: [t('insights.csv.period'), t('kpi.netRevenue'), t('chart.orders'), t('insights.csv.currency')],
        rows: d.points.map((p) => [p.period, toMajor(p.netRevenueMinor, d.currency), p.orders, d.currency]),
      })}
    >
      {(data) => <RevenuePlot data={data} />}
    </ChartCard>
  );
}

function RevenuePlot({ data }: { data: RevenueSeries }) {
  const { t, format } = useI18n();
  const { currency, granularity } = data;
  const ticks = moneyTicks(data.points.map((p) => p.netRevenueMinor), currency);
  const tick = (period: string) => periodTick(period, granularity, format, spanDays(data.points));
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <AreaChart data={data.points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <defs>
          <linearGradient id="revenueFill" x1="0" y1="0" x2="0" y2="1">
            <stop offset="0%" stopColor={chartColors.revenue} stopOpacity={0.35} />
            <stop offset="100%" stopColor={chartColors.revenue} stopOpacity={0.02} />
          </linearGradient>
        </defs>
        <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis {...periodAxisProps} tickFormatter={tick} />
        <YAxis
          {...valueAxisProps}
          width={72}
          ticks={ticks}
          domain={[ticks[0] ?? 0, ticks[ticks.length - 1] ?? 'auto']}
          tickFormatter={(v: number) => format.moneyCompact(v, currency)}
        />
        <Tooltip
          cursor={{ stroke: chartColors.grid }}
          content={pointTooltip((point: Point) => ({
            title: periodTitle(point.period, granularity, format, t),
            rows: [
              { label: t('kpi.netRevenue'), value: format.money(point.netRevenueMinor, currency), color: chartColors.revenue },
              { label: t('chart.orders'), value: format.number(point.orders) },
            ],
          }))}
        />
        <Area
          type="monotone"
          dataKey="netRevenueMinor"
          stroke={chartColors.revenue}
          strokeWidth={2}
          fill="url(#revenueFill)"
          isAnimationActive={false}
        />
      </AreaChart>
    </ResponsiveContainer>
  );
}
