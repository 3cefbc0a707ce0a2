import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { OutboxEntry } from '../../../../../shared/contract';
import { useT } from '../../../i18n';
import { useDiscardOutbox } from '../api';
import { outboxOperationLabel } from '../labels';
import { useSyncSentences } from '../messages';

/** Giving up on a change is asked for first: the marketplace will never get it; the local change stays. */
export function DiscardModal({ entry, staffId, onClose }: { entry: OutboxEntry; staffId: number; onClose: () => void }) {
  const t = useT();
  const sentences = useSyncSentences();
  const discard = useDiscardOutbox();
  return (
    <Modal opened onClose={onClose} title={t('sync.outbox.discardTitle', { operation: outboxOperationLabel(t, entry.operation) })}>
      <Stack>
        <Text size="sm">{t('sync.outbox.discardBody')}</Text>
        {discard.isError && <Alert color="red">{sentences.error(discard.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('sync.cancel')}</Button>
          <Button color="red" loading={discard.isPending} onClick={() => discard.mutate({ id: entry.id, staffId }, { onSuccess: onClose })}
            data-testid="sync-outbox-discard-confirm">
            {t('sync.outbox.discardConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
