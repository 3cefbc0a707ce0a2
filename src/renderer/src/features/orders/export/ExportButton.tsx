import { Alert, Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileExport } from '@tabler/icons-react';
import { errorCodeOf } from '../../../api';
import { useI18n } from '../../../i18n';
import { activeFilterCount, type OrdersQuery } from '../filters/query';
import { useCsvExport } from './useCsvExport';

/** "Export CSV" of exactly what the table shows (its filter and sort), with progress and cancel. */
export function ExportButton({ query }: { query: OrdersQuery }) {
  const { t, format } = useI18n();
  const { state, start, cancel, dismiss } = useCsvExport();
  const filter = activeFilterCount(query.filter) > 0 ? query.filter : undefined;

  const run = async () => {
    const result = await start(filter, query.sort);
    if (result) {
      notifications.show({
        color: 'teal',
        message:
          result.rows === 1
            ? t('orders.export.doneOne', { file: result.fileName })
            : t('orders.export.done', { count: format.number(result.rows), file: result.fileName }),
      });
    }
  };

  const running = state.status === 'running' ? state : null;
  const ratio = running && running.total ? running.done / running.total : 0;
  return (
    <>
      <Button leftSection={<IconFileExport size={16} />} onClick={() => void run()} loading={running !== null} data-testid="orders-export">
        {t('orders.export.button')}
      </Button>
      <Modal
        opened={state.status !== 'idle'}
        onClose={state.status === 'failed' ? dismiss : cancel}
        title={t('orders.export.title')}
        closeOnClickOutside={false}
        data-testid="orders-export-modal"
      >
        {running && (
          <Stack gap="sm">
            <Progress value={ratio * 100} animated aria-label={t('orders.export.title')} data-testid="orders-export-progress" />
            <Text size="sm" c="dimmed" data-testid="orders-export-status" data-done={running.done} data-total={running.total ?? ''}>
              {running.total === null
                ? t('orders.export.counting')
                : t('orders.export.progress', { done: format.number(running.done), total: format.number(running.total) })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={cancel} data-testid="orders-export-cancel">
                {t('orders.export.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
        {state.status === 'failed' && (
          <Alert color="red" variant="light" title={t('orders.export.failed')} data-testid="orders-export-error">
            {t(`error.${errorCodeOf(state.error)}`)}
          </Alert>
        )}
      </Modal>
    </>
  );
}
