import { ActionIcon, Anchor, Badge, Button, Group, Paper, Popover, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';
import type { MemberRow } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { hrefFor } from '../../../app/router';
import { refusalSentence } from '../../../components/fieldIssues';
import { QueryError } from '../../../components/QueryError';
import { SearchBox } from '../../../components/SearchBox';
import { useI18n, useT } from '../../../i18n';
import { pathForCustomer } from '../../customers/routes';
import { useMembers, useRemoveMembers } from '../api';
import { ImportMembersModal } from './ImportMembersModal';

/** A group's members, searchable and paged, with their points and tier; import and remove from here. */
export function MembersSection({ groupId }: { groupId: number }) {
  const { t, format } = useI18n();
  const [search, setSearch] = useState('');
  const [importing, setImporting] = useState(false);
  const { query, rows, total } = useMembers(groupId, search);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="group-members-title">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={3} fz="lg" id="group-members-title">
          {t('community.members.title')}
          {total !== null && <Text span c="dimmed" fz="sm" ml={8} data-testid="members-total" data-value={total}>{format.number(total)}</Text>}
        </Title>
        <Button variant="light" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)} data-testid="members-import">
          {t('community.members.import')}
        </Button>
      </Group>
      <SearchBox value={search} onChange={setSearch} label={t('community.members.search')} placeholder={t('community.members.searchPlaceholder')} clearLabel={t('community.clear')} testId="members-search" />
      {query.isPending ? (
        <Skeleton height={160} mt="sm" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed" mt="md" data-testid="members-empty">
          {search ? t('community.members.noMatch') : t('community.members.empty')}
        </Text>
      ) : (
        <Stack gap="sm" mt="sm">
          <Table.ScrollContainer minWidth={620}>
            <Table verticalSpacing={6} highlightOnHover data-testid="members-table" aria-label={t('community.members.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('community.members.name')}</Table.Th>
                  <Table.Th>{t('community.members.role')}</Table.Th>
                  <Table.Th ta="right">{t('community.members.points')}</Table.Th>
                  <Table.Th>{t('community.members.tier')}</Table.Th>
                  <Table.Th>{t('community.members.joined')}</Table.Th>
                  <Table.Th><VisuallyHidden>{t('community.members.remove')}</VisuallyHidden></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((m) => (
                  <Table.Tr key={m.customerId} data-testid="member-row" data-customer-id={m.customerId}>
                    <Table.Td>
                      <Anchor href={hrefFor(pathForCustomer(m.customerId))} size="sm">{m.name ?? t('community.unnamed', { id: m.customerId })}</Anchor>
                      {m.email && <Text size="xs" c="dimmed">{m.email}</Text>}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={m.role === 'moderator' ? 'grape' : 'gray'} tt="none">{t(`community.role.${m.role}`)}</Badge>
                    </Table.Td>
                    <Table.Td ta="right">{format.number(m.pointsBalance)}</Table.Td>
                    <Table.Td>{m.tierName ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{format.date(m.joinedAt)}</Text>
                      <Text size="xs" c="dimmed">{t(`community.source.${m.source}`)}</Text>
                    </Table.Td>
                    <Table.Td><RemoveMember groupId={groupId} member={m} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {query.hasNextPage && (
            <Button variant="subtle" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} data-testid="members-more">
              {t('community.more')}
            </Button>
          )}
        </Stack>
      )}
      <ImportMembersModal groupId={groupId} opened={importing} onClose={() => setImporting(false)} />
    </Paper>
  );
}

/** Remove asks once (a popover), so a slip of the mouse does not take someone out of a group. */
function RemoveMember({ groupId, member }: { groupId: number; member: MemberRow }) {
  const t = useT();
  const acting = useActingStaff();
  const remove = useRemoveMembers();
  const [open, setOpen] = useState(false);
  const name = member.name ?? t('community.unnamed', { id: member.customerId });
  return (
    <Popover opened={open} onChange={setOpen} position="left" withArrow trapFocus>
      <Popover.Target>
        <ActionIcon variant="subtle" color="red" aria-label={t('community.members.removeWho', { name })} onClick={() => setOpen((o) => !o)} data-testid="member-remove">
          <IconUserMinus size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" maw={260}>
          <Text size="sm">{t('community.members.removeConfirm', { name })}</Text>
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpen(false)}>{t('community.cancel')}</Button>
            <Button
              size="xs"
              color="red"
              disabled={!acting}
              loading={remove.isPending}
              data-testid="member-remove-confirm"
              onClick={() => acting && remove.mutate({ groupId, customerIds: [member.customerId], staffId: acting.id }, {
                onSuccess: () => { setOpen(false); notifications.show({ color: 'teal', message: t('community.members.removed', { name }) }); },
                onError: (error) => notifications.show({ color: 'red', message: refusalSentence(t, error) }),
              })}
            >
              {t('community.members.remove')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
