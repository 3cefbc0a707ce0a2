import { Alert, Button, Checkbox, Group, JsonInput, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { OutboxEntry } from '../../../../../shared/contract';
import { useT } from '../../../i18n';
import { useRetryOutbox } from '../api';
import { outboxOperationLabel } from '../labels';
import { useSyncSentences } from '../messages';
import { parsePayload } from './payload';

/** Sends a refused change again, as it was or edited; an edited payload must be a JSON object before it goes. */
export function RetryModal({ entry, staffId, onClose }: { entry: OutboxEntry; staffId: number; onClose: () => void }) {
  const t = useT();
  const sentences = useSyncSentences();
  const retry = useRetryOutbox();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(() => JSON.stringify(entry.payload, null, 2));
  const parsed = parsePayload(text);

  const send = () => {
    if (editing && !parsed.ok) return;
    retry.mutate(editing && parsed.ok ? { id: entry.id, staffId, payload: parsed.payload } : { id: entry.id, staffId }, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={t('sync.outbox.retryTitle', { operation: outboxOperationLabel(t, entry.operation) })}>
      <Stack>
        {entry.lastError && <Alert color="red" title={t('sync.outbox.platformSaid')}>{sentences.message(entry.lastError)}</Alert>}
        <Checkbox label={t('sync.outbox.edit')} checked={editing} onChange={(e) => setEditing(e.currentTarget.checked)} data-testid="sync-outbox-edit" />
        <JsonInput label={t('sync.outbox.payload')} value={text} onChange={setText} readOnly={!editing} autosize minRows={6} maxRows={18}
          formatOnBlur error={editing && !parsed.ok ? t('sync.outbox.payloadInvalid') : undefined} data-testid="sync-outbox-payload" />
        <Text size="xs" c="dimmed">{t('sync.outbox.editHint')}</Text>
        {retry.isError && <Alert color="red">{sentences.error(retry.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('sync.cancel')}</Button>
          <Button onClick={send} loading={retry.isPending} disabled={editing && !parsed.ok} data-testid="sync-outbox-retry-send">
            {t('sync.outbox.retrySend')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
