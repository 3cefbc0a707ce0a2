import { Alert, Button, Group, Paper, Progress, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBrain, IconPlayerPlay } from '@tabler/icons-react';
import type { RecsModelSummary } from '../../../../../shared/contract';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useRecsStatus, useTrain } from '../api';
import { refusalSentence } from '../issues';
import { useRecsTime } from '../time';
import { phaseLabel } from '../labels';
import { progressShare, type RecsProgressEvent } from '../useRecsProgress';

/**
 * What the engine has learned and from which orders, with "Train now". While
 * a training runs, its progress arrives as 'recs.progress' events.
 */
export function ModelStatus({ progress }: { progress: RecsProgressEvent | null }) {
  const { t } = useI18n();
  const status = useRecsStatus();
  const train = useTrain();
  if (status.isPending) return <Skeleton height={96} radius="md" />;
  if (status.isError) return <QueryError error={status.error} onRetry={() => void status.refetch()} />;
  const { model } = status.data;
  const training = status.data.training || progress !== null || train.isPending;
  const trainButton = (
    <Button
      leftSection={<IconPlayerPlay size={16} />}
      onClick={() => train.mutate()}
      loading={train.isPending}
      disabled={training}
      data-testid="recs-train"
    >
      {model ? t('recs.model.retrain') : t('recs.model.train')}
    </Button>
  );

  return (
    <Paper withBorder p="md" radius="md" data-testid="recs-model-status" data-state={training ? 'training' : (model?.status ?? 'none')}>
      {model === null && !training ? (
        <Group justify="space-between" align="center" wrap="wrap" gap="md" data-testid="recs-model-empty">
          <Group gap="md" wrap="nowrap" align="flex-start" maw={720}>
            <ThemeIcon size={40} radius="md" variant="light"><IconBrain size={22} /></ThemeIcon>
            <Stack gap={2}>
              <Title order={2} fz="md" fw={600}>{t('recs.model.emptyTitle')}</Title>
              <Text size="sm" c="dimmed">{t('recs.model.emptyBody')}</Text>
            </Stack>
          </Group>
          {trainButton}
        </Group>
      ) : (
        <Group justify="space-between" align="center" wrap="wrap" gap="md">
          <Stack gap={2} style={{ flex: 1, minWidth: 280 }}>
            <Title order={2} fz="md" fw={600}>{t('recs.model.title')}</Title>
            {model && <ModelFacts model={model} />}
          </Stack>
          {trainButton}
        </Group>
      )}
      {training && <TrainingProgress progress={progress} />}
      {train.isError && (
        <Alert color="red" variant="light" mt="sm" data-testid="recs-train-error">{refusalSentence(t, train.error)}</Alert>
      )}
      {!training && model?.status === 'failed' && (
        <Alert color="red" variant="light" mt="sm">{t('recs.model.failed', { message: model.error ?? '' })}</Alert>
      )}
    </Paper>
  );
}

function ModelFacts({ model }: { model: RecsModelSummary }) {
  const { t, format } = useI18n();
  const time = useRecsTime();
  if (model.status !== 'ready') {
    return <Text size="sm" c="dimmed">{t('recs.model.notReady', { at: time.at(model.startedAt) })}</Text>;
  }
  return (
    <Text size="sm" c="dimmed" data-testid="recs-model-facts">
      {t('recs.model.facts', {
        at: time.at(model.finishedAt ?? model.startedAt),
        orders: format.number(model.orders),
        from: model.dataFrom ? format.date(model.dataFrom) : '—',
        to: model.dataTo ? format.date(model.dataTo) : '—',
        products: format.number(model.products),
        customers: format.number(model.customers),
        seconds: model.seconds === null ? '—' : time.seconds(model.seconds),
      })}
    </Text>
  );
}

function TrainingProgress({ progress }: { progress: RecsProgressEvent | null }) {
  const { t, format } = useI18n();
  const share = progress ? progressShare(progress) : null;
  return (
    <Stack gap={4} mt="sm" data-testid="recs-train-progress">
      <Text size="sm">
        {progress ? phaseLabel(t, progress.phase) : t('recs.progress.starting')}
        {share !== null && ` · ${format.percent(share, 0)}`}
      </Text>
      <Progress value={share === null ? 100 : share * 100} animated striped={share === null} aria-label={t('recs.job.train')} />
    </Stack>
  );
}
