import { Anchor, Badge, Box, Button, Grid, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconArrowsJoin, IconSettings } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { hrefFor } from '../../../app/router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useT } from '../../../i18n';
import { useTicket } from '../api';
import { ReplyComposer, type IncomingDraft } from '../composer/ReplyComposer';
import { CustomerPanel } from '../customer/CustomerPanel';
import { channelLabel, priorityLabel, PRIORITY_COLORS, STATUS_COLORS, statusLabel } from '../labels';
import { ADMIN_PATH, DEFAULT_QUEUE, queuePath } from '../routes';
import { Conversation } from './Conversation';
import { CsatCard } from './CsatCard';
import { MergeModal } from './MergeModal';
import { SlaPanel } from './SlaPanel';
import { TicketControls } from './TicketControls';
import { TicketLinks } from './TicketLinks';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** One ticket: controls, conversation and reply on the left; SLA, links and the customer on the right. */
export function TicketPage({ id }: { id: number }) {
  const t = useT();
  const ticket = useTicket(id);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const [incoming, setIncoming] = useState<IncomingDraft | null>(null);
  const [mergeOpen, setMergeOpen] = useState(false);

  // "r" jumps to the reply from anywhere on the page but a field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'r' || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      if (document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      replyRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const back = (
    <Group gap="md">
      <Anchor href={hrefFor(queuePath(DEFAULT_QUEUE))} size="sm" data-testid="ticket-back">
        <Group gap={4} wrap="nowrap"><IconArrowLeft size={16} aria-hidden />{t('service.backToQueues')}</Group>
      </Anchor>
      <Anchor href={hrefFor(ADMIN_PATH)} size="sm">
        <Group gap={4} wrap="nowrap"><IconSettings size={16} aria-hidden />{t('service.settingsLink')}</Group>
      </Anchor>
    </Group>
  );

  if (ticket.isError) {
    return (
      <>
        <PageHeader title={t('service.ticket.title', { id })} actions={back} />
        <QueryError error={ticket.error} onRetry={() => void ticket.refetch()} />
      </>
    );
  }
  if (!ticket.data) {
    return (
      <>
        <PageHeader title={t('service.ticket.title', { id })} actions={back} />
        <Stack gap="sm" data-testid="ticket-loading"><Skeleton h={60} /><Skeleton h={200} /><Skeleton h={120} /></Stack>
      </>
    );
  }
  const data = ticket.data;
  const customerId = data.customer?.id ?? null;
  return (
    <>
      <PageHeader
        title={`#${data.id} ${data.subject}`}
        description={
          <Group gap={6} component="span" wrap="wrap">
            <Badge size="sm" variant="light" color={STATUS_COLORS[data.status]} styles={{ label: { textTransform: 'none' } }} data-testid="ticket-status-badge">{statusLabel(t, data.status)}</Badge>
            <Badge size="sm" variant="outline" color={PRIORITY_COLORS[data.priority]} styles={{ label: { textTransform: 'none' } }}>{priorityLabel(t, data.priority)}</Badge>
            <Text span size="sm" c="dimmed">{channelLabel(t, data.channel)} · {data.assignee ? t('service.ticket.assignedTo', { name: data.assignee.name }) : t('service.unassigned')}</Text>
          </Group>
        }
        actions={
          <Group gap="md">
            {back}
            {customerId !== null && data.mergedInto === null && (
              <Button size="xs" variant="default" leftSection={<IconArrowsJoin size={16} />} onClick={() => setMergeOpen(true)} data-testid="ticket-merge">
                {t('service.merge.button')}
              </Button>
            )}
          </Group>
        }
      />
      <Box data-testid="ticket-page" data-ticket-id={data.id}>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="sm">
            <TicketControls key={data.id} ticket={data} />
            <Conversation ticket={data} />
            {data.mergedInto === null && <ReplyComposer ticket={data} incoming={incoming} textareaRef={replyRef} />}
            {data.csat && <CsatCard csat={data.csat} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="sm">
            <SlaPanel ticket={data} />
            <TicketLinks ticket={data} />
            {customerId !== null ? (
              <CustomerPanel customerId={customerId} ticket={data} onCompose={(draft) => setIncoming({ ...draft, seq: (incoming?.seq ?? 0) + 1 })} />
            ) : (
              <Text size="sm" c="dimmed" data-testid="ticket-no-customer">{t('service.customer.none')}</Text>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      </Box>
      {customerId !== null && <MergeModal ticket={data} customerId={customerId} opened={mergeOpen} onClose={() => setMergeOpen(false)} />}
    </>
  );
}
