import { Skeleton, Tabs } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAdjustmentsHorizontal, IconChartLine, IconListDetails, IconSend } from '@tabler/icons-react';
import type { RecsConfigState, RecsExperiment } from '../../../../shared/contract';
import { navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useT, type MessageKey } from '../../i18n';
import { NotFoundPage } from '../areas/NotFoundPage';
import { useRecsConfig } from './api';
import { EvaluateTab } from './evaluate/EvaluateTab';
import { PublishTab } from './publish/PublishTab';
import { parseRecsPath, RECS_TABS, recsTabPath, type RecsTab } from './routes';
import { RulesTab } from './rules/RulesTab';
import { TuningTab } from './tuning/TuningTab';
import { useConfigDraft } from './tuning/useConfigDraft';
import { useRecsProgress } from './useRecsProgress';

const TAB_LABELS: Record<RecsTab, MessageKey> = {
  tuning: 'recs.tab.tuning',
  evaluate: 'recs.tab.evaluate',
  rules: 'recs.tab.rules',
  publish: 'recs.tab.publish',
};
const TAB_ICONS = { tuning: IconAdjustmentsHorizontal, evaluate: IconChartLine, rules: IconListDetails, publish: IconSend };

/** The recommendations area; the URL ("/recommendations", "/recommendations/evaluate", …) decides the tab. */
export function RecommendationsPage({ path }: { path: string }) {
  const t = useT();
  const tab = parseRecsPath(path);
  const config = useRecsConfig();
  if (tab === null) return <NotFoundPage />;
  return (
    <>
      <PageHeader title={t('area.recommendations.title')} description={t('recs.description')} />
      {config.isPending ? (
        <Skeleton height={480} radius="md" data-testid="recs-loading" />
      ) : config.isError ? (
        <QueryError error={config.error} onRetry={() => void config.refetch()} />
      ) : (
        <Workspace tab={tab} saved={config.data} />
      )}
    </>
  );
}

/** Holds what must survive switching tabs: the settings being edited and the progress of running jobs. */
function Workspace({ tab, saved }: { tab: RecsTab; saved: RecsConfigState }) {
  const t = useT();
  const draft = useConfigDraft(saved);
  const progress = useRecsProgress();
  const loadExperiment = (experiment: RecsExperiment) => {
    draft.replace(experiment.config);
    navigate(recsTabPath('tuning'));
    notifications.show({ message: t('recs.eval.loaded', { name: experiment.name }) });
  };
  return (
    <Tabs value={tab} onChange={(next) => next && navigate(recsTabPath(next as RecsTab))} keepMounted={false} data-testid="recs-tabs">
      <Tabs.List mb="md" aria-label={t('area.recommendations.title')}>
        {RECS_TABS.map((value) => {
          const TabIcon = TAB_ICONS[value];
          return (
            <Tabs.Tab key={value} value={value} leftSection={<TabIcon size={16} />} data-testid={`recs-tab-${value}`}>
              {t(TAB_LABELS[value])}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      <Tabs.Panel value="tuning" keepMounted>
        <TuningTab draft={draft} progress={progress.train} />
      </Tabs.Panel>
      <Tabs.Panel value="evaluate">
        <EvaluateTab editing={draft.previewConfig} dirty={draft.dirty} progress={progress.evaluate} onLoad={loadExperiment} />
      </Tabs.Panel>
      <Tabs.Panel value="rules"><RulesTab /></Tabs.Panel>
      <Tabs.Panel value="publish"><PublishTab /></Tabs.Panel>
    </Tabs>
  );
}
