import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SegmentList, SegmentSummary } from '../../../../../shared/contract';
import { toMajor } from '../../../../../shared/money';
import { ExportableChart } from '../../../components/chart/ExportableChart';
import { useI18n } from '../../../i18n';
// Shared chart look (colours as CSS variables, Mantine-surfaced tooltips), so every chart reads alike.
import { axisTick, chartColors, valueAxisProps } from '../../../components/chart/chartStyle';
import { pointTooltip } from '../../../components/chart/ChartTooltip';
import { SEGMENT_LABEL, segmentFill } from '../labels';

const ROW_HEIGHT = 34;

/** One horizontal bar per segment: its share of all revenue, in the segments' fixed order. */
export function SegmentShareChart({ data }: { data: SegmentList }) {
  const { t, format } = useI18n();
  const points = data.segments.map((s) => ({ ...s, label: t(SEGMENT_LABEL[s.segment]) }));
  const ticks = shareTicks(Math.max(...points.map((p) => p.revenueShare)));
  return (
    <div data-testid="segments-chart">
      <ExportableChart
        title={t('customers.segments.chartTitle')}
        definition={t('customers.segments.chartDef')}
        filename="customer-segments-revenue-share"
        csv={{
          columns: [
            t('customers.segments.segment'), t('customers.segments.share'), t('customers.segments.revenue'),
            t('customers.segments.customers'), t('customers.segments.aov'), t('customers.segments.currency'),
          ],
          rows: points.map((p) => [
            p.label, p.revenueShare, toMajor(p.revenueMinor, data.currency), p.customers,
            p.averageOrderValueMinor === null ? null : toMajor(p.averageOrderValueMinor, data.currency), data.currency,
          ]),
        }}
      >
        <ResponsiveContainer width="100%" height={points.length * ROW_HEIGHT + 40}>
          <BarChart data={points} layout="vertical" margin={{ top: 0, right: 24, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" horizontal={false} />
            <XAxis
              type="number"
              {...valueAxisProps}
              ticks={ticks}
              domain={[0, ticks[ticks.length - 1] ?? 1]}
              tickFormatter={(v: number) => format.percent(v, 0)}
            />
            <YAxis type="category" dataKey="label" width={130} tick={axisTick} tickLine={false} axisLine={false} />
            <Tooltip
              cursor={{ fill: chartColors.cursor }}
              content={pointTooltip((point: SegmentSummary & { label: string }) => ({
                title: point.label,
                rows: [
                  { label: t('customers.segments.share'), value: format.percent(point.revenueShare), color: segmentFill(point.segment) },
                  { label: t('customers.segments.revenue'), value: format.money(point.revenueMinor, data.currency) },
                  { label: t('customers.segments.customers'), value: format.number(point.customers) },
                  {
                    label: t('customers.segments.aov'),
                    value: point.averageOrderValueMinor === null ? '—' : format.money(point.averageOrderValueMinor, data.currency),
                  },
                ],
              }))}
            />
            <Bar dataKey="revenueShare" isAnimationActive={false} radius={[0, 4, 4, 0]} barSize={18}>
              {points.map((point) => (
                <Cell key={point.segment} fill={segmentFill(point.segment)} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </ExportableChart>
    </div>
  );
}

/** Round percentages (0 %, 5 %, 10 %…) up to just past the largest share. */
export function shareTicks(maxShare: number): number[] {
  const step = maxShare <= 0.2 ? 0.05 : maxShare <= 0.5 ? 0.1 : 0.2;
  const top = Math.min(1, Math.max(step, Math.ceil(maxShare / step - 1e-9) * step));
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + 1e-9; i += 1) ticks.push(Math.round(i * step * 100) / 100);
  return ticks;
}
