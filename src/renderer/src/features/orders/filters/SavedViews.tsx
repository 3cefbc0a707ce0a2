import { ActionIcon, Button, Group, Modal, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { SavedView } from '../../../../../shared/contract';
import { errorCodeOf } from '../../../api';
import { useT } from '../../../i18n';
import { useDeleteView, useSavedViews, useSaveView } from '../api';
import { queryFromView, type OrdersQuery } from './query';

/** Key order differs between a saved view and the live state; compare as sorted JSON. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/**
 * Pick a saved view (its filter and sort replace the current ones), save the
 * current ones under a name, or delete the view in use. The picker shows a
 * view as chosen only while the table still shows exactly that view.
 */
export function SavedViews({ query, onPick }: { query: OrdersQuery; onPick: (query: OrdersQuery) => void }) {
  const t = useT();
  const views = useSavedViews();
  const remove = useDeleteView();
  const [saving, setSaving] = useState(false);
  const list = views.data ?? [];
  const current = list.find((view) => canonical(queryFromView(view.query)) === canonical(query)) ?? null;

  return (
    <Group gap={6} wrap="nowrap">
      <Select
        w={200}
        aria-label={t('orders.views.label')}
        placeholder={t('orders.views.placeholder')}
        data={list.map((view) => ({ value: String(view.id), label: view.name }))}
        value={current ? String(current.id) : null}
        onChange={(id) => {
          const view = list.find((v) => String(v.id) === id);
          if (view) onPick(queryFromView(view.query));
        }}
        nothingFoundMessage={t('orders.views.none')}
        searchable
        data-testid="orders-views"
      />
      {current && (
        <Tooltip label={t('orders.views.delete', { name: current.name })}>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('orders.views.delete', { name: current.name })}
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(current.id, {
                onSuccess: () => notifications.show({ message: t('orders.views.deleted', { name: current.name }) }),
                onError: (error) => notifications.show({ color: 'red', message: t(`error.${errorCodeOf(error)}`) }),
              })
            }
            data-testid="orders-views-delete"
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      )}
      <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={() => setSaving(true)} data-testid="orders-views-save">
        {t('orders.views.save')}
      </Button>
      <SaveViewModal opened={saving} onClose={() => setSaving(false)} query={query} existing={list} />
    </Group>
  );
}

function SaveViewModal({ opened, onClose, query, existing }: { opened: boolean; onClose: () => void; query: OrdersQuery; existing: SavedView[] }) {
  const t = useT();
  const save = useSaveView();
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const trimmed = name.trim();
  const replaces = existing.some((view) => view.name === trimmed);

  const submit = () => {
    setTouched(true);
    if (!trimmed) return;
    save.mutate(
      { name: trimmed, query },
      {
        onSuccess: (view) => {
          notifications.show({ color: 'teal', message: t('orders.views.saved', { name: view.name }) });
          setName('');
          setTouched(false);
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('orders.views.saveTitle')} data-testid="orders-views-modal">
      <form onSubmit={(event) => { event.preventDefault(); submit(); }}>
        <Stack gap="sm">
          <TextInput
            label={t('orders.views.name')}
            placeholder={t('orders.views.namePlaceholder')}
            value={name}
            maxLength={60}
            data-autofocus
            onChange={(event) => setName(event.currentTarget.value)}
            error={touched && !trimmed ? t('orders.views.nameRequired') : undefined}
            description={replaces ? t('orders.views.replaceHint') : undefined}
            data-testid="orders-views-name"
          />
          {save.isError && (
            <Text size="sm" c="red" role="alert">
              {t('orders.views.failed')} {t(`error.${errorCodeOf(save.error)}`)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('orders.refund.cancel')}</Button>
            <Button type="submit" loading={save.isPending} data-testid="orders-views-submit">{t('orders.views.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
