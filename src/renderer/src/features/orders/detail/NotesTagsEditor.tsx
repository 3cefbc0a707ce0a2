import { Button, Group, Stack, TagsInput, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { MAX_ORDER_NOTE, MAX_ORDER_TAGS, type OrderDetail } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { useT } from '../../../i18n';
import { newIdempotencyKey, useUpdateOrder } from '../api';
import { ActionError } from './ActionError';
import { Section } from './Section';

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((tag, i) => tag === b[i]);

export function NotesTagsEditor({ order }: { order: OrderDetail }) {
  const t = useT();
  const staff = useActingStaff();
  const update = useUpdateOrder();
  const [note, setNote] = useState(order.localNote ?? '');
  const [tags, setTags] = useState(order.localTags);
  const noteChanged = note.trim() !== (order.localNote ?? '').trim();
  const tagsChanged = !sameTags(tags, order.localTags);

  const save = () => {
    if (!staff) return;
    update.mutate(
      {
        id: order.id,
        ...(noteChanged && { note: note.trim() === '' ? null : note }),
        ...(tagsChanged && { tags }),
        staffId: staff.id,
        idempotencyKey: newIdempotencyKey('order-update'),
      },
      {
        onSuccess: (saved) => {
          setNote(saved.localNote ?? '');
          setTags(saved.localTags);
          // The core says where the change went (the outbox queues only for connected stores).
          const queuedFor = saved.delivery.queuedFor;
          notifications.show({
            color: 'teal',
            message: queuedFor ? t('orders.notes.savedQueued', { store: queuedFor }) : t('orders.notes.savedLocally'),
            'data-testid': 'order-notes-saved',
            'data-queued-for': queuedFor ?? '',
          } as Parameters<typeof notifications.show>[0]);
        },
      },
    );
  };

  return (
    <Section title={t('orders.section.notes')} testId="order-notes">
      <Stack gap="sm">
        <Textarea
          label={t('orders.notes.note')}
          placeholder={t('orders.notes.notePlaceholder')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={MAX_ORDER_NOTE}
          autosize
          minRows={2}
          maxRows={6}
          data-testid="order-note"
        />
        <TagsInput
          label={t('orders.notes.localTags')}
          placeholder={t('orders.notes.tagsPlaceholder')}
          value={tags}
          onChange={setTags}
          maxTags={MAX_ORDER_TAGS}
          splitChars={[',']}
          clearable
          description={order.remoteTags.length ? t('orders.notes.remoteTags', { tags: order.remoteTags.join(', ') }) : undefined}
          data-testid="order-tags"
        />
        {update.isError && (
          <ActionError title={t('orders.notes.failed')} error={update.error} testId="order-notes-error" />
        )}
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed">
            {staff ? '' : t('orders.notes.noStaff')}
          </Text>
          <Button
            onClick={save}
            disabled={!staff || (!noteChanged && !tagsChanged)}
            loading={update.isPending}
            data-testid="order-notes-save"
          >
            {t('orders.notes.save')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
