import type { UseQueryResult } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LogisticsBreakdownRow, LogisticsKpis } from '../../../../../shared/contract';
import { pointTooltip } from '../../../components/chart/ChartTooltip';
import { axisTick, chartColors, legendStyle, valueAxisProps } from '../../../components/chart/chartStyle';
import { useI18n } from '../../../i18n';
import { CHART_HEIGHT, ChartCard } from '../../dashboard/ChartCard';

const P50 = 'var(--mantine-primary-color-filled)';
const P90 = 'var(--mantine-color-orange-filled)';

/** Transit days p50 and p90 side by side for each carrier (delivered shipments only). */
export function TransitByCarrierChart({ query }: { query: UseQueryResult<LogisticsKpis> }) {
  const { t } = useI18n();
  const withTransit = (data: LogisticsKpis) => data.byCarrier.filter((row) => row.transitP50 !== null);
  return (
    <ChartCard
      title={t('logistics.chart.transitByCarrier')}
      testId="logistics-chart-transit"
      filename="logistics-transit-by-carrier"
      definition={t('logistics.def.transit')}
      query={query}
      isEmpty={(data) => withTransit(data).length === 0}
      emptyText={t('logistics.chart.noDelivered')}
      csv={(data) => ({
        columns: ['carrier', 'basis', 'transit_p50_days', 'transit_p90_days', 'delivered'],
        rows: withTransit(data).map((row) => [row.key, data.basis, row.transitP50, row.transitP90, row.delivered]),
      })}
    >
      {(data) => <TransitPlot rows={withTransit(data)} />}
    </ChartCard>
  );
}

function TransitPlot({ rows }: { rows: LogisticsBreakdownRow[] }) {
  const { t, format } = useI18n();
  const days = (v: number | null) => (v === null ? t('kpi.notAvailable') : t('logistics.days', { count: format.number(v) }));
  return (
    // Carriers down the side: their names ("Australia Post") do not fit under narrow bars.
    <ResponsiveContainer width="100%" height={Math.max(CHART_HEIGHT, rows.length * 40 + 48)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" {...valueAxisProps} allowDecimals={false} />
        <YAxis type="category" dataKey="key" width={110} tick={axisTick} tickLine={false} axisLine={{ stroke: chartColors.grid }} interval={0} />
        <Tooltip
          cursor={{ fill: chartColors.cursor }}
          content={pointTooltip((row: LogisticsBreakdownRow) => ({
            title: row.key,
            rows: [
              { label: t('logistics.chart.p50'), value: days(row.transitP50), color: P50 },
              { label: t('logistics.chart.p90'), value: days(row.transitP90), color: P90 },
              { label: t('logistics.kpi.delivered'), value: format.number(row.delivered) },
            ],
          }))}
        />
        <Legend wrapperStyle={legendStyle} iconType="square" iconSize={10} itemSorter={null} />
        <Bar dataKey="transitP50" name={t('logistics.chart.p50')} fill={P50} isAnimationActive={false} />
        <Bar dataKey="transitP90" name={t('logistics.chart.p90')} fill={P90} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
