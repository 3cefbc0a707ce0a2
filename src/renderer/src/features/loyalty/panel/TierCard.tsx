import { Anchor, Badge, Group, Paper, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { TierStatus } from '../../../../../shared/contract';
import { hrefFor } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { useI18n, type MessageKey } from '../../../i18n';
import { useTierStatus } from '../api';
import { useStoreCurrency } from '../currency';
import { tabPath } from '../routes';

const PERIOD_LABELS: Record<TierStatus['period'], MessageKey> = {
  rolling12Months: 'loyalty.tierPeriod.rolling12Months',
  calendarYear: 'loyalty.tierPeriod.calendarYear',
  lifetime: 'loyalty.tierPeriod.lifetime',
};

/** The tier held, the way to the next one and what it takes to keep this one. */
export function TierCard({ customerId }: { customerId: number }) {
  const { t } = useI18n();
  const tier = useTierStatus(customerId);
  return (
    <Paper withBorder p="md" radius="md" data-testid="points-tier">
      <Title order={2} fz="md" fw={600} mb="md">
        {t('loyalty.tier.title')}
      </Title>
      {tier.isPending && <Skeleton height={120} />}
      {tier.isError && <QueryError error={tier.error} onRetry={() => void tier.refetch()} />}
      {tier.isSuccess &&
        (tier.data ? (
          <TierFigures status={tier.data} />
        ) : (
          <Stack gap={4}>
            <Text size="sm">{t('loyalty.tier.none')}</Text>
            <Anchor size="sm" href={hrefFor(tabPath('program'))}>
              {t('loyalty.tier.setUp')}
            </Anchor>
          </Stack>
        ))}
    </Paper>
  );
}

function TierFigures({ status }: { status: TierStatus }) {
  const { t, format } = useI18n();
  const currency = useStoreCurrency();
  const amount = (value: number) =>
    status.basis === 'spend' ? format.money(value, currency) : t('loyalty.points', { points: format.number(value) });
  const { next } = status;
  const share = next ? Math.min(1, status.progress / Math.max(1, next.threshold)) : 1;
  return (
    <Stack gap="sm">
      <Group gap="sm" align="center">
        <Text fz={24} fw={700} lh={1.2} data-testid="points-tier-name">
          {status.tierName}
        </Text>
        {status.multiplier !== 1 && (
          <Badge variant="light">{t('loyalty.tier.multiplier', { multiplier: format.number(status.multiplier) })}</Badge>
        )}
      </Group>
      {status.benefits && (
        <Text size="sm" c="dimmed">
          {status.benefits}
        </Text>
      )}
      <Text size="sm">
        {t('loyalty.tier.progress', { amount: amount(status.progress), period: t(PERIOD_LABELS[status.period]) })}
      </Text>
      {next ? (
        <Stack gap={4}>
          <Progress value={share * 100} aria-label={t('loyalty.tier.toNext', { tier: next.tierName, amount: amount(next.needed) })} />
          <Text size="sm" data-testid="points-tier-next">
            {t('loyalty.tier.toNext', { tier: next.tierName, amount: amount(next.needed) })}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">{t('loyalty.tier.top')}</Text>
      )}
      <Text size="sm" data-testid="points-tier-keep">
        {status.neededToKeep > 0
          ? t('loyalty.tier.toKeep', { amount: amount(status.neededToKeep) })
          : t('loyalty.tier.kept')}
      </Text>
      {status.heldUntil && (
        <Text size="xs" c="dimmed">
          {t('loyalty.tier.heldUntil', { date: format.date(status.heldUntil) })}
        </Text>
      )}
    </Stack>
  );
}
