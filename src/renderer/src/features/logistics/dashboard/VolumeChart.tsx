import type { UseQueryResult } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SHIPMENT_STATUSES, type LogisticsKpis } from '../../../../../shared/contract';
import { pointTooltip } from '../../../components/chart/ChartTooltip';
import { chartColors, legendStyle, periodAxisProps, valueAxisProps } from '../../../components/chart/chartStyle';
import { useI18n } from '../../../i18n';
import { CHART_HEIGHT, ChartCard } from '../../dashboard/ChartCard';
import { STATUS_LABELS, statusFill } from '../labels';

type Point = { period: string; total: number } & Record<string, number | string>;

/** Shipments by shipped day, stacked by where each one stands now. */
export function VolumeChart({ query }: { query: UseQueryResult<LogisticsKpis> }) {
  const { t } = useI18n();
  const statuses = (data: LogisticsKpis) => SHIPMENT_STATUSES.filter((s) => data.volumeByDay.some((d) => (d.counts[s] ?? 0) > 0));
  return (
    <ChartCard
      title={t('logistics.chart.volume')}
      testId="logistics-chart-volume"
      filename="logistics-volume-by-day"
      definition={t('logistics.def.volume')}
      query={query}
      isEmpty={(data) => data.volumeByDay.every((d) => d.total === 0)}
      emptyText={t('logistics.chart.empty')}
      csv={(data) => ({
        columns: ['day', ...statuses(data), 'total'],
        rows: data.volumeByDay.map((d) => [d.day, ...statuses(data).map((s) => d.counts[s] ?? 0), d.total]),
      })}
    >
      {(data) => <VolumePlot data={data} statuses={statuses(data)} />}
    </ChartCard>
  );
}

function VolumePlot({ data, statuses }: { data: LogisticsKpis; statuses: (typeof SHIPMENT_STATUSES)[number][] }) {
  const { t, format } = useI18n();
  const points: Point[] = data.volumeByDay.map((d) => ({ period: d.day, total: d.total, ...d.counts }));
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis {...periodAxisProps} tickFormatter={(day: string) => format.dayShort(day)} />
        <YAxis {...valueAxisProps} width={48} allowDecimals={false} tickFormatter={(v: number) => format.number(v)} />
        <Tooltip
          cursor={{ fill: chartColors.cursor }}
          content={pointTooltip((point: Point) => ({
            title: format.date(point.period),
            rows: [
              ...statuses
                .filter((s) => Number(point[s] ?? 0) > 0)
                .map((s) => ({ label: t(STATUS_LABELS[s]), value: format.number(Number(point[s])), color: statusFill(s) })),
              { label: t('logistics.chart.total'), value: format.number(point.total) },
            ],
          }))}
        />
        <Legend wrapperStyle={legendStyle} iconType="square" iconSize={10} itemSorter={null} />
        {statuses.map((status) => (
          <Bar key={status} dataKey={status} name={t(STATUS_LABELS[status])} stackId="status" fill={statusFill(status)} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
