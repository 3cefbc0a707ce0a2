import { SimpleGrid } from '@mantine/core';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CampaignReport } from '../../../../../shared/contract';
import { pointTooltip } from '../../../components/chart/ChartTooltip';
import { chartColors, legendStyle, periodAxisProps, valueAxisProps } from '../../../components/chart/chartStyle';
import { ExportableChart } from '../../../components/chart/ExportableChart';
import { useI18n } from '../../../i18n';

const HEIGHT = 260;
const TREATMENT = 'var(--mantine-primary-color-filled)';
const HOLDOUT = 'var(--mantine-color-gray-6)';

type Point = { period: string; treatment: number; holdout: number };

/** The two arms over the measured window: cumulative repeat rate and revenue per customer. */
export function ReportCharts({ report }: { report: CampaignReport }) {
  const { t, format } = useI18n();
  const id = report.campaignId;
  const repeat: Point[] = report.series.map((s) => ({ period: s.day, treatment: s.treatmentRepeatRate, holdout: s.holdoutRepeatRate }));
  const revenue: Point[] = report.series.map((s) => ({ period: s.day, treatment: s.treatmentRevenuePerCustomer, holdout: s.holdoutRevenuePerCustomer }));
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <ExportableChart
        title={t('campaigns.report.chartRepeat')}
        definition={t('campaigns.report.def.chartRepeat')}
        filename={`campaign-${id}-repeat-rate`}
        csv={{ columns: ['day', 'treatment_repeat_rate', 'holdout_repeat_rate'], rows: repeat.map((p) => [p.period, p.treatment, p.holdout]) }}
        height={HEIGHT}
      >
        <ArmsLine points={repeat} value={(v) => format.percent(v)} testId="report-chart-repeat" />
      </ExportableChart>
      <ExportableChart
        title={t('campaigns.report.chartRevenue')}
        definition={t('campaigns.report.def.chartRevenue')}
        filename={`campaign-${id}-revenue-per-customer`}
        csv={{
          columns: ['day', 'treatment_revenue_per_customer_minor', 'holdout_revenue_per_customer_minor'],
          rows: revenue.map((p) => [p.period, p.treatment, p.holdout]),
        }}
        height={HEIGHT}
      >
        <ArmsLine points={revenue} value={(v) => format.money(Math.round(v), report.currency)} axis={(v) => format.moneyCompact(v, report.currency)} testId="report-chart-revenue" />
      </ExportableChart>
    </SimpleGrid>
  );
}

function ArmsLine({ points, value, axis, testId }: { points: Point[]; value: (v: number) => string; axis?: (v: number) => string; testId: string }) {
  const { t, format } = useI18n();
  return (
    <div data-testid={testId} style={{ height: '100%' }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" vertical={false} />
          <XAxis {...periodAxisProps} tickFormatter={(day: string) => format.dayShort(day)} />
          <YAxis {...valueAxisProps} width={60} tickFormatter={axis ?? value} />
          <Tooltip
            content={pointTooltip((p: Point) => ({
              title: format.date(p.period),
              rows: [
                { label: t('campaigns.report.treatment'), value: value(p.treatment), color: TREATMENT },
                { label: t('campaigns.report.holdout'), value: value(p.holdout), color: HOLDOUT },
              ],
            }))}
          />
          <Legend wrapperStyle={legendStyle} iconType="plainline" />
          <Line type="monotone" dataKey="treatment" name={t('campaigns.report.treatment')} stroke={TREATMENT} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="holdout" name={t('campaigns.report.holdout')} stroke={HOLDOUT} strokeWidth={2} strokeDasharray="5 4" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
