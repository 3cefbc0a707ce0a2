import { Alert, Group, List, Paper, SegmentedControl, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { CampaignDetail, CampaignReport } from '../../../../../shared/contract';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useCampaignReport } from '../api';
import { caveatSentence } from './caveats';
import { ComparisonCards } from './ComparisonCards';
import { CostCards } from './CostCards';
import { ReportCharts } from './ReportCharts';

type Confidence = 0.9 | 0.95 | 0.99;

/** Treatment against holdout since the launch: the figures, their intervals, the cost and the return. */
export function ReportTab({ campaign }: { campaign: CampaignDetail }) {
  const { t, format } = useI18n();
  const [confidence, setConfidence] = useState<Confidence>(0.95);
  const launched = campaign.launchedAt !== null;
  const report = useCampaignReport(campaign.id, confidence, launched);
  if (!launched) {
    return <Alert color="blue" icon={<IconInfoCircle size={18} />} data-testid="report-not-launched">{t('campaigns.report.notLaunched')}</Alert>;
  }
  if (report.isPending) return <Skeleton height={360} radius="md" data-testid="report-loading" />;
  if (report.isError) return <QueryError error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  return (
    <Stack gap="md" data-testid="campaign-report" style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
      <Group justify="space-between" wrap="wrap">
        <MeasuredLine report={r} />
        <SegmentedControl
          size="xs"
          aria-label={t('campaigns.report.confidenceLabel')}
          value={String(confidence)}
          onChange={(v) => setConfidence(Number(v) as Confidence)}
          data={['0.9', '0.95', '0.99'].map((v) => ({ value: v, label: t('campaigns.report.confidence', { confidence: `${Math.round(Number(v) * 100)}%` }) }))}
        />
      </Group>
      {r.caveats.length > 0 && (
        <Alert color="yellow" variant="light" title={t('campaigns.report.caveats')} data-testid="report-caveats">
          <List size="sm">{r.caveats.map((c) => <List.Item key={c}>{caveatSentence(t, format, c)}</List.Item>)}</List>
        </Alert>
      )}
      <ComparisonCards report={r} />
      <CostCards report={r} stale={report.isPlaceholderData} />
      <ArmsTable report={r} />
      <ReportCharts report={r} />
    </Stack>
  );
}

function MeasuredLine({ report }: { report: CampaignReport }) {
  const { t, format } = useI18n();
  return (
    <Text size="sm" c="dimmed" data-testid="report-window">
      {t('campaigns.report.measured', { from: format.date(report.measuredFrom), to: format.date(report.measuredTo) })}
    </Text>
  );
}

function ArmsTable({ report }: { report: CampaignReport }) {
  const { t, format } = useI18n();
  return (
    <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
      <Table verticalSpacing="xs" data-testid="report-arms" aria-label={t('campaigns.report.armsLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('campaigns.report.arm')}</Table.Th>
            <Table.Th ta="right">{t('campaigns.report.customers')}</Table.Th>
            <Table.Th ta="right">{t('campaigns.report.buyers')}</Table.Th>
            <Table.Th ta="right">{t('campaigns.report.orders')}</Table.Th>
            <Table.Th ta="right">{t('campaigns.report.revenue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.arms.map((a) => (
            <Table.Tr key={a.arm} data-testid={`report-arm-${a.arm}`} data-customers={a.customers}>
              <Table.Td>{t(a.arm === 'treatment' ? 'campaigns.report.treatment' : 'campaigns.report.holdout')}</Table.Td>
              <Table.Td ta="right">{format.number(a.customers)}</Table.Td>
              <Table.Td ta="right">{format.number(a.buyers)}</Table.Td>
              <Table.Td ta="right">{format.number(a.orders)}</Table.Td>
              <Table.Td ta="right">{format.money(a.revenueMinor, report.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
