import { Center, Text } from '@mantine/core';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LiabilityMonth, LiabilityReport } from '../../../../../shared/contract';
import { toMajor } from '../../../../../shared/money';
import { ExportableChart } from '../../../components/chart/ExportableChart';
import { useI18n } from '../../../i18n';
import { chartColors, legendStyle, valueAxisProps, axisTick } from '../../../components/chart/chartStyle';
import { pointTooltip } from '../../../components/chart/ChartTooltip';

const CHART_HEIGHT = 280;
/** The running total is a second series; orange keeps it apart from the bars in light and dark. */
const CUMULATIVE_COLOR = 'var(--mantine-color-orange-filled)';

/** Points expiring in each of the next 12 months (bars) and the running total (line). */
export function ExpiringByMonthChart({ report }: { report: LiabilityReport }) {
  const { t, format } = useI18n();
  const currency = report.currency ?? 'USD';
  const empty = report.expiringByMonth.every((m) => m.points === 0);
  const monthlyLabel = t('loyalty.liability.chart.points');
  const cumulativeLabel = t('loyalty.liability.chart.cumulative');
  const csv = {
    columns: [
      t('loyalty.liability.chart.month'), monthlyLabel, t('loyalty.liability.chart.value'), cumulativeLabel,
      t('loyalty.liability.chart.currency'),
    ],
    rows: empty
      ? []
      : report.expiringByMonth.map((m) => [m.month, m.points, toMajor(m.valueMinor, currency), m.cumulativePoints, currency]),
  };
  return (
    <div data-testid="chart-expiring-by-month">
      <ExportableChart
        title={t('loyalty.liability.chart.title')}
        definition={t('loyalty.liability.chart.def')}
        filename="loyalty-points-expiring-by-month"
        csv={csv}
      >
        <Text size="sm" c="dimmed" mt={-8} mb="md">
          {report.neverExpiringPoints > 0
            ? t('loyalty.liability.chart.never', { points: format.number(report.neverExpiringPoints) })
            : t('loyalty.liability.chart.subtitle')}
        </Text>
        {empty ? (
          <Center h={CHART_HEIGHT}>
            <Text c="dimmed" size="sm">{t('loyalty.liability.chart.empty')}</Text>
          </Center>
        ) : (
          <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
            <ComposedChart data={report.expiringByMonth} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" vertical={false} />
              <XAxis
                dataKey="month"
                tick={axisTick}
                tickLine={false}
                axisLine={{ stroke: chartColors.grid }}
                minTickGap={16}
                tickFormatter={(month: string) => format.month(month)}
              />
              <YAxis {...valueAxisProps} width={64} allowDecimals={false} tickFormatter={(v: number) => format.number(v)} />
              <Tooltip
                cursor={{ fill: chartColors.cursor }}
                content={pointTooltip((point: LiabilityMonth) => ({
                  title: format.month(point.month),
                  rows: [
                    { label: monthlyLabel, value: format.number(point.points), color: chartColors.revenue },
                    { label: t('loyalty.liability.chart.value'), value: format.money(point.valueMinor, currency) },
                    { label: cumulativeLabel, value: format.number(point.cumulativePoints), color: CUMULATIVE_COLOR },
                  ],
                }))}
              />
              <Legend
                iconType="square"
                iconSize={10}
                itemSorter={null}
                wrapperStyle={legendStyle}
                formatter={(label: string) => <span style={legendStyle}>{label}</span>}
              />
              <Bar dataKey="points" name={monthlyLabel} fill={chartColors.revenue} isAnimationActive={false} radius={[3, 3, 0, 0]} />
              <Line
                dataKey="cumulativePoints"
                name={cumulativeLabel}
                stroke={CUMULATIVE_COLOR}
                strokeWidth={2}
                dot={false}
                type="monotone"
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        )}
      </ExportableChart>
    </div>
  );
}
