import type { UseQueryResult } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PaymentsSummary } from '../../../../shared/contract';
import { pointTooltip } from '../../components/chart/ChartTooltip';
import { axisTick, chartColors, valueAxisProps } from '../../components/chart/chartStyle';
import { useI18n } from '../../i18n';
import { ChartCard } from '../dashboard/ChartCard';
import { codeLabel } from '../orders/labels';

type Reason = PaymentsSummary['refundsByReason'][number] & { label: string };
const BAR = 'var(--mantine-color-orange-filled)';

/** Refunded money by the reason given, largest first. */
export function RefundsByReason({ query }: { query: UseQueryResult<PaymentsSummary> }) {
  const { t } = useI18n();
  const reasons = (data: PaymentsSummary): Reason[] =>
    data.refundsByReason.map((r) => ({ ...r, label: r.reason ? codeLabel(t, 'payments.reason', r.reason) : t('payments.refunds.noReason') }));
  return (
    <ChartCard
      title={t('payments.chart.refundsByReason')}
      testId="payments-chart-refunds"
      filename="payments-refunds-by-reason"
      definition={t('payments.def.refunds')}
      query={query}
      isEmpty={(data) => data.refundsByReason.length === 0}
      emptyText={t('payments.chart.noRefunds')}
      csv={(data) => ({
        columns: ['reason', 'refunds', `amount_minor_${data.currency}`],
        rows: data.refundsByReason.map((r) => [r.reason, r.refunds, r.amountMinor]),
      })}
    >
      {(data) => <ReasonPlot reasons={reasons(data)} currency={data.currency} />}
    </ChartCard>
  );
}

function ReasonPlot({ reasons, currency }: { reasons: Reason[]; currency: string }) {
  const { t, format } = useI18n();
  return (
    <ResponsiveContainer width="100%" height={Math.max(140, reasons.length * 34 + 24)}>
      <BarChart data={reasons} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" {...valueAxisProps} tickFormatter={(v: number) => format.moneyCompact(v, currency)} />
        <YAxis type="category" dataKey="label" width={140} tick={axisTick} tickLine={false} axisLine={false} />
        <Tooltip
          cursor={{ fill: chartColors.cursor }}
          content={pointTooltip((r: Reason) => ({
            title: r.label,
            rows: [
              { label: t('payments.table.amount'), value: format.money(r.amountMinor, currency), color: BAR },
              { label: t('payments.kpi.refundsLabel'), value: format.number(r.refunds) },
            ],
          }))}
        />
        <Bar dataKey="amountMinor" fill={BAR} radius={[0, 3, 3, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
