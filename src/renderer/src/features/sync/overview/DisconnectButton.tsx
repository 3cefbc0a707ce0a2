import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlugConnectedX } from '@tabler/icons-react';
import type { ConnectedStore } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { useT } from '../../../i18n';
import { useRemoveStore } from '../api';
import { useSyncSentences } from '../messages';

/** Disconnecting forgets the store's secret and stops syncing; its data stays. Asked for first. */
export function DisconnectButton({ store }: { store: ConnectedStore }) {
  const t = useT();
  const sentences = useSyncSentences();
  const staff = useActingStaff();
  const [opened, { open, close }] = useDisclosure(false);
  const remove = useRemoveStore();
  return (
    <>
      <Button variant="subtle" color="red" leftSection={<IconPlugConnectedX size={16} />} onClick={open} disabled={!staff} data-testid="sync-disconnect">
        {t('sync.disconnect.open')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('sync.disconnect.title', { store: store.name })}>
        <Stack>
          <Text size="sm">{t('sync.disconnect.body')}</Text>
          {remove.isError && <Text size="sm" c="red">{sentences.error(remove.error)}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('sync.cancel')}</Button>
            <Button color="red" loading={remove.isPending} data-testid="sync-disconnect-confirm"
              onClick={() => staff && remove.mutate({ storeId: store.id, staffId: staff.id }, { onSuccess: close })}>
              {t('sync.disconnect.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
