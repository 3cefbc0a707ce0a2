import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBan } from '@tabler/icons-react';
import { useState } from 'react';
import type { CampaignDetail } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { useT } from '../../../i18n';
import { useCancelCampaign } from '../api';
import { refusalSentence } from '../issues';

/** Cancel a draft, or stop a launched campaign early; what was already posted stays. */
export function CancelCampaignButton({ campaign }: { campaign: CampaignDetail }) {
  const t = useT();
  const staff = useActingStaff();
  const cancel = useCancelCampaign();
  const [opened, setOpened] = useState(false);
  const close = () => { setOpened(false); cancel.reset(); };
  const confirm = () => {
    if (!staff || cancel.isPending) return;
    cancel.mutate({ id: campaign.id, staffId: staff.id }, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('campaigns.cancel.done', { name: campaign.name }) });
        close();
      },
    });
  };
  return (
    <>
      <Button variant="default" color="red" leftSection={<IconBan size={16} />} onClick={() => setOpened(true)} data-testid="campaign-cancel">
        {t(campaign.status === 'draft' ? 'campaigns.cancel.draft' : 'campaigns.cancel.stop')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('campaigns.cancel.title', { name: campaign.name })}>
        <Stack gap="md">
          <Text size="sm">{t(campaign.status === 'draft' ? 'campaigns.cancel.draftExplain' : 'campaigns.cancel.stopExplain')}</Text>
          {cancel.isError && <Alert color="red" variant="light">{refusalSentence(t, cancel.error)}</Alert>}
          {!staff && <Alert color="yellow">{t('campaigns.noStaff')}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('campaigns.close')}</Button>
            <Button color="red" onClick={confirm} loading={cancel.isPending} disabled={!staff} data-testid="campaign-cancel-confirm">
              {t('campaigns.cancel.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
