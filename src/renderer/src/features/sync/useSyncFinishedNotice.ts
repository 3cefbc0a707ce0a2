import { notifications } from '@mantine/notifications';
import { usePushEvent } from '../../api';
import { useT } from '../../i18n';
import { useRefreshSync, useStores } from './api';

/**
 * Mounted once in the shell: wherever the merchant is, a finished sync says
 * how it ended (a scheduled run too), and the sync views refetch.
 */
export function useSyncFinishedNotice(): void {
  const t = useT();
  const refresh = useRefreshSync();
  const stores = useStores();
  usePushEvent('sync.finished', (event) => {
    refresh();
    const store = stores.data?.find((s) => s.id === event.storeId)?.name ?? `#${event.storeId}`;
    notifications.show({
      color: event.status === 'succeeded' ? 'teal' : event.status === 'cancelled' ? 'gray' : 'red',
      title: t(`sync.finished.${event.status}`, { store }),
      message: event.message ?? t(`sync.finished.${event.status}Body`),
      'data-testid': 'sync-finished-notice',
      'data-status': event.status,
    } as Parameters<typeof notifications.show>[0]);
  });
}
