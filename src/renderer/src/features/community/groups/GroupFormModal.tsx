import { Button, Group, Modal, Select, SimpleGrid, Stack, Switch, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { COMMUNITY_PLATFORMS, groupSaveInput, type CommunityGroup, type CommunityPlatform, type InputOf } from '../../../../../shared/contract';
import { invoke } from '../../../api';
import { useT } from '../../../i18n';
import { useSaveGroup } from '../api';
import { useVersionedForm } from '../useVersionedForm';
import { platformLabel } from '../labels';
import { RefusalAlert } from '../RefusalAlert';

interface GroupForm {
  platform: CommunityPlatform;
  name: string;
  link: string;
  owner: string;
  moderators: string[];
  rules: string;
  archived: boolean;
}

const toForm = (group: CommunityGroup | null): GroupForm => ({
  platform: group?.platform ?? 'wechat',
  name: group?.name ?? '',
  link: group?.link ?? '',
  owner: group?.owner ?? '',
  moderators: group?.moderators ?? [],
  rules: group?.rules ?? '',
  archived: group?.archived ?? false,
});

const toInput = (values: GroupForm, staffId: number, base: CommunityGroup | null): InputOf<'community.groups.update'> => ({
  ...(base && { id: base.id, version: base.version }),
  platform: values.platform,
  name: values.name.trim(),
  link: values.link.trim() || null,
  owner: values.owner.trim() || null,
  moderators: values.moderators.map((m) => m.trim()).filter(Boolean),
  rules: values.rules,
  archived: values.archived,
  staffId,
});

/**
 * Create a group, or edit one with the version it was opened at: if someone
 * saved it meanwhile, the save is refused with a sentence and the saved copy
 * can be loaded, so nobody's change is lost silently.
 */
export function GroupFormModal(props: { opened: boolean; group: CommunityGroup | null; onClose: () => void; onSaved: (group: CommunityGroup) => void }) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} size="lg" title={<GroupFormTitle editing={props.group !== null} />}>
      {props.opened && <GroupFormBody key={props.group?.id ?? 'new'} {...props} />}
    </Modal>
  );
}

function GroupFormTitle({ editing }: { editing: boolean }) {
  const t = useT();
  return <Text fw={600}>{editing ? t('community.groups.editTitle') : t('community.groups.newTitle')}</Text>;
}

function GroupFormBody({ group, onClose, onSaved }: { group: CommunityGroup | null; onClose: () => void; onSaved: (group: CommunityGroup) => void }) {
  const t = useT();
  const save = useSaveGroup();
  const { form, submit, reloadSaved, acting } = useVersionedForm({
    initial: group, toForm, toInput, schema: groupSaveInput, save,
    // After a conflict: the saved copy replaces the form, and the next save is checked against it.
    loadSaved: (id) => invoke('community.groups.get', { id }),
    savedMessage: (saved) => t('community.groups.saved', { name: saved.name }),
    onSaved,
  });

  return (
    <form onSubmit={submit} noValidate data-testid="group-form">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('community.groups.platform')}
            required
            allowDeselect={false}
            data={COMMUNITY_PLATFORMS.map((p) => ({ value: p, label: t(platformLabel(p)) }))}
            data-testid="group-platform"
            {...form.getInputProps('platform')}
          />
          <TextInput label={t('community.groups.name')} required data-autofocus data-testid="group-name" {...form.getInputProps('name')} />
          <TextInput label={t('community.groups.link')} placeholder="https://" data-testid="group-link" {...form.getInputProps('link')} />
          <TextInput label={t('community.groups.owner')} data-testid="group-owner" {...form.getInputProps('owner')} />
        </SimpleGrid>
        <TagsInput
          label={t('community.groups.moderators')}
          description={t('community.groups.moderatorsHint')}
          maxTags={20}
          data-testid="group-moderators"
          {...form.getInputProps('moderators')}
        />
        <Textarea label={t('community.groups.rules')} autosize minRows={3} maxRows={10} data-testid="group-rules" {...form.getInputProps('rules')} />
        {group && <Switch label={t('community.groups.archived')} data-testid="group-archived" {...form.getInputProps('archived', { type: 'checkbox' })} />}
        {save.isError && <RefusalAlert error={save.error} onReload={() => void reloadSaved()} testId="group-save-error" />}
        <Group justify="flex-end">
          {!acting && <Text size="sm" c="red">{t('community.noActingStaff')}</Text>}
          <Button variant="default" onClick={onClose}>{t('community.cancel')}</Button>
          <Button type="submit" loading={save.isPending} disabled={!acting} data-testid="group-save">{t('community.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
