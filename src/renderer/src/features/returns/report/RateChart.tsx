import { Center, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReturnRateRow } from '../../../../../shared/contract/returns';
import { ExportableChart } from '../../../components/chart/ExportableChart';
import { pointTooltip } from '../../../components/chart/ChartTooltip';
import { axisTick, chartColors, valueAxisProps } from '../../../components/chart/chartStyle';
import { useI18n } from '../../../i18n';

const ROW_HEIGHT = 30;

/** Return rates as horizontal bars, the highest first; the tooltip gives the counts behind each rate. */
export function RateChart({ title, subtitle, definition, filename, labelColumn, rows, soldLabel, testId }: {
  title: string; subtitle: string; definition: string; filename: string; labelColumn: string;
  rows: (ReturnRateRow & { display: string })[]; soldLabel: string; testId: string;
}) {
  const { t, format } = useI18n();
  const data = rows.filter((r) => r.rate !== null).slice(0, 10);
  const height = Math.max(160, data.length * ROW_HEIGHT + 40);
  // Small rates need a decimal on the axis, or every tick reads "1%".
  const tickDigits = Math.max(0, ...data.map((r) => r.rate ?? 0)) < 0.1 ? 1 : 0;
  const csv = {
    columns: [labelColumn, t('returns.report.rate'), t('returns.report.returned'), soldLabel],
    rows: data.map((r) => [r.display, r.rate, r.returned, r.sold]),
  };
  return (
    <div data-testid={testId}>
      <ExportableChart title={title} definition={definition} filename={filename} csv={csv}>
        <Text size="sm" c="dimmed" mt={-8} mb="md">{subtitle}</Text>
        {data.length === 0 ? (
          <Center h={160}><Text size="sm" c="dimmed">{t('returns.report.empty')}</Text></Center>
        ) : (
          <ResponsiveContainer width="100%" height={height}>
            <BarChart data={data} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" {...valueAxisProps} tickFormatter={(v: number) => format.percent(v, tickDigits)} />
              <YAxis type="category" dataKey="display" width={170} tick={axisTick} tickLine={false} axisLine={false} interval={0} />
              <Tooltip
                cursor={{ fill: chartColors.cursor }}
                content={pointTooltip((row: ReturnRateRow & { display: string }) => ({
                  title: row.display,
                  rows: [
                    { label: t('returns.report.rate'), value: format.percent(row.rate ?? 0), color: chartColors.revenue },
                    { label: t('returns.report.returned'), value: format.number(row.returned) },
                    { label: soldLabel, value: format.number(row.sold) },
                  ],
                }))}
              />
              <Bar dataKey="rate" name={t('returns.report.rate')} fill={chartColors.revenue} isAnimationActive={false} radius={[0, 3, 3, 0]} />
            </BarChart>
          </ResponsiveContainer>
        )}
      </ExportableChart>
    </div>
  );
}
