import { Anchor, Group, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPercentage } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { hrefFor } from '../../../app/router';
import { KpiCard } from '../../../components/KpiCard';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useReturnPolicy, useReturnsReport } from '../api';
import { reasonText } from '../labels';
import { RateChart } from './RateChart';

const RANGES = [30, 90, 365] as const;

function rangeOf(days: number): { from: string; to: string } {
  const to = new Date();
  const from = new Date(to.getTime() - (days - 1) * 86_400_000);
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** How much comes back: by product, by reason, by customer, and who returns habitually. */
export function ReturnsReportView() {
  const { t, format, locale } = useI18n();
  const [days, setDays] = useState<(typeof RANGES)[number]>(90);
  const range = useMemo(() => rangeOf(days), [days]);
  const report = useReturnsReport(range);
  const policy = useReturnPolicy().data;
  const controls = (
    <SegmentedControl value={String(days)} onChange={(v) => setDays(Number(v) as (typeof RANGES)[number])}
      aria-label={t('returns.report.range')} data-testid="returns-report-range"
      data={RANGES.map((d) => ({ value: String(d), label: t('returns.report.lastDays', { days: d }) }))} />
  );
  if (report.isError) return <Stack>{controls}<QueryError error={report.error} onRetry={() => void report.refetch()} /></Stack>;
  const data = report.data;
  if (!data) return <Stack>{controls}<Loader aria-label={t('returns.loading')} /></Stack>;
  const products = data.byProduct.map((r) => ({ ...r, display: r.label }));
  const reasons = data.byReason.map((r) => ({ ...r, display: reasonText(policy, r.key, locale) }));
  return (
    <Stack gap="lg" data-testid="returns-report">
      <Group justify="space-between">{controls}<Text size="sm" c="dimmed">{t('returns.report.cohort', { from: format.date(data.range.from), to: format.date(data.range.to) })}</Text></Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <KpiCard testId="returns-overall-rate" label={t('returns.report.overall')} icon={IconPercentage}
          display={data.overallRate === null ? '—' : format.percent(data.overallRate)} value={data.overallRate} note={t('returns.report.overallNote')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <RateChart title={t('returns.report.byProduct')} subtitle={t('returns.report.byProductHint')} rows={products}
          definition={t('returns.report.byProductDef')} filename="return-rate-by-product" labelColumn={t('returns.report.product')}
          soldLabel={t('returns.report.unitsDelivered')} testId="returns-chart-product" />
        <RateChart title={t('returns.report.byReason')} subtitle={t('returns.report.byReasonHint')} rows={reasons}
          definition={t('returns.report.byReasonDef')} filename="return-rate-by-reason" labelColumn={t('returns.report.reason')}
          soldLabel={t('returns.report.ordersDelivered')} testId="returns-chart-reason" />
      </SimpleGrid>
      <Paper withBorder radius="md" p="md" data-testid="returns-serial">
        <Title order={2} fz="md" mb={4}>{t('returns.report.serial')}</Title>
        <Text size="sm" c="dimmed" mb="sm">{t('returns.report.serialHint', { threshold: policy?.serialReturnerThreshold ?? '' })}</Text>
        {data.serialReturners.length === 0 ? (
          <Text size="sm" c="dimmed">{t('returns.report.serialNone')}</Text>
        ) : (
          <Table striped withRowBorders={false}>
            <Table.Thead><Table.Tr>
              <Table.Th>{t('returns.col.customer')}</Table.Th>
              <Table.Th ta="right">{t('returns.report.returns12')}</Table.Th>
              <Table.Th ta="right">{t('returns.report.orders12')}</Table.Th>
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {data.serialReturners.map((s) => (
                <Table.Tr key={s.customerId} data-testid="returns-serial-row">
                  <Table.Td><Anchor href={hrefFor(`/customers/${s.customerId}`)} size="sm">{s.name ?? `#${s.customerId}`}</Anchor></Table.Td>
                  <Table.Td ta="right">{format.number(s.returns)}</Table.Td>
                  <Table.Td ta="right">{format.number(s.orders)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={2} fz="md" mb="sm">{t('returns.report.byCustomer')}</Title>
        {data.byCustomer.length === 0 ? <Text size="sm" c="dimmed">{t('returns.report.empty')}</Text> : (
          <Table striped withRowBorders={false} data-testid="returns-by-customer">
            <Table.Thead><Table.Tr>
              <Table.Th>{t('returns.col.customer')}</Table.Th>
              <Table.Th ta="right">{t('returns.report.returned')}</Table.Th>
              <Table.Th ta="right">{t('returns.report.ordersDelivered')}</Table.Th>
              <Table.Th ta="right">{t('returns.report.rate')}</Table.Th>
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {data.byCustomer.slice(0, 15).map((c) => (
                <Table.Tr key={c.key}>
                  <Table.Td><Anchor href={hrefFor(`/customers/${c.key}`)} size="sm">{c.label}</Anchor></Table.Td>
                  <Table.Td ta="right">{format.number(c.returned)}</Table.Td>
                  <Table.Td ta="right">{format.number(c.sold)}</Table.Td>
                  <Table.Td ta="right">{c.rate === null ? '—' : format.percent(c.rate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
