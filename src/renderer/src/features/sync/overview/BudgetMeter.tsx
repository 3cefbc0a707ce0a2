import { Progress, Stack, Text } from '@mantine/core';
import type { SyncStoreStatus } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';

/** Shopify's query cost bucket as last seen: how much is left and how fast it refills. */
export function BudgetMeter({ budget }: { budget: NonNullable<SyncStoreStatus['budget']> }) {
  const { t, format } = useI18n();
  const share = budget.maximum > 0 ? budget.available / budget.maximum : 0;
  const label = t('sync.budget.figures', {
    available: format.number(Math.round(budget.available)),
    maximum: format.number(budget.maximum),
    restore: format.number(budget.restorePerSecond),
  });
  return (
    <Stack gap={6} data-testid="sync-budget">
      <Text size="sm" fw={600}>{t('sync.budget.title')}</Text>
      <Progress value={share * 100} color={share < 0.2 ? 'orange' : 'teal'} aria-label={label} />
      <Text size="sm">{label}</Text>
    </Stack>
  );
}
