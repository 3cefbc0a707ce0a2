import { SimpleGrid, Stack, Text } from '@mantine/core';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useTimestamp } from './useTimestamp';
import { useInsightsOverview, type InsightsScope } from './api';
import { ClvChart } from './ClvChart';
import { CohortHeatmap } from './CohortHeatmap';
import { InsightTiles, InsightTilesSkeleton } from './InsightTiles';
import { SegmentMovement } from './SegmentMovement';
import { TimeBetweenOrdersChart } from './TimeBetweenOrdersChart';

/** The Dashboard's retention insights: the tiles, then one chart per question. */
export function InsightsSection({ scope }: { scope: InsightsScope }) {
  const { t } = useI18n();
  const timestamp = useTimestamp();
  const overview = useInsightsOverview(scope);
  return (
    <Stack gap="lg" data-testid="insights-section">
      {overview.isPending && <InsightTilesSkeleton />}
      {overview.isError && <QueryError error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.isSuccess && (
        <>
          <InsightTiles overview={overview.data} stale={overview.isPlaceholderData} />
          {overview.data.rollupsAt && (
            <Text size="xs" c="dimmed" mt={-8} data-testid="rollups-at">
              {t('insights.rollupsAt', { time: timestamp(overview.data.rollupsAt) })}
            </Text>
          )}
        </>
      )}
      <CohortHeatmap scope={scope} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <TimeBetweenOrdersChart scope={scope} />
        <ClvChart scope={scope} />
      </SimpleGrid>
      <SegmentMovement scope={scope} />
    </Stack>
  );
}
