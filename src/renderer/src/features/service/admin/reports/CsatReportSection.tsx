import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { CsatReport, CsatReportRow } from '../../../../../../shared/contract';
import { hrefFor } from '../../../../app/router';
import { chartColors } from '../../../../components/chart/chartStyle';
import { useI18n } from '../../../../i18n';
import { ticketPath } from '../../routes';
import { useCsatReport, type ReportRange } from '../api';
import { numeric, ReportSection, ReportTable } from './ReportScaffold';
import { WeeklyShareChart } from './WeeklyChart';

/** Customer satisfaction answers: by week (chart), by staff member (table) and the latest comments. */
export function CsatReportSection({ range }: { range: ReportRange }) {
  const { t, format } = useI18n();
  return (
    <ReportSection
      title={t('service.admin.reports.csatTitle')}
      description={t('service.admin.reports.csatDefinition')}
      testId="csat-report"
      query={useCsatReport(range)}
      hasContent={(data) => data.byWeek.some((row) => row.responses > 0)}
      emptyText={t('service.admin.reports.csatEmpty')}
    >
      {(data) => (
        <>
          <WeeklyShareChart
            testId="csat-report-chart"
            title={t('service.admin.reports.csatByWeek')}
            definition={t('service.admin.reports.csatByWeekDef')}
            filename="service-csat-by-week"
            shareLabel={t('service.admin.reports.satisfied')}
            color={chartColors.newCustomers}
            points={data.byWeek.map((row) => ({ ...row, week: row.key, share: row.satisfied }))}
            describe={(row) => [
              { label: t('service.admin.reports.satisfied'), value: row.share === null ? '—' : format.percent(row.share) },
              { label: t('service.admin.reports.average'), value: row.average === null ? '—' : row.average.toFixed(2) },
              { label: t('service.admin.reports.responses'), value: `${format.number(row.responses)} / ${format.number(row.requests)}` },
            ]}
          />
          <CsatStaffTable rows={data.byStaff} />
          <RecentComments comments={data.recentComments} />
        </>
      )}
    </ReportSection>
  );
}

function CsatStaffTable({ rows }: { rows: CsatReportRow[] }) {
  const { t, format } = useI18n();
  return (
    <ReportTable
      title={t('service.admin.reports.byStaff')}
      empty={rows.length === 0}
      minWidth={640}
      testId="csat-report-staff"
      head={
        <>
          <Table.Th>{t('service.admin.reports.staffMember')}</Table.Th>
          <Table.Th {...numeric}>{t('service.admin.reports.requests')}</Table.Th>
          <Table.Th {...numeric}>{t('service.admin.reports.responses')}</Table.Th>
          <Table.Th {...numeric}>{t('service.admin.reports.responseRate')}</Table.Th>
          <Table.Th {...numeric}>{t('service.admin.reports.satisfied')}</Table.Th>
          <Table.Th {...numeric}>{t('service.admin.reports.average')}</Table.Th>
        </>
      }
    >
      {rows.map((row) => (
        <Table.Tr key={row.key} data-testid="csat-report-staff-row">
          <Table.Td fw={500}>{row.key === 'none' ? t('service.admin.reports.unassigned') : row.label}</Table.Td>
          <Table.Td {...numeric}>{format.number(row.requests)}</Table.Td>
          <Table.Td {...numeric}>{format.number(row.responses)}</Table.Td>
          <Table.Td {...numeric}>{row.requests === 0 ? '—' : format.percent(row.responses / row.requests)}</Table.Td>
          <Table.Td {...numeric} fw={600}>{row.satisfied === null ? '—' : format.percent(row.satisfied)}</Table.Td>
          <Table.Td {...numeric}>{row.average === null ? '—' : row.average.toFixed(2)}</Table.Td>
        </Table.Tr>
      ))}
    </ReportTable>
  );
}

const SCORE_COLORS = ['red', 'red', 'orange', 'teal', 'teal'] as const;

function RecentComments({ comments }: { comments: CsatReport['recentComments'] }) {
  const { t, format } = useI18n();
  return (
    <Stack gap="xs" data-testid="csat-comments">
      <Title order={3} fz="sm" fw={600}>{t('service.admin.reports.recentComments')}</Title>
      {comments.length === 0 ? (
        <Text size="sm" c="dimmed">{t('service.admin.reports.noComments')}</Text>
      ) : (
        comments.map((comment) => (
          <Paper key={`${comment.ticketId}-${comment.at}`} withBorder radius="sm" p="sm" data-testid="csat-comment">
            <Group gap="xs" mb={4}>
              <Badge color={SCORE_COLORS[comment.score - 1] ?? 'gray'} variant="light">
                {t('service.admin.reports.score', { score: comment.score })}
              </Badge>
              <Text size="xs" c="dimmed">
                {t('service.admin.reports.commentMeta', {
                  ticket: comment.ticketId,
                  date: format.date(comment.at),
                  staff: comment.staffName ?? t('service.admin.reports.unassigned'),
                })}
              </Text>
            </Group>
            <Text size="sm">{comment.comment}</Text>
            <Anchor href={hrefFor(ticketPath(comment.ticketId))} size="xs">{t('service.admin.reports.openTicket')}</Anchor>
          </Paper>
        ))
      )}
    </Stack>
  );
}
