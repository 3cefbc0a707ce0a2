import { ActionIcon, Button, Group, Menu, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { TICKET_CHANNELS, type TicketChannel } from '../../../../../../shared/contract';
import { useT } from '../../../../i18n';
import { SettingsSection } from '../../../../components/SettingsSection';
import type { SlaForm } from './SlaPolicyEditor';
import { copyTargets, rowKey } from './slaForm';
import { TargetsTable } from './TargetsTable';

/** Channels answered on their own clock (chat faster than e-mail); a new one starts from the default targets. */
export function ChannelTargetsSection({ form }: { form: SlaForm }) {
  const t = useT();
  const { channels } = form.values;
  const unused = TICKET_CHANNELS.filter((c) => !channels.some((row) => row.channel === c));
  const add = (channel: TicketChannel) =>
    form.insertListItem('channels', { key: rowKey(), channel, targets: copyTargets(form.values.targets) });
  return (
    <SettingsSection
      title={t('service.admin.sla.channelsTitle')}
      description={t('service.admin.sla.channelsHint')}
      testId="sla-channels"
      actions={
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="light" leftSection={<IconPlus size={16} />} disabled={unused.length === 0} data-testid="sla-channel-add">
              {t('service.admin.sla.addChannel')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {unused.map((channel) => (
              <Menu.Item key={channel} onClick={() => add(channel)} data-testid={`sla-channel-add-${channel}`}>
                {t(`service.admin.channel.${channel}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      }
    >
      {channels.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="sla-channels-empty">
          {t('service.admin.sla.noChannels')}
        </Text>
      ) : (
        <Stack gap="md">
          {channels.map((row, index) => (
            <Paper key={row.key} withBorder p="md" radius="md" data-testid={`sla-channel-${row.channel}`}>
              <Group justify="space-between" mb="xs">
                <Text fw={600} size="sm">{t(`service.admin.channel.${row.channel}`)}</Text>
                <Tooltip label={t('service.admin.remove')}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => form.removeListItem('channels', index)}
                    aria-label={t('service.admin.sla.removeChannel', { channel: t(`service.admin.channel.${row.channel}`) })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
              <TargetsTable form={form} base={`channels.${index}.targets`} targets={row.targets} testId={`sla-channel-${row.channel}-targets`} />
            </Paper>
          ))}
        </Stack>
      )}
    </SettingsSection>
  );
}
