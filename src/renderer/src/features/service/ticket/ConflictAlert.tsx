import { Alert, Button, Group, List, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useT } from '../../../i18n';
import { priorityLabel, statusLabel } from '../labels';
import type { CurrentTicketValues } from './conflict';

/**
 * A stale save: someone else changed the ticket after it was opened here.
 * Nothing was saved; the ticket's current values are shown beside what was
 * typed, and Reload brings them in (the edits here are then dropped).
 */
export function ConflictAlert({ current, onReload }: { current: CurrentTicketValues; onReload: () => void }) {
  const t = useT();
  return (
    <Alert color="orange" variant="light" title={t('service.conflict.title')} role="alert" data-testid="ticket-conflict" mb="sm">
      <Text size="sm" mb="xs">{t('service.conflict.body')}</Text>
      <List size="sm" spacing={2} data-testid="ticket-conflict-current">
        {current.status !== undefined && <List.Item>{t('service.conflict.status', { value: statusLabel(t, current.status) })}</List.Item>}
        {current.priority !== undefined && <List.Item>{t('service.conflict.priority', { value: priorityLabel(t, current.priority) })}</List.Item>}
        {current.assigneeName !== undefined && (
          <List.Item>{t('service.conflict.assignee', { value: current.assigneeName ?? t('service.unassigned') })}</List.Item>
        )}
        {current.tags !== undefined && (
          <List.Item>{t('service.conflict.tags', { value: current.tags.length ? current.tags.join(', ') : t('service.conflict.noTags') })}</List.Item>
        )}
      </List>
      <Group mt="sm">
        <Button size="xs" color="orange" leftSection={<IconRefresh size={14} />} onClick={onReload} data-testid="ticket-conflict-reload">
          {t('service.conflict.reload')}
        </Button>
      </Group>
    </Alert>
  );
}
