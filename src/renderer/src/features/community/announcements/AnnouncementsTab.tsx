import { Button, Grid, NavLink, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconPlus, IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useAnnouncements } from '../api';
import { AnnouncementEditor } from './AnnouncementEditor';
import { EmptyPanel } from '../EmptyPanel';

/** Announcements written once in both languages: the list, and the one being written or exported. */
export function AnnouncementsTab() {
  const { t, format, locale } = useI18n();
  const list = useAnnouncements();
  // null: nothing chosen; 'new': a new one; a number: that announcement.
  const [chosen, setChosen] = useState<number | 'new' | null>(null);
  const announcements = list.data?.announcements ?? [];
  const current = typeof chosen === 'number' ? announcements.find((a) => a.id === chosen) ?? null : null;

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="sm">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setChosen('new')} data-testid="announcement-new">{t('community.announcements.new')}</Button>
          {list.isPending ? <Skeleton height={120} /> : list.isError ? (
            <QueryError error={list.error} onRetry={() => void list.refetch()} />
          ) : announcements.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="announcements-empty">{t('community.announcements.empty')}</Text>
          ) : (
            <Paper withBorder radius="md" p={4} component="nav" aria-label={t('community.tab.announcements')}>
              {announcements.map((a) => (
                <NavLink
                  key={a.id}
                  component="button"
                  active={chosen === a.id}
                  label={locale === 'en' ? a.titleEn : a.titleZh}
                  description={`${format.date(a.updatedAt)} · ${t('community.announcements.groupCount', { count: a.groupIds.length })}`}
                  onClick={() => setChosen(a.id)}
                  data-testid="announcement-item"
                  data-announcement-id={a.id}
                />
              ))}
            </Paper>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        {chosen === null || (typeof chosen === 'number' && !current) ? (
          <EmptyPanel icon={IconSpeakerphone} title={t('community.announcements.noneTitle')}
            body={t('community.announcements.noneBody')} testId="announcement-none" />
        ) : (
          <AnnouncementEditor key={chosen} announcement={current} onSaved={(saved) => setChosen(saved.id)} />
        )}
      </Grid.Col>
    </Grid>
  );
}
