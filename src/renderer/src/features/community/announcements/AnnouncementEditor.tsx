import { Button, Group, MultiSelect, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { announcementSaveInput, type Announcement, type InputOf } from '../../../../../shared/contract';
import { invoke } from '../../../api';
import { useI18n } from '../../../i18n';
import { useGroups, useSaveAnnouncement } from '../api';
import { useVersionedForm } from '../useVersionedForm';
import { RefusalAlert } from '../RefusalAlert';
import { AnnouncementExports } from './AnnouncementExports';

interface AnnouncementForm { titleEn: string; bodyEn: string; titleZh: string; bodyZh: string; groupIds: string[] }

const toForm = (a: Announcement | null): AnnouncementForm => ({
  titleEn: a?.titleEn ?? '', bodyEn: a?.bodyEn ?? '', titleZh: a?.titleZh ?? '', bodyZh: a?.bodyZh ?? '',
  groupIds: (a?.groupIds ?? []).map(String),
});
const toInput = (v: AnnouncementForm, staffId: number, base: Announcement | null): InputOf<'announcements.save'> => ({
  ...(base && { id: base.id, version: base.version, campaignId: base.campaignId }),
  titleEn: v.titleEn.trim(), bodyEn: v.bodyEn.trim(), titleZh: v.titleZh.trim(), bodyZh: v.bodyZh.trim(),
  groupIds: v.groupIds.map(Number),
  staffId,
});

/**
 * One announcement, English and Chinese side by side (both are required: the
 * groups are read in either), linked to the groups it is for; once saved,
 * each linked group gets its export.
 */
export function AnnouncementEditor({ announcement, onSaved }: { announcement: Announcement | null; onSaved: (a: Announcement) => void }) {
  const { t } = useI18n();
  const save = useSaveAnnouncement();
  const groups = useGroups();
  const { form, base, submit, reloadSaved, acting } = useVersionedForm({
    initial: announcement, toForm, toInput, schema: announcementSaveInput, save, keepEditing: true,
    loadSaved: async (id) => (await invoke('announcements.list', {})).announcements.find((a) => a.id === id),
    savedMessage: () => t('community.announcements.saved'),
    onSaved,
  });

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg" component="form" onSubmit={submit} noValidate data-testid="announcement-editor">
        <Stack gap="md">
          <Title order={2} fz="lg">{base ? t('community.announcements.editTitle') : t('community.announcements.newTitle')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Stack gap="sm" lang="en">
              <TextInput label={t('community.announcements.titleEn')} required data-testid="announcement-title-en" {...form.getInputProps('titleEn')} />
              <Textarea label={t('community.announcements.bodyEn')} required autosize minRows={6} maxRows={16} data-testid="announcement-body-en" {...form.getInputProps('bodyEn')} />
            </Stack>
            <Stack gap="sm" lang="zh-CN">
              <TextInput label={t('community.announcements.titleZh')} required data-testid="announcement-title-zh" {...form.getInputProps('titleZh')} />
              <Textarea label={t('community.announcements.bodyZh')} required autosize minRows={6} maxRows={16} data-testid="announcement-body-zh" {...form.getInputProps('bodyZh')} />
            </Stack>
          </SimpleGrid>
          <MultiSelect
            label={t('community.announcements.groups')}
            description={t('community.announcements.groupsHint')}
            data={(groups.data?.groups ?? []).map((g) => ({ value: String(g.id), label: g.name }))}
            searchable
            clearable
            data-testid="announcement-groups"
            {...form.getInputProps('groupIds')}
          />
          {save.isError && <RefusalAlert error={save.error} onReload={() => void reloadSaved()} testId="announcement-save-error" />}
          <Group justify="flex-end">
            {!acting && <Text size="sm" c="red">{t('community.noActingStaff')}</Text>}
            <Button type="submit" loading={save.isPending} disabled={!acting || (base !== null && !form.isDirty())} data-testid="announcement-save">{t('community.save')}</Button>
          </Group>
        </Stack>
      </Paper>
      {base && <AnnouncementExports announcement={base} unsaved={form.isDirty()} />}
    </Stack>
  );
}
