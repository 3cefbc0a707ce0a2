import { ActionIcon, Alert, Blockquote, Code, CopyButton, Divider, Group, Paper, Rating, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { TicketDetail } from '../../../../../shared/contract';
import { refusalSentence } from '../../../components/fieldIssues';
import { useActingStaff } from '../../../app/actingStaff';
import { useT } from '../../../i18n';
import { useDateTime } from '../../orders/dateTime';
import { useRespondCsat } from '../api';
import { CsatAnswerForm } from './CsatAnswerForm';

function Copy({ value, label, testId }: { value: string; label: string; testId: string }) {
  const t = useT();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t('service.csat.copied') : label} withArrow>
          <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={label} data-testid={testId}>
            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/**
 * After solving: the satisfaction request recorded for the ticket, ready to
 * paste into the customer's channel, and the customer's answer once there is
 * one (from the shop's page, or recorded here by staff).
 */
export function CsatCard({ csat }: { csat: NonNullable<TicketDetail['csat']> }) {
  const t = useT();
  const dateTime = useDateTime();
  const respond = useRespondCsat();
  // Staff typing in the customer's answer are named in the ticket's audit trail.
  const staff = useActingStaff();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="ticket-csat-title" data-testid="ticket-csat">
      <Title order={2} fz="md" mb="xs" id="ticket-csat-title">{t('service.csat.title')}</Title>
      <Stack gap="xs">
        <Text size="xs" c="dimmed">{t('service.csat.requested', { time: dateTime(csat.requestedAt) })}</Text>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', flex: 1 }} data-testid="ticket-csat-message">{csat.message}</Text>
          <Copy value={csat.message} label={t('service.csat.copyMessage')} testId="ticket-csat-copy-message" />
        </Group>
        <Group gap="xs">
          <Text size="sm">{t('service.csat.code')}</Text>
          <Code data-testid="ticket-csat-code">{csat.code}</Code>
          <Copy value={csat.code} label={t('service.csat.copyCode')} testId="ticket-csat-copy-code" />
        </Group>
        <Divider my={4} />
        {/* A refusal (answered meanwhile elsewhere) stays in view while the ticket refetches to show that answer. */}
        {respond.isError && (
          <Alert color="orange" variant="light" role="alert" data-testid="ticket-csat-error">{refusalSentence(t, respond.error)}</Alert>
        )}
        {csat.score !== null ? (
          <Stack gap={4} data-testid="ticket-csat-answer" data-score={csat.score}>
            <Group gap="xs">
              <Rating value={csat.score} readOnly size="sm" aria-hidden />
              <Text size="sm" fw={600} data-testid="ticket-csat-score">{t('service.csat.answered', { score: csat.score })}</Text>
            </Group>
            {csat.comment ? (
              <Blockquote p="xs" fz="sm" data-testid="ticket-csat-answer-comment">{csat.comment}</Blockquote>
            ) : (
              <Text size="xs" c="dimmed">{t('service.csat.noComment')}</Text>
            )}
          </Stack>
        ) : (
          <>
            <Text size="xs" c="dimmed">{t('service.csat.waiting')}</Text>
            <CsatAnswerForm saving={respond.isPending} onSubmit={(answer) => respond.mutate({ code: csat.code, ...answer, ...(staff && { staffId: staff.id }) })} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
