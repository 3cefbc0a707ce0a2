import { Table } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PaymentsSummary } from '../../../../shared/contract';
import { pointTooltip } from '../../components/chart/ChartTooltip';
import { axisTick, chartColors, valueAxisProps } from '../../components/chart/chartStyle';
import { useI18n } from '../../i18n';
import { ChartCard } from '../dashboard/ChartCard';
import { codeLabel } from '../orders/labels';

interface Slice {
  key: string;
  label: string;
  payments: number;
  amountMinor: number;
  share: number;
  failed?: number;
}

const BAR = 'var(--mantine-primary-color-filled)';

/** Revenue by payment method or by gateway: a bar each, and the figures in a table below. */
export function BreakdownChart({ query, by }: { query: UseQueryResult<PaymentsSummary>; by: 'method' | 'gateway' }) {
  const { t } = useI18n();
  const slices = (data: PaymentsSummary): Slice[] =>
    by === 'method'
      ? data.byMethod.map((m) => ({ key: m.method, label: codeLabel(t, 'orders.method', m.method), payments: m.payments, amountMinor: m.amountMinor, share: m.share }))
      : data.byGateway.map((g) => ({ key: g.gateway, label: codeLabel(t, 'payments.gateway', g.gateway), payments: g.payments, amountMinor: g.amountMinor, share: g.share, failed: g.failed }));
  return (
    <ChartCard
      title={t(by === 'method' ? 'payments.chart.byMethod' : 'payments.chart.byGateway')}
      testId={`payments-chart-${by}`}
      filename={`payments-revenue-by-${by}`}
      definition={t('payments.def.breakdown')}
      query={query}
      isEmpty={(data) => slices(data).length === 0}
      emptyText={t('payments.chart.empty')}
      csv={(data) => ({
        columns: [by, 'payments', `amount_minor_${data.currency}`, 'share', ...(by === 'gateway' ? ['failed'] : [])],
        rows: slices(data).map((s) => [s.key, s.payments, s.amountMinor, s.share, ...(by === 'gateway' ? [s.failed ?? 0] : [])]),
      })}
    >
      {(data) => <BreakdownBody slices={slices(data)} currency={data.currency} gateway={by === 'gateway'} />}
    </ChartCard>
  );
}

function BreakdownBody({ slices, currency, gateway }: { slices: Slice[]; currency: string; gateway: boolean }) {
  const { t, format } = useI18n();
  const height = Math.max(120, slices.length * 34 + 24);
  return (
    <>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={slices} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" {...valueAxisProps} tickFormatter={(v: number) => format.moneyCompact(v, currency)} />
          <YAxis type="category" dataKey="label" width={110} tick={axisTick} tickLine={false} axisLine={false} />
          <Tooltip
            cursor={{ fill: chartColors.cursor }}
            content={pointTooltip((s: Slice) => ({
              title: s.label,
              rows: [
                { label: t('payments.table.amount'), value: format.money(s.amountMinor, currency), color: BAR },
                { label: t('payments.table.payments'), value: format.number(s.payments) },
                { label: t('payments.table.share'), value: format.percent(s.share) },
              ],
            }))}
          />
          <Bar dataKey="amountMinor" fill={BAR} radius={[0, 3, 3, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <Table mt="sm" fz="sm" striped style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(gateway ? 'payments.table.gateway' : 'payments.table.method')}</Table.Th>
            <Table.Th ta="right">{t('payments.table.payments')}</Table.Th>
            <Table.Th ta="right">{t('payments.table.amount')}</Table.Th>
            <Table.Th ta="right">{t('payments.table.share')}</Table.Th>
            {gateway && <Table.Th ta="right">{t('payments.table.failed')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {slices.map((s) => (
            <Table.Tr key={s.key} data-testid="payments-breakdown-row" data-key={s.key} data-amount={s.amountMinor}>
              <Table.Td>{s.label}</Table.Td>
              <Table.Td ta="right">{format.number(s.payments)}</Table.Td>
              <Table.Td ta="right">{format.money(s.amountMinor, currency)}</Table.Td>
              <Table.Td ta="right">{format.percent(s.share)}</Table.Td>
              {gateway && <Table.Td ta="right">{format.number(s.failed ?? 0)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
