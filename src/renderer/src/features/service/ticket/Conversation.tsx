import { Badge, Box, Group, Paper, Stack, Text, useComputedColorScheme } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { TicketDetail, TicketMessage } from '../../../../../shared/contract';
import { useT } from '../../../i18n';
import { useDateTime } from '../../orders/dateTime';
import { AttachmentList } from './Attachments';

/**
 * Who wrote a message, and how it looks: the customer on the left, staff on
 * the right, internal notes in yellow. Tints are quiet in the dark scheme,
 * where Mantine's "light" variants read as solid blocks of colour.
 */
function look(message: TicketMessage, dark: boolean) {
  if (message.authorType === 'system') return { align: 'center', bg: 'transparent', border: 'var(--mantine-color-default-border)' } as const;
  if (message.visibility === 'internal') {
    return { align: 'flex-end', bg: dark ? 'rgba(250, 176, 5, 0.10)' : 'var(--mantine-color-yellow-0)', border: 'var(--mantine-color-yellow-outline)' } as const;
  }
  if (message.authorType === 'staff') {
    return { align: 'flex-end', bg: dark ? 'rgba(34, 139, 230, 0.12)' : 'var(--mantine-color-blue-0)', border: 'var(--mantine-color-blue-outline)' } as const;
  }
  return { align: 'flex-start', bg: 'var(--mantine-color-default)', border: 'var(--mantine-color-default-border)' } as const;
}

export function Conversation({ ticket }: { ticket: TicketDetail }) {
  const t = useT();
  const dateTime = useDateTime();
  const dark = useComputedColorScheme('light') === 'dark';
  if (ticket.messages.length === 0) {
    return <Text size="sm" c="dimmed" data-testid="conversation-empty">{t('service.conversation.empty')}</Text>;
  }
  return (
    <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('service.conversation.label')} data-testid="conversation">
      {ticket.messages.map((message) => {
        const style = look(message, dark);
        const author =
          message.authorType === 'customer'
            ? (ticket.customer?.name ?? t('service.conversation.customer'))
            : message.authorType === 'system'
              ? t('service.conversation.system')
              : (message.staff?.name ?? t('service.conversation.staff'));
        return (
          <Box component="li" key={message.id} style={{ display: 'flex', justifyContent: style.align }}>
            <Paper
              p="sm"
              radius="md"
              maw="85%"
              miw={200}
              bg={style.bg}
              style={{ border: `1px solid ${style.border}` }}
              data-testid="message"
              data-author={message.authorType}
              data-visibility={message.visibility}
            >
              <Group gap={6} mb={4} wrap="wrap">
                <Text size="xs" fw={600}>{author}</Text>
                {message.visibility === 'internal' && (
                  <Badge size="xs" color="yellow" variant="light" leftSection={<IconLock size={10} aria-hidden />} styles={{ label: { textTransform: 'none' } }}>
                    {t('service.conversation.internal')}
                  </Badge>
                )}
                <Text size="xs" c="dimmed">{dateTime(message.createdAt)}</Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="message-body">{message.body}</Text>
              <AttachmentList attachments={message.attachments} />
            </Paper>
          </Box>
        );
      })}
    </Stack>
  );
}
