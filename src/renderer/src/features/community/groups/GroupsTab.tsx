import { Anchor, Button, Group, Paper, Skeleton, Stack, Switch, Table, Text } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { hrefFor, navigate } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useGroups } from '../api';
import { PlatformBadge } from '../PlatformBadge';
import { groupPath } from '../routes';
import { GroupFormModal } from './GroupFormModal';
import { EmptyPanel } from '../EmptyPanel';

/** Every community group with its platform, size and owner; a new one starts here. */
export function GroupsTab() {
  const { t, format } = useI18n();
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const groups = useGroups(showArchived);

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Switch
          label={t('community.groups.showArchived')}
          checked={showArchived}
          onChange={(e) => setShowArchived(e.currentTarget.checked)}
          data-testid="groups-show-archived"
        />
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="group-new">
          {t('community.groups.new')}
        </Button>
      </Group>
      {groups.isPending ? (
        <Skeleton height={160} />
      ) : groups.isError ? (
        <QueryError error={groups.error} onRetry={() => void groups.refetch()} />
      ) : groups.data.groups.length === 0 ? (
        <EmptyPanel icon={IconUsersGroup} title={t('community.groups.emptyTitle')} body={t('community.groups.emptyBody')}
          testId="groups-empty" bodyWidth={520} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table highlightOnHover verticalSpacing="sm" data-testid="groups-table" aria-label={t('community.tab.groups')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('community.groups.name')}</Table.Th>
                  <Table.Th>{t('community.groups.platform')}</Table.Th>
                  <Table.Th ta="right">{t('community.groups.members')}</Table.Th>
                  <Table.Th>{t('community.groups.owner')}</Table.Th>
                  <Table.Th>{t('community.groups.moderators')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {groups.data.groups.map((g) => (
                  <Table.Tr key={g.id} data-testid="group-row" data-group-id={g.id} style={g.archived ? { opacity: 0.6 } : undefined}>
                    <Table.Td>
                      <Anchor href={hrefFor(groupPath(g.id))} fw={500} data-testid="group-open">{g.name}</Anchor>
                      {g.archived && <Text span size="xs" c="dimmed" ml={6}>{t('community.groups.archivedTag')}</Text>}
                    </Table.Td>
                    <Table.Td><PlatformBadge platform={g.platform} /></Table.Td>
                    <Table.Td ta="right" data-testid="group-members" data-value={g.members}>{format.number(g.members)}</Table.Td>
                    <Table.Td>{g.owner ?? <Text span c="dimmed" size="sm">{t('community.none')}</Text>}</Table.Td>
                    <Table.Td><Text size="sm" lineClamp={1}>{g.moderators.join(', ') || '—'}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <GroupFormModal opened={creating} group={null} onClose={() => setCreating(false)} onSaved={(saved) => { setCreating(false); navigate(groupPath(saved.id)); }} />
    </Stack>
  );
}
