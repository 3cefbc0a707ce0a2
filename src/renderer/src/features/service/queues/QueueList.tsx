import { Badge, NavLink, Paper, Skeleton, Stack, Text } from '@mantine/core';
import {
  IconAlarm, IconArrowBackUp, IconClockPause, IconInbox, IconMoodSad, IconUser, IconUserQuestion, type Icon,
} from '@tabler/icons-react';
import { QUEUES, type QueueCounts, type QueueName } from '../../../../../shared/contract';
import { hrefFor } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { queueLabel } from '../labels';
import { queuePath } from '../routes';

const ICONS: Record<QueueName, Icon> = {
  all_open: IconInbox,
  unassigned: IconUserQuestion,
  mine: IconUser,
  sla_breaching: IconAlarm,
  waiting_customer: IconClockPause,
  returns: IconArrowBackUp,
  negative_feedback: IconMoodSad,
};

/** The built-in queues with their live counts; the chosen one is highlighted. */
export function QueueList({ current, counts, loading }: { current: QueueName; counts: QueueCounts | undefined; loading: boolean }) {
  const { t, format } = useI18n();
  return (
    <Paper withBorder radius="md" p={6} component="nav" aria-label={t('service.queues.label')} data-testid="service-queues">
      <Stack gap={2}>
        {QUEUES.map((queue) => {
          const Icon = ICONS[queue];
          const count = counts?.[queue];
          const urgent = queue === 'sla_breaching' && (count ?? 0) > 0;
          return (
            <NavLink
              key={queue}
              href={hrefFor(queuePath(queue))}
              active={queue === current}
              label={queueLabel(t, queue)}
              leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
              aria-current={queue === current ? 'page' : undefined}
              data-testid={`queue-${queue}`}
              data-count={count ?? ''}
              rightSection={
                loading ? (
                  <Skeleton w={24} h={14} />
                ) : count === undefined ? null : (
                  <Badge size="sm" variant={urgent ? 'filled' : 'light'} color={urgent ? 'red' : 'gray'} data-testid={`queue-count-${queue}`}>
                    {format.number(count)}
                  </Badge>
                )
              }
            />
          );
        })}
      </Stack>
      {counts && (
        <Text size="xs" c="dimmed" px="sm" pt={6}>
          {t('service.queues.live')}
        </Text>
      )}
    </Paper>
  );
}
