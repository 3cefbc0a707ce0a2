import { ActionIcon, Code, CopyButton, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { TicketDetail } from '../../../../../shared/contract';
import { useT } from '../../../i18n';
import { useDateTime } from '../../orders/dateTime';

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

/** After solving: the satisfaction request recorded for the ticket, ready to paste into the customer's channel. */
export function CsatCard({ csat }: { csat: NonNullable<TicketDetail['csat']> }) {
  const t = useT();
  const dateTime = useDateTime();
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
        {csat.score !== null ? (
          <Text size="sm" data-testid="ticket-csat-score">{t('service.csat.answered', { score: csat.score })}{csat.comment ? ` — “${csat.comment}”` : ''}</Text>
        ) : (
          <Text size="xs" c="dimmed">{t('service.csat.waiting')}</Text>
        )}
      </Stack>
    </Paper>
  );
}
