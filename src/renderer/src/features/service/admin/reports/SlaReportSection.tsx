import { Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { SlaComplianceRow, TicketPriority } from '../../../../../../shared/contract';
import { QueryError } from '../../../../components/QueryError';
import { useI18n, type Translate } from '../../../../i18n';
import { useSlaReport, type ReportRange } from '../api';
import { Section } from '../Section';
import { WeeklyShareChart } from './WeeklyChart';

const PRIORITIES = new Set<string>(['low', 'normal', 'high', 'urgent']);

/** SLA compliance of the tickets created in the range: by week (chart), by priority and by staff member (tables). */
export function SlaReportSection({ range }: { range: ReportRange }) {
  const { t, format } = useI18n();
  const report = useSlaReport(range);
  const measured = report.data?.byWeek.some((row) => row.compliance !== null) ?? false;
  return (
    <Section title={t('service.admin.reports.slaTitle')} description={t('service.admin.reports.slaDefinition')} testId="sla-report">
      {report.isPending && <Skeleton height={320} />}
      {report.isError && <QueryError error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && !measured && (
        <Text size="sm" c="dimmed" data-testid="sla-report-empty">{t('service.admin.reports.slaEmpty')}</Text>
      )}
      {report.data && measured && (
        <Stack gap="lg" style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
          <WeeklyShareChart
            testId="sla-report-chart"
            points={report.data.byWeek.map((row) => ({ ...row, week: row.key, share: row.compliance }))}
            describe={(row) => [
              { label: t('service.admin.reports.compliance'), value: row.share === null ? '—' : format.percent(row.share) },
              { label: t('service.admin.reports.tickets'), value: format.number(row.tickets) },
              { label: t('service.admin.reports.firstReplyMetMissed'), value: `${format.number(row.firstReplyMet)} / ${format.number(row.firstReplyMissed)}` },
              { label: t('service.admin.reports.resolutionMetMissed'), value: `${format.number(row.resolutionMet)} / ${format.number(row.resolutionMissed)}` },
            ]}
          />
          <ComplianceTable title={t('service.admin.reports.byPriority')} firstColumn={t('service.admin.sla.priority')} rows={report.data.byPriority} testId="sla-report-priority" />
          <ComplianceTable title={t('service.admin.reports.byStaff')} firstColumn={t('service.admin.reports.staffMember')} rows={report.data.byStaff} testId="sla-report-staff" />
        </Stack>
      )}
    </Section>
  );
}

/** Priorities and "nobody" in the UI language; staff names as they are. */
function rowLabel(t: Translate, row: SlaComplianceRow): string {
  if (PRIORITIES.has(row.key)) return t(`service.admin.priority.${row.key as TicketPriority}`);
  if (row.key === 'none') return t('service.admin.reports.unassigned');
  return row.label;
}

function ComplianceTable({ title, firstColumn, rows, testId }: { title: string; firstColumn: string; rows: SlaComplianceRow[]; testId: string }) {
  const { t, format } = useI18n();
  const numeric = { ta: 'right' as const, style: { fontVariantNumeric: 'tabular-nums' } };
  return (
    <Stack gap="xs">
      <Title order={3} fz="sm" fw={600}>{title}</Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">{t('service.admin.reports.noRows')}</Text>
      ) : (
        <Paper withBorder radius="sm">
          <Table.ScrollContainer minWidth={760} type="native">
            <Table striped verticalSpacing={6} data-testid={testId}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{firstColumn}</Table.Th>
                  <Table.Th {...numeric}>{t('service.admin.reports.tickets')}</Table.Th>
                  <Table.Th {...numeric}>{t('service.admin.reports.firstReplyMet')}</Table.Th>
                  <Table.Th {...numeric}>{t('service.admin.reports.firstReplyMissed')}</Table.Th>
                  <Table.Th {...numeric}>{t('service.admin.reports.resolutionMet')}</Table.Th>
                  <Table.Th {...numeric}>{t('service.admin.reports.resolutionMissed')}</Table.Th>
                  <Table.Th {...numeric}>{t('service.admin.reports.compliance')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.key} data-testid={`${testId}-row`} data-key={row.key}>
                    <Table.Td fw={500}>{rowLabel(t, row)}</Table.Td>
                    <Table.Td {...numeric}>{format.number(row.tickets)}</Table.Td>
                    <Table.Td {...numeric}>{format.number(row.firstReplyMet)}</Table.Td>
                    <Table.Td {...numeric} c={row.firstReplyMissed > 0 ? 'red' : undefined}>{format.number(row.firstReplyMissed)}</Table.Td>
                    <Table.Td {...numeric}>{format.number(row.resolutionMet)}</Table.Td>
                    <Table.Td {...numeric} c={row.resolutionMissed > 0 ? 'red' : undefined}>{format.number(row.resolutionMissed)}</Table.Td>
                    <Table.Td {...numeric} fw={600}>{row.compliance === null ? '—' : format.percent(row.compliance)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
