import { Anchor, Box, Button, Group } from '@mantine/core';
import { useSessionStorage } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSettings, IconWand } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { QueueName, TicketRow } from '../../../../../shared/contract';
import { usePushEvent } from '../../../api';
import { useActingStaff } from '../../../app/actingStaff';
import { hrefFor, navigate } from '../../../app/router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useKeysetPages } from '../../../components/table';
import { useI18n } from '../../../i18n';
import { refusalSentence } from '../../loyalty/issues';
import { useAutoAssign, useQueueCounts, useUpdateTicket } from '../api';
import { ADMIN_PATH, ticketPath } from '../routes';
import { BulkBar } from './BulkBar';
import { NewTicketModal } from './NewTicketModal';
import { QueueList } from './QueueList';
import { activeTicketFilters, DEFAULT_TICKETS_QUERY, toContractFilter, type TicketsQuery } from './query';
import { TicketFilters } from './TicketFilters';
import { TicketsEmpty } from './TicketsEmpty';
import { TicketTable } from './TicketTable';

const PAGE_SIZE = 100;

/** The queues: live counts beside the chosen queue's tickets, with filters, bulk actions and "take". */
export function QueuesPage({ queue }: { queue: QueueName }) {
  const { t, format } = useI18n();
  const staff = useActingStaff();
  const myId = staff?.id ?? null;
  const counts = useQueueCounts(myId);
  // Other windows and the core's jobs change tickets too: their data.changed refetches the counts.
  usePushEvent('data.changed', ({ areas }) => {
    if (areas.includes('service')) void counts.refetch();
  });
  const [query, setQuery] = useSessionStorage<TicketsQuery>({ key: 'backroom.service.query', defaultValue: DEFAULT_TICKETS_QUERY });
  const filter = useMemo(() => toContractFilter(query.filter), [query.filter]);
  const pages = useKeysetPages(
    'tickets.list',
    { queue, ...(myId !== null && { staffId: myId }), ...(filter && { filter }), sort: query.sort, limit: PAGE_SIZE },
    { enabled: queue !== 'mine' || myId !== null },
  );
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [newOpen, setNewOpen] = useState(false);
  const update = useUpdateTicket();
  const [takingId, setTakingId] = useState<number | null>(null);
  const autoAssign = useAutoAssign();

  // A new queue or filter is a new list: ticks on rows no longer shown would act unseen.
  useEffect(() => setSelected(new Set()), [queue, filter]);

  const toggle = useCallback((id: number) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const take = useCallback(
    (ticket: TicketRow) => {
      if (myId === null) return;
      setTakingId(ticket.id);
      update.mutate(
        { id: ticket.id, staffId: myId, expectedVersion: ticket.version, patch: { assigneeId: myId } },
        {
          onSuccess: () => notifications.show({ color: 'teal', message: t('service.list.taken', { id: ticket.id }) }),
          onError: (error) => notifications.show({ color: 'red', title: t('service.list.takeFailed'), message: refusalSentence(t, error) }),
          onSettled: () => setTakingId(null),
        },
      );
    },
    [myId, update, t],
  );

  const runAutoAssign = () => {
    if (myId === null) return;
    autoAssign.mutate(
      { staffId: myId },
      {
        onSuccess: (result) =>
          notifications.show({
            color: result.assigned.length > 0 ? 'teal' : 'yellow',
            message: t('service.autoAssign.done', { assigned: format.number(result.assigned.length), left: format.number(result.leftUnassigned) }),
          }),
        onError: (error) => notifications.show({ color: 'red', title: t('service.autoAssign.failed'), message: refusalSentence(t, error) }),
      },
    );
  };

  const filtered = activeTicketFilters(query.filter) > 0;
  return (
    <>
      <PageHeader
        title={t('area.service.title')}
        description={t('service.description')}
        actions={
          <Group gap="sm">
            <Anchor href={hrefFor(ADMIN_PATH)} size="sm" data-testid="service-admin-link">
              <Group gap={4} wrap="nowrap"><IconSettings size={16} aria-hidden />{t('service.settingsLink')}</Group>
            </Anchor>
            <Button variant="default" leftSection={<IconWand size={16} />} loading={autoAssign.isPending} disabled={myId === null} onClick={runAutoAssign} data-testid="auto-assign">
              {t('service.autoAssign.button')}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setNewOpen(true)} data-testid="new-ticket">
              {t('service.new.open')}
            </Button>
          </Group>
        }
      />
      <Group align="flex-start" gap="md" wrap="nowrap">
        <Box w={210} style={{ flex: 'none' }}>
          {counts.isError ? <QueryError error={counts.error} onRetry={() => void counts.refetch()} /> : <QueueList current={queue} counts={counts.data} loading={counts.isPending} />}
        </Box>
        <Box style={{ flex: 1, minWidth: 0 }}>
          <TicketFilters query={query} onChange={setQuery} />
          {selected.size > 0 && <BulkBar ids={[...selected]} onDone={() => setSelected(new Set())} onClear={() => setSelected(new Set())} />}
          {pages.isError ? (
            <QueryError error={pages.error} onRetry={pages.refetch} />
          ) : (
            <TicketTable
              pages={pages}
              sort={query.sort}
              onSortChange={(sort) => setQuery({ ...query, sort })}
              onOpen={(ticket) => navigate(ticketPath(ticket.id))}
              selected={selected}
              onToggle={toggle}
              onTake={take}
              takingId={takingId}
              myId={myId}
              empty={<TicketsEmpty queue={queue} filtered={filtered} onClear={() => setQuery({ ...query, filter: {} })} onNew={() => setNewOpen(true)} />}
            />
          )}
        </Box>
      </Group>
      <NewTicketModal opened={newOpen} onClose={() => setNewOpen(false)} />
    </>
  );
}
