import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import type { TrackingProviderState, TrackingRefreshResult } from '../../../../../shared/contract';
import { refusalSentence } from '../../../components/fieldIssues';
import { SettingsSection } from '../../../components/SettingsSection';
import { useI18n } from '../../../i18n';
import { useRefreshTracking } from '../api';
import { TrackingStatusLine } from './TrackingStatusLine';

/** Asks the provider for news now, and says in one sentence what came back. */
export function RefreshNow({ state }: { state: TrackingProviderState }) {
  const { t } = useI18n();
  const refresh = useRefreshTracking();
  const ready = state.enabled && state.hasKey;
  return (
    <SettingsSection
      title={t('logistics.tracking.refreshTitle')}
      description={t('logistics.tracking.refreshDescription')}
      testId="tracking-refresh"
      actions={
        <Button
          leftSection={<IconRefresh size={16} />}
          variant="light"
          onClick={() => refresh.mutate({})}
          loading={refresh.isPending}
          disabled={!ready}
          data-testid="tracking-refresh-now"
        >
          {t('logistics.tracking.refreshNow')}
        </Button>
      }
    >
      <Stack gap="sm">
        <TrackingStatusLine state={state} />
        {!ready && <Text size="sm" c="dimmed">{t('logistics.tracking.notReady')}</Text>}
        {refresh.isPending && <Text size="sm" c="dimmed">{t('logistics.tracking.refreshing')}</Text>}
        {refresh.data && <ResultSentence result={refresh.data} />}
        {refresh.isError && (
          <Alert color="red" variant="light" data-testid="tracking-refresh-error">{refusalSentence(t, refresh.error)}</Alert>
        )}
      </Stack>
    </SettingsSection>
  );
}

function ResultSentence({ result }: { result: TrackingRefreshResult }) {
  const { t, format } = useI18n();
  const sentence = t('logistics.tracking.result', {
    checked: format.number(result.checked),
    updated: format.number(result.updated),
    events: format.number(result.newEvents),
    failed: format.number(result.failed),
  });
  return (
    <Alert color={result.message || result.failed > 0 ? 'yellow' : 'teal'} variant="light" data-testid="tracking-refresh-result">
      <Text size="sm">{sentence}</Text>
      {result.message && <Text size="sm" mt={4}>{result.message}</Text>}
    </Alert>
  );
}
