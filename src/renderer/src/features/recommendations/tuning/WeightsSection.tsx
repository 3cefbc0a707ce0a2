import { Alert, Group, Slider, Stack, Text } from '@mantine/core';
import { RECS_SOURCES, type RecsSource } from '../../../../../shared/contract';
import { SettingsSection } from '../../../components/SettingsSection';
import { useI18n } from '../../../i18n';
import { issueAt } from '../issues';
import { SOURCE_COLORS, SOURCE_HINTS, SOURCE_LABELS } from '../labels';
import type { ConfigDraft } from './useConfigDraft';

const MAX_WEIGHT = 10;

/** One slider per source (arrow keys move it by 0.1); the share of the blend is shown beside each. */
export function WeightsSection({ draft }: { draft: ConfigDraft }) {
  const { t, format } = useI18n();
  const weights = draft.draft.weights;
  const total = RECS_SOURCES.reduce((sum, source) => sum + (Number.isFinite(weights[source]) ? weights[source] : 0), 0);
  const error = issueAt(t, [...draft.serverIssues, ...draft.issues], 'weights');
  const setWeight = (source: RecsSource, value: number) =>
    draft.edit((config) => ({ ...config, weights: { ...config.weights, [source]: value } }));

  return (
    <SettingsSection title={t('recs.weights.title')} description={t('recs.weights.description')} testId="recs-weights">
      <Stack gap="md">
        {RECS_SOURCES.map((source) => (
          <div key={source}>
            <Group justify="space-between" gap="xs" mb={4}>
              <Group gap={6}>
                <span style={{ width: 10, height: 10, borderRadius: 2, background: SOURCE_COLORS[source] }} aria-hidden />
                <Text size="sm" fw={500} id={`recs-weight-label-${source}`}>{t(SOURCE_LABELS[source])}</Text>
              </Group>
              <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`recs-weight-value-${source}`}>
                {format.number(weights[source])}
                {total > 0 && ` · ${format.percent(weights[source] / total, 0)}`}
              </Text>
            </Group>
            <Slider
              min={0}
              max={MAX_WEIGHT}
              step={0.1}
              value={weights[source]}
              onChange={(value) => setWeight(source, value)}
              thumbLabel={t('recs.weights.sliderLabel', { source: t(SOURCE_LABELS[source]) })}
              label={(value) => format.number(value)}
              color={SOURCE_COLORS[source]}
              data-testid={`recs-weight-${source}`}
            />
            <Text size="xs" c="dimmed" mt={4}>{t(SOURCE_HINTS[source])}</Text>
          </div>
        ))}
        {error && (
          <Alert color="red" variant="light" data-testid="recs-weights-error">{error}</Alert>
        )}
      </Stack>
    </SettingsSection>
  );
}
