import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { axisTick, chartColors, periodAxisProps, valueAxisProps } from '../../../../components/chart/chartStyle';
import { pointTooltip, type TooltipRow } from '../../../../components/chart/ChartTooltip';
import { ExportableChart } from '../../../../components/chart/ExportableChart';
import { useI18n } from '../../../../i18n';

const SHARE_TICKS = [0, 0.25, 0.5, 0.75, 1];

export interface WeekPoint {
  /** The week's Monday, YYYY-MM-DD. */
  week: string;
  /** A share in [0, 1]; null when nothing was measured that week (no bar, not a zero). */
  share: number | null;
}

/**
 * One bar per week of a share (SLA compliance, satisfied customers), 0–100 %,
 * in an exportable card (CSV: the week's Monday and the share, empty when unmeasured).
 * `describe` gives the tooltip's rows for the week under the pointer.
 */
export function WeeklyShareChart<P extends WeekPoint>({
  title,
  definition,
  filename,
  shareLabel,
  points,
  describe,
  color = chartColors.revenue,
  height = 260,
  testId,
}: {
  title: string;
  definition: string;
  filename: string;
  /** The share's column name in the CSV. */
  shareLabel: string;
  points: P[];
  describe: (point: P) => TooltipRow[];
  color?: string;
  height?: number;
  testId: string;
}) {
  const { t, format } = useI18n();
  const data = points.map((p) => ({ ...p, period: format.dayShort(p.week) }));
  const csv = { columns: [t('service.admin.reports.week'), shareLabel], rows: points.map((p) => [p.week, p.share]) };
  return (
    <div data-testid={testId}>
      <ExportableChart title={title} definition={definition} filename={filename} csv={csv}>
        <div role="img" aria-label={data.map((p) => `${p.period}: ${p.share === null ? '—' : format.percent(p.share)}`).join(', ')}>
          <ResponsiveContainer width="100%" height={height}>
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" vertical={false} />
              <XAxis {...periodAxisProps} />
              <YAxis {...valueAxisProps} width={48} domain={[0, 1]} ticks={SHARE_TICKS} tickFormatter={(v: number) => format.percent(v, 0)} tick={axisTick} />
              <Tooltip
                cursor={{ fill: chartColors.cursor }}
                content={pointTooltip((point: P & { period: string }) => ({
                  title: format.date(point.week),
                  rows: describe(point),
                }))}
              />
              <Bar dataKey="share" fill={color} radius={[4, 4, 0, 0]} maxBarSize={36} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </ExportableChart>
    </div>
  );
}
