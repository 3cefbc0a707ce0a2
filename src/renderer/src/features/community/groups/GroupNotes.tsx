import { Anchor, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { CommunityGroupDetail } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { hrefFor } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { pathForCustomer } from '../../customers/routes';
import { useAddNote } from '../api';
import { RefusalAlert } from '../RefusalAlert';

const NOTE_MAX = 4000;

/** What happened in the group (an event, a complaint, a good week), newest first, signed by who wrote it. */
export function GroupNotes({ group }: { group: CommunityGroupDetail }) {
  const { t, format } = useI18n();
  const acting = useActingStaff();
  const add = useAddNote();
  const [body, setBody] = useState('');

  const submit = () => {
    if (!acting || !body.trim()) return;
    add.mutate({ groupId: group.id, body: body.trim(), staffId: acting.id }, { onSuccess: () => setBody('') });
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="group-notes-title">
      <Title order={3} fz="lg" mb="sm" id="group-notes-title">{t('community.notes.title')}</Title>
      <Stack gap="xs">
        <Textarea
          aria-label={t('community.notes.add')}
          placeholder={t('community.notes.placeholder')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={NOTE_MAX}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          // Ctrl/Cmd+Enter saves, as in the ticket composer.
          onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(); }}
          data-testid="note-body"
        />
        {add.isError && <RefusalAlert error={add.error} testId="note-error" />}
        <Group justify="flex-end">
          {!acting && <Text size="sm" c="red">{t('community.noActingStaff')}</Text>}
          <Button size="xs" onClick={submit} disabled={!acting || !body.trim()} loading={add.isPending} data-testid="note-add">{t('community.notes.add')}</Button>
        </Group>
        {group.notes.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="notes-empty">{t('community.notes.empty')}</Text>
        ) : (
          <Stack gap="sm" data-testid="notes-list">
            {group.notes.map((note) => (
              <Paper key={note.id} withBorder p="xs" radius="sm" data-testid="note">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{note.body}</Text>
                <Text size="xs" c="dimmed" mt={4}>
                  {format.date(note.createdAt)}
                  {note.staffName && ` · ${note.staffName}`}
                  {note.customerId !== null && (
                    <>
                      {' · '}
                      <Anchor href={hrefFor(pathForCustomer(note.customerId))} size="xs">{note.customerName ?? t('community.unnamed', { id: note.customerId })}</Anchor>
                    </>
                  )}
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
