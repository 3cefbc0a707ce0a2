import { SegmentedControl } from '@mantine/core';
import { useSessionStorage } from '@mantine/hooks';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Clv, CustomerSegment } from '../../../../../shared/contract';
import { toMajor } from '../../../../../shared/money';
import { pointTooltip, type TooltipRow } from '../../../components/chart/ChartTooltip';
import { axisTick, chartColors, legendStyle, valueAxisProps } from '../../../components/chart/chartStyle';
import { useI18n, type Formatters, type Translate } from '../../../i18n';
import { CHART_HEIGHT, ChartCard } from '../ChartCard';
import { useClv, type InsightsScope } from './api';

type By = Clv['by'];
type Row = Clv['rows'][number];

/** Horizons from short to long; the theme's filled colours, so each reads in light and dark. */
const HORIZONS = [
  { key: 'clv3Minor', label: 'insights.clv.at3', color: 'var(--mantine-color-cyan-filled)' },
  { key: 'clv6Minor', label: 'insights.clv.at6', color: 'var(--mantine-color-teal-filled)' },
  { key: 'clv12Minor', label: 'insights.clv.at12', color: 'var(--mantine-color-grape-filled)' },
  { key: 'clvMinor', label: 'insights.clv.toDate', color: 'var(--mantine-primary-color-filled)' },
] as const;

const keyLabel = (row: Row, by: By, t: Translate, format: Formatters) =>
  by === 'segment' ? t(`customers.segment.${row.key as CustomerSegment | 'none'}`) : format.month(row.key);

export function ClvChart({ scope }: { scope: InsightsScope }) {
  const { t, format } = useI18n();
  const [by, setBy] = useSessionStorage<By>({ key: 'backroom.insights.clvBy', defaultValue: 'cohort' });
  const clv = useClv({ ...scope, by });
  const actions = (
    <SegmentedControl
      size="xs"
      aria-label={t('insights.clv.byLabel')}
      data-testid="clv-by"
      value={by}
      onChange={(value) => setBy(value as By)}
      data={[
        { value: 'cohort', label: t('insights.clv.byCohort') },
        { value: 'segment', label: t('insights.clv.bySegment') },
      ]}
    />
  );
  return (
    <ChartCard
      title={t('insights.clv.title')}
      testId="insight-clv"
      filename={`clv-by-${by}`}
      definition={t('insights.def.clv')}
      query={clv}
      isEmpty={(data) => data.rows.length === 0}
      emptyText={t(by === 'segment' ? 'insights.clv.emptySegments' : 'insights.clv.empty')}
      actions={actions}
      csv={(data) => {
        const major = (minor: number | null) => (minor === null ? null : toMajor(minor, data.currency));
        return {
          columns: [
            t(data.by === 'segment' ? 'insights.clv.bySegment' : 'insights.clv.byCohort'), t('insights.clv.customers'),
            t('insights.clv.revenue'), t('insights.clv.toDate'), t('insights.clv.at3'), t('insights.clv.at6'),
            t('insights.clv.at12'), t('insights.clv.ordersPerCustomer'), t('insights.csv.currency'),
          ],
          rows: data.rows.map((row) => [
            data.by === 'segment' ? keyLabel(row, data.by, t, format) : row.key, row.customers, major(row.revenueMinor),
            major(row.clvMinor), major(row.clv3Minor), major(row.clv6Minor), major(row.clv12Minor),
            row.ordersPerCustomer, data.currency,
          ]),
        };
      }}
    >
      {(data) => <ClvPlot data={data} />}
    </ChartCard>
  );
}

/** Cohorts are a time line (one line per horizon); segments are categories (one bar each). */
function ClvPlot({ data }: { data: Clv }) {
  const { t, format } = useI18n();
  const points = data.rows.map((row) => ({ ...row, label: keyLabel(row, data.by, t, format) }));
  // Segments have no cohort age: only the value to date.
  const horizons = data.by === 'cohort' ? HORIZONS : HORIZONS.slice(3);
  const tooltip = pointTooltip((point: (typeof points)[number]) => ({
    title: point.label,
    rows: [
      ...horizons
        .filter((h) => point[h.key] !== null)
        .map((h): TooltipRow => ({ label: t(h.label), value: format.money(point[h.key] ?? 0, data.currency), color: h.color })),
      {
        label: t('insights.clv.customers'),
        value: t('insights.clv.tooltipCustomers', {
          count: format.number(point.customers),
          orders: format.number(Math.round(point.ordersPerCustomer * 100) / 100),
        }),
      },
    ],
  }));
  const axes = (
    <>
      <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" tick={axisTick} tickLine={false} axisLine={{ stroke: chartColors.grid }} minTickGap={16} />
      <YAxis {...valueAxisProps} width={72} tickFormatter={(v: number) => format.moneyCompact(v, data.currency)} />
    </>
  );
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      {data.by === 'cohort' ? (
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          {axes}
          <Tooltip cursor={{ stroke: chartColors.grid }} content={tooltip} />
          <Legend
            iconType="square"
            iconSize={10}
            itemSorter={null}
            wrapperStyle={legendStyle}
            formatter={(label: string) => <span style={legendStyle}>{label}</span>}
          />
          {horizons.map((h) => (
            <Line
              key={h.key}
              type="monotone"
              dataKey={h.key}
              name={t(h.label)}
              stroke={h.color}
              strokeWidth={2}
              dot={points.length <= 12}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      ) : (
        <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          {axes}
          <Tooltip cursor={{ fill: chartColors.cursor }} content={tooltip} />
          <Bar dataKey="clvMinor" name={t('insights.clv.toDate')} fill={HORIZONS[3].color} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      )}
    </ResponsiveContainer>
  );
}
