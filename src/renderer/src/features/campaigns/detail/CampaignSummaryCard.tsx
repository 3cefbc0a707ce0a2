import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { CampaignDetail } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { useCommunityGroups, useLoyaltyProgram } from '../api';
import { describeAudience, describeMechanic } from '../describe';
import { GOAL_LABEL, MECHANIC_LABEL } from '../labels';
import { StatusBadge } from '../StatusBadge';
import { useCampaignCurrency } from '../useCurrency';
import { dayOf, lastDayOf } from '../window';

/** What the campaign is (goal, window, audience, mechanics) and, once launched, who it reached and what it gave. */
export function CampaignSummaryCard({ campaign: c }: { campaign: CampaignDetail }) {
  const { t, format } = useI18n();
  const currency = useCampaignCurrency(c.storeId);
  const { audience } = c;
  const groups = useCommunityGroups(audience.kind === 'group');
  const program = useLoyaltyProgram(audience.kind === 'tier');
  // Groups and tiers are shown by name when their areas answer, by number or id otherwise.
  const names = {
    group: audience.kind === 'group' ? groups.data?.groups.find((g) => g.id === audience.groupId)?.name : undefined,
    tier: (id: string) => program.data?.tiers.find((tier) => tier.id === id)?.name ?? id,
  };
  const n = (value: number | null) => (value === null ? '—' : format.number(value));
  return (
    <Paper withBorder radius="md" p="md" data-testid="campaign-summary">
      <Stack gap="sm">
        <Group gap="sm">
          <StatusBadge status={c.status} />
          <Text size="sm">{t(GOAL_LABEL[c.goal])}</Text>
          <Text size="sm" c="dimmed">{t('campaigns.window', { from: format.date(dayOf(c.startsAt)), to: format.date(lastDayOf(c.endsAt)) })}</Text>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap={4}>
            <Text size="xs" c="dimmed" fw={500}>{t('campaigns.field.audience')}</Text>
            <Text size="sm" data-testid="campaign-audience">{describeAudience(t, format, audience, names)}</Text>
            <Text size="sm">{t('campaigns.detail.holdoutLine', { percent: format.percent(c.holdoutPercent / 100) })}</Text>
          </Stack>
          <Stack gap={4}>
            <Text size="xs" c="dimmed" fw={500}>{t('campaigns.editor.mechanics')}</Text>
            {c.mechanics.map((m, i) => (
              <Group key={`${m.kind}-${i}`} gap="xs" wrap="nowrap">
                <Badge variant="outline" size="sm">{t(MECHANIC_LABEL[m.kind])}</Badge>
                <Text size="sm">{describeMechanic(t, format, currency, m)}</Text>
              </Group>
            ))}
          </Stack>
        </SimpleGrid>
        {c.launchedAt !== null && (
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="campaign-delivered">
            <Figure label={t('campaigns.detail.audience')} value={n(c.audienceCount)} />
            <Figure label={t('campaigns.detail.treatment')} value={n(c.treatmentCount)} testId="campaign-treatment" />
            <Figure label={t('campaigns.detail.holdout')} value={n(c.holdoutCount)} testId="campaign-holdout-count" />
            <Figure label={t('campaigns.detail.noConsent')} value={n(c.excludedNoConsent)} />
            <Figure label={t('campaigns.detail.pointsPosted')} value={n(c.delivered.pointsPosted)} testId="campaign-points-posted" raw={c.delivered.pointsPosted} />
            <Figure label={t('campaigns.detail.coupons')} value={n(c.delivered.couponsIssued)} />
            <Figure label={t('campaigns.detail.couponsQueued')} value={n(c.delivered.couponsQueued)} />
            <Figure label={t('campaigns.detail.checkins')} value={n(c.delivered.checkins)} />
          </SimpleGrid>
        )}
        {c.launchedAt !== null && (
          <Text size="xs" c="dimmed">
            {t('campaigns.detail.launchedLine', { date: format.date(c.launchedAt), by: c.launchedBy ?? t('campaigns.detail.someone') })}
          </Text>
        )}
        {c.note && <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>{c.note}</Text>}
      </Stack>
    </Paper>
  );
}

function Figure({ label, value, testId, raw }: { label: string; value: string; testId?: string; raw?: number }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} data-testid={testId} data-value={raw ?? ''} style={{ fontVariantNumeric: 'tabular-nums' }}>{value}</Text>
    </Stack>
  );
}
