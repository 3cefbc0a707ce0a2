import { Anchor, Badge, Button, CloseButton, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { CustomerSegment, SegmentList } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { SEGMENT_COLOR, SEGMENT_LABEL, SEGMENT_MEANING } from '../labels';
import type { SegmentExportState } from './useSegmentExport';
import { FILTERS_STORAGE_KEY, NO_FILTERS, type CustomerFilterState } from '../list/CustomerFilters';

const numeric = { fontVariantNumeric: 'tabular-nums' } as const;

/** Each segment's figures, with its CSV export (a progress bar while it runs). */
export function SegmentTable({
  data,
  exportState,
  onExport,
  onCancelExport,
}: {
  data: SegmentList;
  exportState: SegmentExportState;
  onExport: (segment: CustomerSegment) => void;
  onCancelExport: () => void;
}) {
  const { t, format } = useI18n();
  const money = (minor: number | null) => (minor === null ? '—' : format.money(minor, data.currency));
  const inSegments = data.segments.reduce((sum, s) => sum + s.customers, 0);
  return (
    <Paper withBorder p="md" radius="md">
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing="sm" data-testid="segments-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customers.col.segment')}</Table.Th>
              <Table.Th ta="right">{t('customers.segments.customers')}</Table.Th>
              <Table.Th ta="right">{t('customers.segments.revenue')}</Table.Th>
              <Table.Th ta="right">{t('customers.segments.share')}</Table.Th>
              <Table.Th ta="right">{t('customers.segments.aov')}</Table.Th>
              <Table.Th ta="right">{t('customers.segments.consented')}</Table.Th>
              <Table.Th w={220} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.segments.map((s) => {
              const running = exportState.status === 'running' && exportState.segment === s.segment ? exportState : null;
              const name = t(SEGMENT_LABEL[s.segment]);
              return (
                <Table.Tr key={s.segment} data-testid="segment-row" data-segment={s.segment} data-customers={s.customers}>
                  <Table.Td>
                    <Stack gap={2}>
                      <Anchor href={`#/customers`} onClick={() => rememberSegmentFilter(s.segment)} underline="never">
                        <Badge variant="light" color={SEGMENT_COLOR[s.segment]} tt="none" style={{ cursor: 'pointer' }}>
                          {name}
                        </Badge>
                      </Anchor>
                      <Text size="xs" c="dimmed">{t(SEGMENT_MEANING[s.segment])}</Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td ta="right" style={numeric} data-testid="segment-customers">
                    {format.number(s.customers)}
                  </Table.Td>
                  <Table.Td ta="right" style={numeric}>{money(s.revenueMinor)}</Table.Td>
                  <Table.Td ta="right" style={numeric}>{format.percent(s.revenueShare)}</Table.Td>
                  <Table.Td ta="right" style={numeric}>{money(s.averageOrderValueMinor)}</Table.Td>
                  <Table.Td ta="right" style={numeric}>{format.number(s.marketingConsent)}</Table.Td>
                  <Table.Td>
                    {running ? (
                      <Group gap={6} wrap="nowrap" data-testid="segment-export-progress">
                        <Stack gap={2} style={{ flex: 1 }}>
                          <Progress
                            value={running.total ? (running.done / running.total) * 100 : 100}
                            animated={!running.total}
                            striped={!running.total}
                            aria-label={t('customers.segments.exporting', {
                              segment: name,
                              done: format.number(running.done),
                              total: running.total === null ? '…' : format.number(running.total),
                            })}
                          />
                          <Text size="xs" c="dimmed" style={numeric}>
                            {format.number(running.done)} / {running.total === null ? '…' : format.number(running.total)}
                          </Text>
                        </Stack>
                        <CloseButton size="sm" aria-label={t('customers.merge.cancel')} onClick={onCancelExport} />
                      </Group>
                    ) : (
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconDownload size={14} />}
                        disabled={exportState.status === 'running' || s.customers === 0}
                        onClick={() => onExport(s.segment)}
                        aria-label={t('customers.segments.exportLabel', { segment: name })}
                        data-testid="segment-export"
                      >
                        {t('customers.segments.export')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap={2} mt="sm">
        <Text size="sm" c="dimmed" data-testid="segments-total" data-in-segments={inSegments} data-total={data.totalCustomers}>
          {t('customers.segments.total', { customers: format.number(inSegments), revenue: money(data.totalRevenueMinor) })}
        </Text>
        {data.withoutOrders > 0 && (
          <Text size="sm" c="dimmed" data-testid="segments-without-orders" data-count={data.withoutOrders}>
            {t('customers.segments.withoutOrders', { count: format.number(data.withoutOrders) })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Clicking a segment opens the list filtered to it: the list reads its filters from session storage. */
function rememberSegmentFilter(segment: CustomerSegment): void {
  const filters: CustomerFilterState = { ...NO_FILTERS, segments: [segment] };
  sessionStorage.setItem(FILTERS_STORAGE_KEY, JSON.stringify(filters));
}
