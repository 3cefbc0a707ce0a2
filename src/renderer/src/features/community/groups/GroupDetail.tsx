import { Anchor, Button, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconEdit, IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { errorCodeOf } from '../../../api';
import { hrefFor } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useGroup } from '../api';
import { PlatformBadge } from '../PlatformBadge';
import { COMMUNITY_PATH } from '../routes';
import { GroupFormModal } from './GroupFormModal';
import { GroupNotes } from './GroupNotes';
import { MembersSection } from './MembersSection';

/** One group: who runs it and its rules, its members (with import), and what happened there. */
export function GroupDetail({ groupId }: { groupId: number }) {
  const { t, format } = useI18n();
  const group = useGroup(groupId);
  const [editing, setEditing] = useState(false);

  const back = (
    <Anchor href={hrefFor(COMMUNITY_PATH)} size="sm" data-testid="group-back">
      <Group gap={4} component="span" wrap="nowrap"><IconArrowLeft size={14} />{t('community.groups.back')}</Group>
    </Anchor>
  );
  if (group.isPending) return <Stack>{back}<Skeleton height={120} /><Skeleton height={240} /></Stack>;
  if (group.isError) {
    return (
      <Stack>
        {back}
        {errorCodeOf(group.error) === 'NOT_FOUND'
          ? <Paper withBorder p="xl" data-testid="group-not-found"><Text>{t('community.groups.notFound')}</Text></Paper>
          : <QueryError error={group.error} onRetry={() => void group.refetch()} />}
      </Stack>
    );
  }
  const g = group.data;
  return (
    <Stack gap="lg" data-testid="group-detail" data-group-id={g.id}>
      {back}
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={6}>
            <Group gap="sm">
              <Title order={2} fz="xl" data-testid="group-title">{g.name}</Title>
              <PlatformBadge platform={g.platform} />
              {g.archived && <Text size="sm" c="dimmed">{t('community.groups.archivedTag')}</Text>}
            </Group>
            <Text size="sm" c="dimmed">
              {t('community.groups.summary', { members: format.number(g.members), owner: g.owner ?? t('community.none') })}
              {g.moderators.length > 0 && ` · ${t('community.groups.moderatorsList', { names: g.moderators.join(', ') })}`}
            </Text>
            {g.link && (
              <Anchor href={g.link} target="_blank" rel="noreferrer" size="sm">
                <Group gap={4} component="span">{g.link}<IconExternalLink size={12} /></Group>
              </Anchor>
            )}
          </Stack>
          <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)} data-testid="group-edit">
            {t('community.groups.edit')}
          </Button>
        </Group>
        {g.rules && (
          <Stack gap={2} mt="sm">
            <Text size="sm" fw={600}>{t('community.groups.rules')}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="group-rules-text">{g.rules}</Text>
          </Stack>
        )}
      </Paper>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}><MembersSection groupId={g.id} /></Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}><GroupNotes group={g} /></Grid.Col>
      </Grid>
      <GroupFormModal opened={editing} group={g} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
    </Stack>
  );
}
