import { Badge, Button, Checkbox, Group, Text } from '@mantine/core';
import { useMemo, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import type { TicketRow, TicketSortKey } from '../../../../../shared/contract';
import { VirtualTable, type KeysetPages, type TableColumn, type TableSort } from '../../../components/table';
import { useI18n } from '../../../i18n';
import { useRemainingHeight } from '../../orders/useRemainingHeight';
import { channelLabel, priorityLabel, PRIORITY_COLORS, STATUS_COLORS, statusLabel } from '../labels';
import { SlaBadge } from '../sla/SlaBadge';
import { useNow } from '../sla/useNow';

interface Props {
  pages: KeysetPages<TicketRow>;
  sort: { by: TicketSortKey; direction: 'asc' | 'desc' };
  onSortChange: (sort: { by: TicketSortKey; direction: 'asc' | 'desc' }) => void;
  onOpen: (ticket: TicketRow) => void;
  selected: ReadonlySet<number>;
  onToggle: (id: number) => void;
  onTake: (ticket: TicketRow) => void;
  takingId: number | null;
  myId: number | null;
  empty: ReactNode;
}

/**
 * The queue's tickets. Keyboard: the grid is one Tab stop; j/k or the arrows
 * move, Enter opens, x or Space ticks the active row for a bulk action.
 */
export function TicketTable({ pages, sort, onSortChange, onOpen, selected, onToggle, onTake, takingId, myId, empty }: Props) {
  const { t } = useI18n();
  const fill = useRemainingHeight(24, 320);
  const now = useNow();
  const columns = useMemo<TableColumn<TicketRow>[]>(
    () => [
      {
        id: 'select',
        header: '',
        width: 44,
        render: (row) => (
          <Checkbox
            aria-label={t('service.list.select', { id: row.id })}
            checked={selected.has(row.id)}
            onChange={() => onToggle(row.id)}
            onClick={(event) => event.stopPropagation()}
            tabIndex={-1}
            data-testid="ticket-select"
          />
        ),
      },
      {
        id: 'subject',
        header: t('service.col.subject'),
        width: 264,
        render: (row) => (
          <Group gap={6} wrap="nowrap" miw={0}>
            <Text size="xs" c="dimmed" ff="monospace" title={channelLabel(t, row.channel)}>#{row.id}</Text>
            <Text size="sm" fw={row.status === 'new' ? 600 : 400} truncate title={row.subject} data-testid="ticket-subject">{row.subject}</Text>
          </Group>
        ),
      },
      {
        id: 'customer',
        header: t('service.col.customer'),
        width: 110,
        render: (row) =>
          row.customer ? (
            <Text size="sm" truncate>{row.customer.name ?? row.customer.email ?? `#${row.customer.id}`}</Text>
          ) : (
            <Text size="sm" c="dimmed">{t('service.noCustomer')}</Text>
          ),
      },
      {
        id: 'status',
        header: t('service.col.status'),
        width: 146,
        render: (row) => (
          <Badge size="sm" variant="light" color={STATUS_COLORS[row.status]} styles={{ label: { textTransform: 'none' } }} title={statusLabel(t, row.status)} data-testid="ticket-status">
            {statusLabel(t, row.status)}
          </Badge>
        ),
      },
      {
        id: 'priority',
        header: t('service.col.priority'),
        width: 92,
        sortKey: 'priority',
        render: (row) => <Text size="sm" c={PRIORITY_COLORS[row.priority]} fw={row.priority === 'urgent' ? 600 : 400}>{priorityLabel(t, row.priority)}</Text>,
      },
      {
        id: 'sla',
        header: t('service.col.sla'),
        width: 146,
        sortKey: 'slaDue',
        render: (row) => <SlaBadge dueAt={row.slaDueAt} state={row.slaState} now={now} />,
      },
      {
        id: 'assignee',
        header: t('service.col.assignee'),
        width: 110,
        render: (row) =>
          row.assignee ? (
            <Text size="sm" truncate data-testid="ticket-assignee">{row.assignee.name}</Text>
          ) : (
            <Button
              size="compact-xs"
              variant="light"
              loading={takingId === row.id}
              disabled={myId === null}
              onClick={(event) => {
                event.stopPropagation();
                onTake(row);
              }}
              data-testid="ticket-take"
            >
              {t('service.list.take')}
            </Button>
          ),
      },
    ],
    [t, selected, onToggle, onTake, takingId, myId, now],
  );

  return (
    <div
      ref={fill.ref}
      style={{ opacity: pages.stale ? 0.6 : 1, transition: 'opacity 120ms' }}
      data-stale={pages.stale}
      onKeyDownCapture={(event) => listKeys(event, onToggle)}
    >
      <VirtualTable
        columns={columns}
        rows={pages.rows}
        rowKey={(row) => row.id}
        height={fill.height}
        hasMore={pages.hasMore}
        loadingMore={pages.loadingMore}
        onLoadMore={pages.loadMore}
        onRowOpen={onOpen}
        sort={sort}
        onSortChange={(next: TableSort) => onSortChange(next as Props['sort'])}
        loading={pages.loading}
        empty={empty}
        aria-label={t('service.list.label')}
        testId="tickets-table"
      />
    </div>
  );
}

/**
 * j/k move like the arrows (the grid handles those), x or Space tick the
 * active row. The grid marks its active row with aria-activedescendant,
 * and the row carries its ticket id.
 */
function listKeys(event: ReactKeyboardEvent<HTMLDivElement>, onToggle: (id: number) => void) {
  const grid = event.target as HTMLElement;
  if (grid.getAttribute('role') !== 'grid' || event.ctrlKey || event.metaKey || event.altKey) return;
  const arrow = event.key === 'j' ? 'ArrowDown' : event.key === 'k' ? 'ArrowUp' : null;
  if (arrow) {
    event.preventDefault();
    event.stopPropagation();
    grid.dispatchEvent(new window.KeyboardEvent('keydown', { key: arrow, bubbles: true, cancelable: true }));
    return;
  }
  if (event.key === 'x' || event.key === ' ') {
    const activeId = grid.getAttribute('aria-activedescendant');
    const row = activeId ? document.getElementById(activeId) : null;
    const key = Number(row?.getAttribute('data-row-key'));
    if (!Number.isInteger(key) || key <= 0) return;
    event.preventDefault();
    onToggle(key);
  }
}
