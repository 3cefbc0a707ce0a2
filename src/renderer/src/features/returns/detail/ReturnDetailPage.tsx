import { Anchor, Group, Loader, SimpleGrid, Stack, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { hrefFor } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { useT } from '../../../i18n';
import { useReturn, useReturnPolicy } from '../api';
import { FlagBadges, StatusBadge } from '../Badges';
import { PolicyFlagsCard } from './PolicyFlagsCard';
import { ReturnLinesCard } from './ReturnLinesCard';
import { ReturnMoneyCard } from './ReturnMoneyCard';
import { ReturnSummaryCard } from './ReturnSummaryCard';
import { ReturnTimeline } from './ReturnTimeline';
import { StepActions } from './StepActions';

/** One return: what came back, the money, what the policy check found, its lifecycle, and the steps allowed next. */
export function ReturnDetailPage({ id }: { id: number }) {
  const t = useT();
  const query = useReturn(id);
  const policy = useReturnPolicy().data;
  const back = (
    <Anchor href={hrefFor('/returns')} size="sm" data-testid="return-back">
      <Group gap={4} component="span"><IconArrowLeft size={14} />{t('returns.detail.back')}</Group>
    </Anchor>
  );
  if (query.isError) return <Stack>{back}<QueryError error={query.error} onRetry={() => void query.refetch()} /></Stack>;
  const detail = query.data;
  if (!detail) return <Stack>{back}<Loader aria-label={t('returns.loading')} /></Stack>;
  return (
    <Stack gap="lg" data-testid="return-detail" data-version={detail.version} data-status={detail.status}>
      {back}
      <Group justify="space-between" align="center" wrap="wrap">
        <Group gap="sm" align="center">
          <Title order={1} fz={26} lh={1.3} data-testid="return-title">{t('returns.detail.title', { rma: detail.rmaNumber })}</Title>
          <StatusBadge status={detail.status} size="lg" />
          <FlagBadges flags={detail.policyFlags} />
        </Group>
      </Group>
      <StepActions detail={detail} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="lg">
          <ReturnSummaryCard detail={detail} policy={policy} />
          <ReturnLinesCard detail={detail} />
          <ReturnMoneyCard detail={detail} />
        </Stack>
        <Stack gap="lg">
          <PolicyFlagsCard flags={detail.policyFlags} />
          <ReturnTimeline detail={detail} />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
