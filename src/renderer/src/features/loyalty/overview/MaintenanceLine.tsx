import { Button, Group, Paper, Skeleton, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useI18n } from '../../../i18n';
import { useLastMaintenance, useRunMaintenance } from '../api';
import { refusalSentence } from '../issues';

/**
 * When the core last posted due expiries and birthday bonuses (it does so
 * hourly by itself), and a button to do it now, e.g. right after changing the
 * program. A time of day reads best in the merchant's own time zone.
 */
export function MaintenanceLine() {
  const { t, format, locale } = useI18n();
  const last = useLastMaintenance();
  const run = useRunMaintenance();
  const onRun = () =>
    run.mutate(undefined, {
      onSuccess: (report) =>
        notifications.show({
          color: 'teal',
          message: t('loyalty.maintenance.done', {
            points: format.number(report.expired.points),
            customers: format.number(report.expired.customers),
            birthdays: format.number(report.birthdays),
          }),
        }),
      onError: (error) => notifications.show({ color: 'red', message: refusalSentence(t, error) }),
    });

  let summary: string;
  if (last.isPending) summary = '';
  else if (last.isError || !last.data) summary = t('loyalty.maintenance.never');
  else {
    const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(last.data.at));
    summary = t('loyalty.maintenance.last', { time, points: format.number(last.data.expired.points) });
    if (last.data.birthdays > 0) {
      summary += ` · ${t('loyalty.maintenance.birthdays', { count: format.number(last.data.birthdays) })}`;
    }
  }

  return (
    <Paper withBorder radius="md" px="md" py="xs" data-testid="loyalty-maintenance">
      <Group justify="space-between" gap="sm" wrap="nowrap">
        {last.isPending ? <Skeleton height={14} width="50%" /> : (
          <Text size="sm" c="dimmed" data-testid="loyalty-maintenance-summary">
            {run.isPending ? t('loyalty.maintenance.running') : summary}
          </Text>
        )}
        <Button size="xs" variant="light" leftSection={<IconRefresh size={14} />} loading={run.isPending}
          onClick={onRun} data-testid="loyalty-maintenance-run">
          {t('loyalty.maintenance.run')}
        </Button>
      </Group>
    </Paper>
  );
}
