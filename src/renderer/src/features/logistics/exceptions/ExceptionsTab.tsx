import { Anchor, Badge, Button, Chip, EmptyState, Group, NumberInput, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useSessionStorage } from '@mantine/hooks';
import { IconCircleCheck, IconMessage } from '@tabler/icons-react';
import { useState } from 'react';
import { EXCEPTION_KINDS, type ExceptionKind, type ExceptionRow } from '../../../../../shared/contract';
import { hrefFor } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { MultiFilter } from '../../orders/filters/MultiFilter';
import { useLogisticsFacets } from '../api';
import { KIND_COLORS, KIND_LABELS } from '../labels';
import { shipmentPath } from '../routes';
import { StatusBadge } from '../StatusBadge';
import { usePagedRows } from '../usePagedRows';
import { OpenTicketPopover } from './OpenTicketPopover';
import { PrepareMessageModal } from './PrepareMessageModal';

interface QueueChoices {
  kinds: ExceptionKind[];
  noScanDays: number;
  carriers: string[];
}

const DEFAULTS: QueueChoices = { kinds: [], noScanDays: 5, carriers: [] };

/** Shipments that need someone: late, failed attempts, carrier exceptions, silent, disputed. */
export function ExceptionsTab() {
  const { t, format } = useI18n();
  const [choices, setChoices] = useSessionStorage<QueueChoices>({ key: 'backroom.logistics.exceptions', defaultValue: DEFAULTS });
  const facets = useLogisticsFacets();
  const pages = usePagedRows('logistics.exceptions', {
    noScanDays: choices.noScanDays,
    limit: 50,
    ...(choices.kinds.length > 0 && { kinds: choices.kinds }),
    ...(choices.carriers.length > 0 && { carrier: choices.carriers }),
  });
  const [messageFor, setMessageFor] = useState<ExceptionRow | null>(null);
  const counts = pages.firstPage?.counts;
  return (
    <Stack gap="md" data-testid="exceptions-tab">
      <Group gap="md" wrap="wrap" align="flex-end">
        <Chip.Group multiple value={choices.kinds} onChange={(kinds) => setChoices({ ...choices, kinds: kinds as ExceptionKind[] })}>
          <Group gap="xs" role="group" aria-label={t('logistics.exceptions.kinds')}>
            {EXCEPTION_KINDS.map((kind) => (
              <Chip key={kind} value={kind} color={KIND_COLORS[kind]} variant="light" data-testid={`exception-kind-${kind}`}>
                {t(KIND_LABELS[kind])}
                <Text span size="xs" ml={6} c="dimmed" data-testid="exception-kind-count" data-kind={kind} data-count={counts?.[kind] ?? ''}>
                  {counts ? format.number(counts[kind]) : '…'}
                </Text>
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <NumberInput
          label={t('logistics.exceptions.noScanDays')}
          description={t('logistics.exceptions.noScanDaysHint')}
          min={1}
          max={60}
          w={270}
          clampBehavior="strict"
          allowDecimal={false}
          value={choices.noScanDays}
          onChange={(value) => typeof value === 'number' && value >= 1 && setChoices({ ...choices, noScanDays: value })}
          data-testid="exceptions-no-scan-days"
        />
        <MultiFilter
          label={t('logistics.filter.carrier')}
          testId="exceptions-filter-carrier"
          options={(facets.data?.carriers ?? []).map((c) => ({ value: c, label: c }))}
          value={choices.carriers}
          onChange={(carriers) => setChoices({ ...choices, carriers })}
          loading={facets.isPending}
          loadingText={t('logistics.filter.loading')}
          emptyText={t('logistics.filter.noCarriers')}
        />
      </Group>
      {pages.isError && <QueryError error={pages.error} onRetry={pages.refetch} />}
      {pages.loading && <Skeleton height={240} data-testid="exceptions-loading" />}
      {!pages.loading && !pages.isError && pages.rows.length === 0 && (
        <Paper withBorder p="xl" radius="md">
          <EmptyState
            icon={<IconCircleCheck size={28} />}
            variant="light"
            title={t('logistics.exceptions.emptyTitle')}
            description={t(choices.kinds.length || choices.carriers.length ? 'logistics.exceptions.emptyFiltered' : 'logistics.exceptions.emptyBody')}
            data-testid="exceptions-empty"
          />
        </Paper>
      )}
      {pages.rows.length > 0 && (
        <Paper withBorder radius="md" style={{ opacity: pages.stale ? 0.6 : 1 }}>
          <Table.ScrollContainer minWidth={980}>
            <Table highlightOnHover verticalSpacing="xs" data-testid="exceptions-table" aria-label={t('logistics.exceptions.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('logistics.col.order')}</Table.Th>
                  <Table.Th>{t('logistics.col.customer')}</Table.Th>
                  <Table.Th>{t('logistics.col.carrier')}</Table.Th>
                  <Table.Th>{t('logistics.col.status')}</Table.Th>
                  <Table.Th>{t('logistics.exceptions.why')}</Table.Th>
                  <Table.Th>{t('logistics.exceptions.days')}</Table.Th>
                  <Table.Th ta="right">{t('logistics.exceptions.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pages.rows.map((row) => (
                  <ExceptionLine key={row.id} row={row} onMessage={() => setMessageFor(row)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages.hasMore && (
            <Group justify="center" p="sm">
              <Button variant="subtle" onClick={pages.loadMore} loading={pages.loadingMore} data-testid="exceptions-more">
                {t('logistics.exceptions.more')}
              </Button>
            </Group>
          )}
        </Paper>
      )}
      <PrepareMessageModal shipment={messageFor} onClose={() => setMessageFor(null)} />
    </Stack>
  );
}

function ExceptionLine({ row, onMessage }: { row: ExceptionRow; onMessage: () => void }) {
  const { t } = useI18n();
  const days = [
    row.daysLate !== null ? t('logistics.exceptions.daysLate', { count: row.daysLate }) : null,
    row.daysSinceScan !== null ? t('logistics.exceptions.daysSinceScan', { count: row.daysSinceScan }) : null,
  ].filter(Boolean).join(' · ');
  return (
    <Table.Tr data-testid="exception-row" data-shipment-id={row.id} data-kinds={row.kinds.join(',')}>
      <Table.Td>
        <Anchor href={hrefFor(shipmentPath(row.id))} size="sm" fw={600} data-testid="exception-shipment-link">{row.orderNumber}</Anchor>
      </Table.Td>
      <Table.Td><Text size="sm">{row.customerName ?? t('logistics.guest')}</Text></Table.Td>
      <Table.Td>
        <Text size="sm">{row.carrier}</Text>
        <Text size="xs" c="dimmed" ff="monospace">{row.trackingNumber ?? ''}</Text>
      </Table.Td>
      <Table.Td style={{ minWidth: 150 }}><StatusBadge status={row.status} subStatus={row.subStatus} /></Table.Td>
      <Table.Td style={{ minWidth: 170 }}>
        <Group gap={4}>
          {row.kinds.map((kind) => (
            <Badge key={kind} size="sm" variant="outline" color={KIND_COLORS[kind]}>{t(KIND_LABELS[kind])}</Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td><Text size="sm">{days || '—'}</Text></Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          {row.openTicketId !== null ? (
            <Anchor href={hrefFor(`/service/tickets/${row.openTicketId}`)} size="sm" data-testid="exception-ticket-link" data-ticket-id={row.openTicketId}>
              {t('logistics.ticket.link', { id: row.openTicketId })}
            </Anchor>
          ) : (
            <OpenTicketPopover shipment={row} />
          )}
          <Button size="compact-sm" variant="default" leftSection={<IconMessage size={14} aria-hidden />} onClick={onMessage} data-testid="exception-prepare-message">
            {t('logistics.message.open')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
