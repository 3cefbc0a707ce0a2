import type { UseQueryResult } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { EXCEPTION_KINDS, type LogisticsKpis } from '../../../../../shared/contract';
import { pointTooltip } from '../../../components/chart/ChartTooltip';
import { axisTick, chartColors, legendStyle, valueAxisProps } from '../../../components/chart/chartStyle';
import { useI18n } from '../../../i18n';
import { CHART_HEIGHT, ChartCard } from '../../dashboard/ChartCard';
import { KIND_LABELS, kindFill } from '../labels';

type Point = { carrier: string; total: number } & Record<string, number | string>;

/** Shipments in trouble per carrier, stacked by why. */
export function ExceptionsByCarrierChart({ query }: { query: UseQueryResult<LogisticsKpis> }) {
  const { t } = useI18n();
  const kinds = (data: LogisticsKpis) => EXCEPTION_KINDS.filter((k) => data.exceptionsByCarrier.some((c) => (c.counts[k] ?? 0) > 0));
  return (
    <ChartCard
      title={t('logistics.chart.exceptionsByCarrier')}
      testId="logistics-chart-exceptions"
      filename="logistics-exceptions-by-carrier"
      definition={t('logistics.def.exceptions')}
      query={query}
      isEmpty={(data) => data.exceptionsByCarrier.every((c) => c.total === 0)}
      emptyText={t('logistics.chart.noExceptions')}
      csv={(data) => ({
        columns: ['carrier', ...kinds(data), 'total'],
        rows: data.exceptionsByCarrier.map((c) => [c.carrier, ...kinds(data).map((k) => c.counts[k] ?? 0), c.total]),
      })}
    >
      {(data) => <ExceptionsPlot data={data} kinds={kinds(data)} />}
    </ChartCard>
  );
}

function ExceptionsPlot({ data, kinds }: { data: LogisticsKpis; kinds: (typeof EXCEPTION_KINDS)[number][] }) {
  const { t, format } = useI18n();
  const points: Point[] = data.exceptionsByCarrier.map((c) => ({ carrier: c.carrier, total: c.total, ...c.counts }));
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="carrier" tick={axisTick} tickLine={false} axisLine={{ stroke: chartColors.grid }} interval={0} />
        <YAxis {...valueAxisProps} width={40} allowDecimals={false} tickFormatter={(v: number) => format.number(v)} />
        <Tooltip
          cursor={{ fill: chartColors.cursor }}
          content={pointTooltip((point: Point) => ({
            title: point.carrier,
            rows: [
              ...kinds
                .filter((k) => Number(point[k] ?? 0) > 0)
                .map((k) => ({ label: t(KIND_LABELS[k]), value: format.number(Number(point[k])), color: kindFill(k) })),
              { label: t('logistics.chart.total'), value: format.number(point.total) },
            ],
          }))}
        />
        <Legend wrapperStyle={legendStyle} iconType="square" iconSize={10} itemSorter={null} />
        {kinds.map((kind) => (
          <Bar key={kind} dataKey={kind} name={t(KIND_LABELS[kind])} stackId="kind" fill={kindFill(kind)} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
