import { Alert, Paper, Progress, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { RecsConfig, RecsExperiment } from '../../../../../shared/contract';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useExperiments } from '../api';
import { configSummary, phaseLabel, splitSentence } from '../labels';
import { useRecsTime } from '../time';
import { progressShare, type RecsProgressEvent } from '../useRecsProgress';
import { ExperimentsChart, MetricOverKChart } from './Charts';
import { EvaluateForm } from './EvaluateForm';
import { ExperimentsList } from './ExperimentsList';
import { ResultsTable } from './ResultsTable';

/**
 * Offline evaluation: run the settings on held-out orders, see the figures
 * against popularity, over k and over past experiments, and load an
 * experiment's settings back into the editor.
 */
export function EvaluateTab({ editing, dirty, progress, onLoad }: {
  editing: RecsConfig;
  dirty: boolean;
  progress: RecsProgressEvent | null;
  onLoad: (experiment: RecsExperiment) => void;
}) {
  const { t } = useI18n();
  const experiments = useExperiments();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const list = experiments.data ?? [];
  const selected = list.find((e) => e.id === selectedId) ?? list[0] ?? null;
  // From the click until the list says the started experiment is done: a fast run still shows its progress.
  const [waitingFor, setWaitingFor] = useState<number | 'starting' | null>(null);
  const started = typeof waitingFor === 'number' ? list.find((e) => e.id === waitingFor) : undefined;
  const running =
    progress !== null ||
    waitingFor === 'starting' ||
    (typeof waitingFor === 'number' && (started?.status ?? 'running') === 'running') ||
    list.some((e) => e.status === 'running');

  return (
    <Stack gap="lg">
      <EvaluateForm
        editing={editing}
        dirty={dirty}
        onStarting={() => setWaitingFor('starting')}
        onStarted={(id) => {
          setWaitingFor(id);
          setSelectedId(id);
        }}
        onRefused={() => setWaitingFor(null)}
      />
      {running && <EvaluationProgress progress={progress} />}
      {experiments.isPending ? (
        <Skeleton height={200} radius="md" />
      ) : experiments.isError ? (
        <QueryError error={experiments.error} onRetry={() => void experiments.refetch()} />
      ) : (
        <>
          {selected && <ExperimentResult experiment={selected} />}
          {list.length > 0 && <ExperimentsChart experiments={list} />}
          <ExperimentsList experiments={list} selectedId={selected?.id ?? null} onView={setSelectedId} onLoad={onLoad} />
        </>
      )}
      {list.length === 0 && !experiments.isPending && !running && (
        <Text size="sm" c="dimmed">{t('recs.eval.firstRun')}</Text>
      )}
    </Stack>
  );
}

function EvaluationProgress({ progress }: { progress: RecsProgressEvent | null }) {
  const { t, format } = useI18n();
  const share = progress ? progressShare(progress) : null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="recs-eval-progress">
      <Text size="sm" mb={6}>
        {progress ? phaseLabel(t, progress.phase) : t('recs.progress.starting')}
        {share !== null && ` · ${format.percent(share, 0)}`}
      </Text>
      <Progress value={share === null ? 100 : share * 100} animated striped={share === null} aria-label={t('recs.job.evaluate')} />
    </Paper>
  );
}

function ExperimentResult({ experiment }: { experiment: RecsExperiment }) {
  const { t, format } = useI18n();
  const time = useRecsTime();
  return (
    <Paper withBorder p="md" radius="md" data-testid="recs-eval-result" data-status={experiment.status}>
      <Title order={2} fz="md" fw={600}>{experiment.name}</Title>
      <Text size="sm" c="dimmed" mb={4} data-testid="recs-eval-split-sentence">
        {splitSentence(t, format, experiment)}
        {experiment.seconds !== null && ` ${t('recs.eval.took', { seconds: time.seconds(experiment.seconds) })}`}
      </Text>
      <Text size="xs" c="dimmed" mb="sm" data-testid="recs-eval-config">{configSummary(t, format, experiment.config)}</Text>
      {experiment.status === 'failed' && <Alert color="red" variant="light">{t('recs.eval.failed', { message: experiment.error ?? '' })}</Alert>}
      {experiment.status === 'running' && <Text size="sm">{t('recs.eval.running')}</Text>}
      {experiment.results && (
        <Stack gap="md">
          <ResultsTable results={experiment.results} />
          <SimpleGrid cols={{ base: 1 }}>
            <MetricOverKChart results={experiment.results} />
          </SimpleGrid>
        </Stack>
      )}
    </Paper>
  );
}
