import { Alert, Button, Group, Paper, Select, TagsInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  TICKET_PRIORITIES, TICKET_STATUSES, type TicketDetail, type TicketPriority, type TicketStatus,
} from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { useT } from '../../../i18n';
import { refusalSentence } from '../../loyalty/issues';
import { ticketKey, useStaffList, useUpdateTicket } from '../api';
import { priorityLabel, statusLabel } from '../labels';
import { conflictCurrent } from './conflict';
import { ConflictAlert } from './ConflictAlert';

interface Draft {
  status: TicketStatus;
  priority: TicketPriority;
  assigneeId: number | null;
  tags: string[];
}

const draftOf = (ticket: TicketDetail): Draft => ({
  status: ticket.status,
  priority: ticket.priority,
  assigneeId: ticket.assignee?.id ?? null,
  tags: ticket.tags,
});

const fresh = (ticket: TicketDetail) => ({ version: ticket.version, base: draftOf(ticket), values: draftOf(ticket) });

/**
 * Status, priority, assignee and tags, saved together with the version the
 * agent saw. A stale save changes nothing and says so (ConflictAlert).
 */
export function TicketControls({ ticket }: { ticket: TicketDetail }) {
  const t = useT();
  const staff = useActingStaff();
  const team = useStaffList().data ?? [];
  const update = useUpdateTicket();
  const queryClient = useQueryClient();
  // The draft belongs to the version it started from; a newer version (after Reload or a save) resets it.
  const [draft, setDraft] = useState(() => fresh(ticket));
  const values = draft.values;
  const base = draft.base;
  const patch = {
    ...(values.status !== base.status && { status: values.status }),
    ...(values.priority !== base.priority && { priority: values.priority }),
    ...(values.assigneeId !== base.assigneeId && { assigneeId: values.assigneeId }),
    ...(values.tags.join('\u0000') !== base.tags.join('\u0000') && { tags: values.tags }),
  };
  const dirty = Object.keys(patch).length > 0;
  const conflict = update.isError ? conflictCurrent(update.error) : null;
  // Untouched controls follow the ticket as it changes (a reply, a data.changed refetch); edited ones keep the version they started from.
  useEffect(() => {
    if (!dirty && ticket.version !== draft.version) setDraft(fresh(ticket));
  }, [ticket, dirty, draft.version]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, values: { ...values, [key]: value } });

  const save = () => {
    if (!staff || !dirty) return;
    update.mutate(
      { id: ticket.id, staffId: staff.id, expectedVersion: draft.version, patch },
      { onSuccess: (saved) => setDraft(fresh(saved)) },
    );
  };

  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: ticketKey(ticket.id) });
    const now = queryClient.getQueryData<TicketDetail>(ticketKey(ticket.id));
    update.reset();
    if (now) setDraft(fresh(now));
  };

  const assignees = team.filter((s) => s.active || s.id === values.assigneeId);
  return (
    <Paper withBorder radius="md" p="sm" mb="sm" data-testid="ticket-controls" data-version={draft.version}>
      {conflict && <ConflictAlert current={conflict} onReload={() => void reload()} />}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select w={190} label={t('service.col.status')} data={TICKET_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))} value={values.status} allowDeselect={false} onChange={(v) => v && set('status', v as TicketStatus)} data-testid="ticket-status-select" />
        <Select w={130} label={t('service.col.priority')} data={TICKET_PRIORITIES.map((p) => ({ value: p, label: priorityLabel(t, p) }))} value={values.priority} allowDeselect={false} onChange={(v) => v && set('priority', v as TicketPriority)} data-testid="ticket-priority-select" />
        <Select
          w={180}
          label={t('service.col.assignee')}
          placeholder={t('service.unassigned')}
          data={assignees.map((s) => ({ value: String(s.id), label: s.name }))}
          value={values.assigneeId === null ? null : String(values.assigneeId)}
          clearable
          onChange={(v) => set('assigneeId', v === null ? null : Number(v))}
          data-testid="ticket-assignee-select"
        />
        <TagsInput style={{ flex: '1 1 200px' }} label={t('service.col.tags')} value={values.tags} onChange={(tags) => set('tags', tags)} maxTags={20} data-testid="ticket-tags-input" />
        <Button onClick={save} disabled={!dirty || !staff} loading={update.isPending} data-testid="ticket-save">
          {t('service.ticket.save')}
        </Button>
      </Group>
      {update.isError && !conflict && (
        <Alert color="red" variant="light" mt="sm" role="alert" data-testid="ticket-save-error">{refusalSentence(t, update.error)}</Alert>
      )}
    </Paper>
  );
}
