import { Anchor, Badge, Button, Group, Paper, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAward, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useActingStaff } from '../../../app/actingStaff';
import { hrefFor } from '../../../app/router';
import { refusalSentence } from '../../../components/fieldIssues';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useAddMembers, useCustomerCommunity, useGroups } from '../../community/api';
import { boardLabel } from '../../community/labels';
import { PlatformBadge } from '../../community/PlatformBadge';
import { COMMUNITY_PATH, groupPath } from '../../community/routes';

/** The community side of a customer: the groups they are in, the honours they hold, and a group to add them to. */
export function CommunityCard({ customerId }: { customerId: number }) {
  const { t, format } = useI18n();
  const acting = useActingStaff();
  const community = useCustomerCommunity(customerId);
  const groups = useGroups();
  const add = useAddMembers();
  const [groupId, setGroupId] = useState<string | null>(null);

  const inGroups = new Set((community.data?.groups ?? []).map((g) => g.id));
  const choices = (groups.data?.groups ?? []).filter((g) => !inGroups.has(g.id)).map((g) => ({ value: String(g.id), label: g.name }));
  const addToGroup = () => {
    if (!acting || groupId === null) return;
    const name = groups.data?.groups.find((g) => g.id === Number(groupId))?.name ?? '';
    add.mutate({ groupId: Number(groupId), customerIds: [customerId], staffId: acting.id }, {
      onSuccess: () => { setGroupId(null); notifications.show({ color: 'teal', message: t('community.profile.added', { name }) }); },
      onError: (error) => notifications.show({ color: 'red', message: refusalSentence(t, error) }),
    });
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="profile-community-title" data-testid="profile-community">
      <Title order={2} fz="lg" mb="sm" id="profile-community-title">{t('community.profile.title')}</Title>
      {community.isPending ? <Skeleton height={60} /> : community.isError ? (
        <QueryError error={community.error} onRetry={() => void community.refetch()} />
      ) : (
        <Stack gap="sm">
          {community.data.groups.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="profile-community-none">{t('community.profile.noGroups')}</Text>
          ) : (
            <Stack gap={6} data-testid="profile-community-groups">
              {community.data.groups.map((g) => (
                <Group key={g.id} gap="xs" data-testid="profile-community-group" data-group-id={g.id}>
                  <PlatformBadge platform={g.platform} />
                  <Anchor href={hrefFor(groupPath(g.id))} size="sm">{g.name}</Anchor>
                </Group>
              ))}
            </Stack>
          )}
          {community.data.honours.length > 0 && (
            <Group gap={6} data-testid="profile-honours">
              {community.data.honours.map((h) => (
                <Badge
                  key={`${h.board}-${h.from}-${h.to}`}
                  variant="light"
                  color="yellow"
                  tt="none"
                  leftSection={<IconAward size={12} />}
                  title={t('community.profile.honourTitle', { board: t(boardLabel(h.board)), rank: h.rank, from: format.date(h.from), to: format.date(h.to) })}
                  data-testid="profile-honour"
                >
                  {h.badge}
                </Badge>
              ))}
            </Group>
          )}
          {groups.data && groups.data.groups.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('community.profile.noGroupsYet')} <Anchor href={hrefFor(COMMUNITY_PATH)} size="sm">{t('community.profile.createGroup')}</Anchor>
            </Text>
          ) : (
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <Select
                aria-label={t('community.profile.addTo')}
                placeholder={t('community.profile.addTo')}
                data={choices}
                value={groupId}
                onChange={setGroupId}
                searchable
                style={{ flex: 1 }}
                data-testid="profile-community-group-select"
              />
              <Button leftSection={<IconUserPlus size={16} />} onClick={addToGroup} disabled={!acting || groupId === null} loading={add.isPending} data-testid="profile-community-add">
                {t('community.profile.add')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Paper>
  );
}
