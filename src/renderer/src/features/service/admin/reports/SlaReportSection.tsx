import { Table } from '@mantine/core';
import type { SlaComplianceRow, TicketPriority } from '../../../../../../shared/contract';
import { useI18n, type Translate } from '../../../../i18n';
import { useSlaReport, type ReportRange } from '../api';
import { numeric, ReportSection, ReportTable } from './ReportScaffold';
import { WeeklyShareChart } from './WeeklyChart';

const PRIORITIES = new Set<string>(['low', 'normal', 'high', 'urgent']);

/** SLA compliance of the tickets created in the range: by week (chart), by priority and by staff member (tables). */
export function SlaReportSection({ range }: { range: ReportRange }) {
  const { t, format } = useI18n();
  return (
    <ReportSection
      title={t('service.admin.reports.slaTitle')}
      description={t('service.admin.reports.slaDefinition')}
      testId="sla-report"
      query={useSlaReport(range)}
      hasContent={(data) => data.byWeek.some((row) => row.compliance !== null)}
      emptyText={t('service.admin.reports.slaEmpty')}
    >
      {(data) => (
        <>
          <WeeklyShareChart
            testId="sla-report-chart"
            title={t('service.admin.reports.slaByWeek')}
            definition={t('service.admin.reports.slaByWeekDef')}
            filename="service-sla-by-week"
            shareLabel={t('service.admin.reports.compliance')}
            points={data.byWeek.map((row) => ({ ...row, week: row.key, share: row.compliance }))}
            describe={(row) => [
              { label: t('service.admin.reports.compliance'), value: row.share === null ? '—' : format.percent(row.share) },
              { label: t('service.admin.reports.tickets'), value: format.number(row.tickets) },
              { label: t('service.admin.reports.firstReplyMetMissed'), value: `${format.number(row.firstReplyMet)} / ${format.number(row.firstReplyMissed)}` },
              { label: t('service.admin.reports.resolutionMetMissed'), value: `${format.number(row.resolutionMet)} / ${format.number(row.resolutionMissed)}` },
            ]}
          />
          <ComplianceTable title={t('service.admin.reports.byPriority')} firstColumn={t('service.admin.sla.priority')} rows={data.byPriority} testId="sla-report-priority" />
          <ComplianceTable title={t('service.admin.reports.byStaff')} firstColumn={t('service.admin.reports.staffMember')} rows={data.byStaff} testId="sla-report-staff" />
        </>
      )}
    </ReportSection>
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
  return (
    <ReportTable
      title={title}
      empty={rows.length === 0}
      minWidth={760}
      testId={testId}
      head={
        <>
          <Table.Th>{firstColumn}</Table.Th>
          <Table.Th {...numeric}>{t('service.admin.reports.tickets')}</Table.Th>
          <Table.Th {...numeric}>{t('service.admin.reports.firstReplyMet')}</Table.Th>
          <Table.Th {...numeric}>{t('service.admin.reports.firstReplyMissed')}</Table.Th>
          <Table.Th {...numeric}>{t('service.admin.reports.resolutionMet')}</Table.Th>
          <Table.Th {...numeric}>{t('service.admin.reports.resolutionMissed')}</Table.Th>
          <Table.Th {...numeric}>{t('service.admin.reports.compliance')}</Table.Th>
        </>
      }
    >
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
    </ReportTable>
  );
}
