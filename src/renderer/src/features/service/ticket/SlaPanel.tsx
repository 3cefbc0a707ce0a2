import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { SlaState, TicketDetail } from '../../../../../shared/contract';
import { useT } from '../../../i18n';
import { useDateTime } from '../../orders/dateTime';
import { SlaBadge } from '../sla/SlaBadge';
import { useNow } from '../sla/useNow';

/** One target's state: met or missed once done, else the running countdown (paused while the ticket waits). */
function targetState(done: boolean, breached: boolean | null, paused: boolean): SlaState {
  if (done) return breached ? 'missed' : 'met';
  if (paused) return 'paused';
  return breached ? 'breached' : 'ok';
}

export function SlaPanel({ ticket }: { ticket: TicketDetail }) {
  const t = useT();
  const now = useNow();
  const dateTime = useDateTime();
  const { sla } = ticket;
  const paused = sla.pausedAt !== null;
  const solved = ticket.status === 'solved' || ticket.status === 'closed';
  const rows = [
    { id: 'first', label: t('service.sla.firstReply'), due: sla.firstReplyDueAt, state: targetState(ticket.firstRepliedAt !== null, sla.firstReplyBreached, false) },
    { id: 'next', label: t('service.sla.nextReply'), due: sla.nextReplyDueAt, state: targetState(solved || (sla.nextReplyDueAt === null && ticket.firstRepliedAt !== null), sla.nextReplyBreaches > 0 && sla.nextReplyDueAt === null, paused) },
    { id: 'resolution', label: t('service.sla.resolution'), due: sla.resolutionDueAt, state: targetState(solved, sla.resolutionBreached, paused) },
  ];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="ticket-sla-title" data-testid="ticket-sla">
      <Title order={2} fz="md" mb="xs" id="ticket-sla-title">{t('service.sla.title')}</Title>
      <Stack gap={8}>
        {rows.map((row) => (
          <Group key={row.id} justify="space-between" wrap="nowrap" align="flex-start" data-testid={`sla-${row.id}`}>
            <Stack gap={0}>
              <Text size="sm">{row.label}</Text>
              <Text size="xs" c="dimmed">{row.due ? t('service.sla.dueAt', { time: dateTime(row.due) }) : t('service.sla.noDue')}</Text>
            </Stack>
            <SlaBadge dueAt={row.due} state={row.state} now={now} testId={`sla-${row.id}-badge`} />
          </Group>
        ))}
        {sla.nextReplyBreaches > 0 && <Text size="xs" c="red">{t('service.sla.nextBreaches', { count: sla.nextReplyBreaches })}</Text>}
        {paused && <Text size="xs" c="dimmed">{t('service.sla.pausedSince', { time: dateTime(sla.pausedAt!) })}</Text>}
      </Stack>
    </Paper>
  );
}
