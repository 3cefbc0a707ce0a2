import { ActionIcon, Badge, Button, Group, Paper, Skeleton, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { StaffMember } from '../../../../../../shared/contract';
import { QueryError } from '../../../../components/QueryError';
import { useI18n } from '../../../../i18n';
import { useStaffList } from '../api';
import { SettingsSection } from '../../../../components/SettingsSection';
import { StaffModal } from './StaffModal';

const ROLE_COLORS = { owner: 'grape', manager: 'blue', agent: 'gray' } as const;

/** The team, former members included: who may act in the console, their role and how many tickets they take. */
export function StaffTab() {
  const { t, format } = useI18n();
  const staff = useStaffList();
  const [editing, setEditing] = useState<StaffMember | 'new' | null>(null);
  return (
    <SettingsSection
      title={t('service.admin.staff.title')}
      description={t('service.admin.staff.hint')}
      testId="staff-tab"
      actions={
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEditing('new')} data-testid="staff-add">
          {t('service.admin.staff.add')}
        </Button>
      }
    >
      {staff.isPending && <Skeleton height={240} />}
      {staff.isError && <QueryError error={staff.error} onRetry={() => void staff.refetch()} />}
      {staff.data?.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="staff-empty">{t('service.admin.staff.empty')}</Text>
      )}
      {staff.data && staff.data.length > 0 && (
        <Paper withBorder radius="sm">
          <Table.ScrollContainer minWidth={720} type="native">
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="staff-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('service.admin.staff.name')}</Table.Th>
                  <Table.Th>{t('service.admin.staff.email')}</Table.Th>
                  <Table.Th>{t('service.admin.staff.role')}</Table.Th>
                  <Table.Th ta="right">{t('service.admin.staff.openTickets')}</Table.Th>
                  <Table.Th ta="right">{t('service.admin.staff.capacity')}</Table.Th>
                  <Table.Th>{t('service.admin.staff.status')}</Table.Th>
                  <Table.Th w={48} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {staff.data.map((member) => (
                  <Table.Tr key={member.id} data-testid="staff-row" data-active={member.active}>
                    <Table.Td fw={500}>{member.name}</Table.Td>
                    <Table.Td c={member.email ? undefined : 'dimmed'}>{member.email ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={ROLE_COLORS[member.role]}>{t(`service.admin.role.${member.role}`)}</Badge>
                    </Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{format.number(member.openTickets)}</Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{format.number(member.capacity)}</Table.Td>
                    <Table.Td>
                      {member.active ? (
                        <Badge variant="dot" color="teal">{t('service.admin.active')}</Badge>
                      ) : (
                        <Badge variant="dot" color="gray">{t('service.admin.inactive')}</Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={t('service.admin.staff.edit')}>
                        <ActionIcon variant="subtle" onClick={() => setEditing(member)} aria-label={t('service.admin.staff.editNamed', { name: member.name })} data-testid="staff-edit">
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <Group mt="sm">
        <Text size="xs" c="dimmed">{t('service.admin.staff.roles')}</Text>
      </Group>
      {editing !== null && (
        <StaffModal member={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </SettingsSection>
  );
}
