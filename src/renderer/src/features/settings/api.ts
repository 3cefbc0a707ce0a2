import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import type { AppSettings, InputOf } from '../../../../shared/contract';
import { invoke, errorCodeOf } from '../../api';
import { useT } from '../../i18n';

export const settingsKey = ['settings'] as const;
export const appInfoKey = ['app', 'info'] as const;

export const useAppInfo = () =>
  useQuery({ queryKey: appInfoKey, queryFn: () => invoke('app.info', {}) });

export const useSettings = () =>
  useQuery({ queryKey: settingsKey, queryFn: () => invoke('settings.get', {}) });

/**
 * Applies a settings change at once (optimistically) and saves it in the
 * profile's database. When saving fails the change stays applied in this
 * window, and the user is told it was not saved.
 */
export function useUpdateSettings(current: AppSettings) {
  const queryClient = useQueryClient();
  const t = useT();
  return useMutation({
    mutationFn: (patch: InputOf<'settings.update'>) => invoke('settings.update', patch),
    onMutate: async (patch) => {
      await queryClient.cancelQueries({ queryKey: settingsKey });
      queryClient.setQueryData<AppSettings>(settingsKey, (previous) => ({
        ...(previous ?? current),
        ...patch,
      }));
    },
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
    onError: (error) => {
      notifications.show({
        color: 'red',
        title: t('app.settingsNotSaved'),
        message: t(`error.${errorCodeOf(error)}`),
      });
    },
  });
}
