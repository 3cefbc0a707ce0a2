import { Button, Group, Menu, Paper, Popover, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconTag, IconUserPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { BulkAction } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { useI18n } from '../../../i18n';
import { refusalSentence } from '../../loyalty/issues';
import { useBulkTickets, useStaffList, useUndoBulk } from '../api';

/**
 * Actions on the ticked tickets: assign, add a tag, close. Each is announced
 * with an Undo that restores exactly what it changed (tickets.undo).
 */
export function BulkBar({ ids, onDone, onClear }: { ids: number[]; onDone: () => void; onClear: () => void }) {
  const { t, format } = useI18n();
  const staff = useActingStaff();
  const team = useStaffList().data ?? [];
  const bulk = useBulkTickets();
  const undo = useUndoBulk();
  const [tag, setTag] = useState('');
  const [tagOpen, setTagOpen] = useState(false);

  const run = (action: BulkAction, doneKey: 'service.bulk.assigned' | 'service.bulk.tagged' | 'service.bulk.closed') => {
    if (!staff) return;
    bulk.mutate(
      { ids, staffId: staff.id, action },
      {
        onSuccess: (result) => {
          onDone();
          const id = `bulk-${result.undoToken}`;
          notifications.show({
            id,
            color: 'teal',
            autoClose: 15_000,
            message: (
              <Group justify="space-between" gap="sm" wrap="nowrap" data-testid="bulk-done">
                <Text size="sm">{t(doneKey, { count: format.number(result.changed) })}</Text>
                <Button
                  size="compact-sm"
                  variant="light"
                  data-testid="bulk-undo"
                  onClick={() =>
                    undo.mutate(
                      { undoToken: result.undoToken, staffId: staff.id },
                      {
                        onSuccess: (undone) => {
                          notifications.hide(id);
                          notifications.show({ color: 'teal', message: t('service.bulk.undone', { count: format.number(undone.restored) }), 'data-testid': 'bulk-undone' });
                        },
                        onError: (error) => notifications.show({ color: 'red', title: t('service.bulk.undoFailed'), message: refusalSentence(t, error) }),
                      },
                    )
                  }
                >
                  {t('service.bulk.undo')}
                </Button>
              </Group>
            ),
          });
        },
        onError: (error) => notifications.show({ color: 'red', title: t('service.bulk.failed'), message: refusalSentence(t, error) }),
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="xs" mb="sm" data-testid="bulk-bar" bg="var(--mantine-primary-color-light)">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600} data-testid="bulk-count">{t('service.bulk.selected', { count: format.number(ids.length) })}</Text>
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button size="xs" variant="default" leftSection={<IconUserPlus size={16} />} rightSection={<IconChevronDown size={14} />} loading={bulk.isPending} data-testid="bulk-assign">
              {t('service.bulk.assign')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown data-testid="bulk-assign-options">
            {team.filter((s) => s.active).map((s) => (
              <Menu.Item key={s.id} onClick={() => run({ kind: 'assign', assigneeId: s.id }, 'service.bulk.assigned')}>{s.name}</Menu.Item>
            ))}
            <Menu.Divider />
            <Menu.Item onClick={() => run({ kind: 'assign', assigneeId: null }, 'service.bulk.assigned')}>{t('service.unassigned')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Popover opened={tagOpen} onChange={setTagOpen} trapFocus position="bottom-start" withinPortal>
          <Popover.Target>
            <Button size="xs" variant="default" leftSection={<IconTag size={16} />} onClick={() => setTagOpen((o) => !o)} data-testid="bulk-tag">
              {t('service.bulk.tag')}
            </Button>
          </Popover.Target>
          <Popover.Dropdown>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (!tag.trim()) return;
                run({ kind: 'tag', tag: tag.trim() }, 'service.bulk.tagged');
                setTag('');
                setTagOpen(false);
              }}
            >
              <Stack gap="xs">
                <TextInput label={t('service.bulk.tagLabel')} value={tag} maxLength={40} onChange={(e) => setTag(e.currentTarget.value)} data-autofocus data-testid="bulk-tag-input" />
                <Button type="submit" size="xs" disabled={!tag.trim()} data-testid="bulk-tag-submit">{t('service.bulk.tagSubmit')}</Button>
              </Stack>
            </form>
          </Popover.Dropdown>
        </Popover>
        <Button size="xs" variant="default" color="red" onClick={() => run({ kind: 'close' }, 'service.bulk.closed')} loading={bulk.isPending} data-testid="bulk-close">
          {t('service.bulk.close')}
        </Button>
        <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={onClear} data-testid="bulk-clear">
          {t('service.bulk.clear')}
        </Button>
      </Group>
    </Paper>
  );
}
