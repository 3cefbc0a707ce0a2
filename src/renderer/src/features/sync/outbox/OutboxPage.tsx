import { Alert, Anchor, Badge, Button, Group, Loader, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconWifiOff } from '@tabler/icons-react';
import { useState } from 'react';
import type { OutboxEntry } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { hrefFor } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useOutbox, useStores, useSyncStatus } from '../api';
import { OUTBOX_STATUS_COLORS, outboxOperationLabel, outboxStatusLabel } from '../labels';
import { useSyncSentences } from '../messages';
import { useSyncTime } from '../time';
import { DiscardModal } from './DiscardModal';
import { RetryModal } from './RetryModal';

const VIEWS = {
  open: ['pending', 'sending', 'failed'],
  failed: ['failed'],
  done: ['done'],
  discarded: ['discarded'],
} as const satisfies Record<string, readonly OutboxEntry['status'][]>;
type View = keyof typeof VIEWS;

/** '/sync/outbox': local changes waiting for a marketplace, or refused by it, with retry, edit and discard. */
export function OutboxPage() {
  const { t, format } = useI18n();
  const time = useSyncTime();
  const sentences = useSyncSentences();
  const staff = useActingStaff();
  const [view, setView] = useState<View>('open');
  const outbox = useOutbox([...VIEWS[view]]);
  const stores = useStores();
  const status = useSyncStatus();
  const [retrying, setRetrying] = useState<OutboxEntry | null>(null);
  const [discarding, setDiscarding] = useState<OutboxEntry | null>(null);
  const offline = (status.data ?? []).filter((s) => s.online === false);
  const storeName = (id: number) => stores.data?.find((s) => s.id === id)?.name ?? `#${id}`;

  return (
    <Stack gap="md" data-testid="sync-outbox">
      {offline.length > 0 && (
        <Alert color="orange" icon={<IconWifiOff size={18} />} title={t('sync.outbox.offlineTitle', { stores: offline.map((s) => s.store.name).join(', ') })} data-testid="sync-outbox-offline">
          {t('sync.outbox.offlineBody')}
        </Alert>
      )}
      <SegmentedControl w="fit-content" value={view} onChange={(v) => setView(v as View)} aria-label={t('sync.outbox.view')}
        data={[
          { value: 'open', label: t('sync.outbox.viewOpen') },
          { value: 'failed', label: outboxStatusLabel(t, 'failed') },
          { value: 'done', label: outboxStatusLabel(t, 'done') },
          { value: 'discarded', label: outboxStatusLabel(t, 'discarded') },
        ]} data-testid="sync-outbox-view" />
      {outbox.isPending && <Loader aria-label={t('sync.loading')} />}
      {outbox.isError && <QueryError error={outbox.error} onRetry={() => void outbox.refetch()} />}
      {outbox.isSuccess && outbox.data.length === 0 && (
        <Paper withBorder p="lg" data-testid="sync-outbox-empty"><Text c="dimmed">{t(view === 'open' ? 'sync.outbox.empty' : 'sync.outbox.emptyView')}</Text></Paper>
      )}
      {outbox.isSuccess && outbox.data.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder verticalSpacing="xs" aria-label={t('sync.tab.outbox')} data-testid="sync-outbox-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sync.outbox.col.created')}</Table.Th>
                <Table.Th>{t('sync.outbox.col.store')}</Table.Th>
                <Table.Th>{t('sync.outbox.col.change')}</Table.Th>
                <Table.Th>{t('sync.outbox.col.status')}</Table.Th>
                <Table.Th>{t('sync.outbox.col.message')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outbox.data.map((entry) => (
                <Table.Tr key={entry.id} data-testid="sync-outbox-row" data-status={entry.status} data-id={entry.id}>
                  <Table.Td><Text size="sm">{time.at(entry.createdAt)}</Text></Table.Td>
                  <Table.Td><Text size="sm">{storeName(entry.storeId)}</Text></Table.Td>
                  <Table.Td>
                    <Text size="sm" title={entry.operation}>{outboxOperationLabel(t, entry.operation)}</Text>
                    <OutboxTarget entry={entry} />
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={OUTBOX_STATUS_COLORS[entry.status]}>{outboxStatusLabel(t, entry.status)}</Badge>
                    {/* Sent with a sentence left on it: it went over a change the store made after it (the core clears it otherwise). */}
                    {entry.status === 'done' && entry.lastError && <Badge variant="outline" color="orange" ml={4} data-testid="sync-outbox-race">{t('sync.outbox.race')}</Badge>}
                    <Text size="xs" c="dimmed">{t('sync.outbox.attempts', { count: format.number(entry.attempts) })}</Text>
                    {entry.status === 'pending' && entry.nextAttemptAt && <Text size="xs" c="dimmed">{t('sync.outbox.nextAttempt', { when: time.relative(entry.nextAttemptAt) })}</Text>}
                  </Table.Td>
                  <Table.Td maw={360}><Text size="sm" c={entry.status === 'failed' ? 'red' : entry.lastError ? 'orange' : undefined} data-testid="sync-outbox-error">{entry.lastError === null ? '—' : sentences.message(entry.lastError)}</Text></Table.Td>
                  <Table.Td>
                    {entry.status === 'failed' && (
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="light" disabled={!staff} onClick={() => setRetrying(entry)} data-testid="sync-outbox-retry">{t('sync.outbox.retry')}</Button>
                        <Button size="xs" variant="subtle" color="red" disabled={!staff} onClick={() => setDiscarding(entry)} data-testid="sync-outbox-discard">{t('sync.outbox.discard')}</Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {!staff && <Alert color="yellow">{t('sync.noStaff')}</Alert>}
      {retrying && staff && <RetryModal entry={retrying} staffId={staff.id} onClose={() => setRetrying(null)} />}
      {discarding && staff && <DiscardModal entry={discarding} staffId={staff.id} onClose={() => setDiscarding(null)} />}
    </Stack>
  );
}

/** The local record a change belongs to; an order links to its page. */
function OutboxTarget({ entry }: { entry: OutboxEntry }) {
  const { t } = useI18n();
  if (entry.targetId === null) return <Text size="xs" c="dimmed">{entry.targetType}</Text>;
  if (entry.targetType === 'order') {
    return <Anchor size="xs" href={hrefFor(`/orders/${entry.targetId}`)}>{t('sync.outbox.orderLink')}</Anchor>;
  }
  return <Text size="xs" c="dimmed">{`${entry.targetType} #${entry.targetId}`}</Text>;
}
