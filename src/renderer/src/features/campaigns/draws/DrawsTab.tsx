import { Alert, Button, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDice5 } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { CampaignDetail, CampaignMechanic } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useDraws, useRunDraw } from '../api';
import { refusalSentence } from '../issues';
import { describePrize } from '../describe';
import { useCampaignCurrency } from '../useCurrency';
import { DrawCard } from './DrawCard';

const newRunKey = () => `draw-${crypto.randomUUID()}`;

/**
 * The campaign's lucky draws: run one (with a seed announced beforehand, or a
 * random one that is kept), see the winners, and verify any draw from its
 * saved seed and entrant list.
 */
export function DrawsTab({ campaign }: { campaign: CampaignDetail }) {
  const { t, format } = useI18n();
  const draws = useDraws(campaign.id);
  const currency = useCampaignCurrency(campaign.storeId);
  const mechanic = campaign.mechanics.find((m): m is Extract<CampaignMechanic, { kind: 'draw' }> => m.kind === 'draw');
  // Each draw mechanic runs once; when all have run, the form gives way to their results.
  const drawsToRun = campaign.mechanics.filter((m) => m.kind === 'draw').length;
  if (!mechanic) return <Alert color="blue" data-testid="draws-none">{t('campaigns.draws.noMechanic')}</Alert>;
  return (
    <Stack gap="md">
      {campaign.launchedAt === null ? (
        <Alert color="blue" data-testid="draws-not-launched">{t('campaigns.draws.notLaunched')}</Alert>
      ) : campaign.status !== 'cancelled' && draws.isSuccess && draws.data.draws.length < drawsToRun ? (
        <RunDrawForm campaignId={campaign.id} />
      ) : null}
      {draws.isPending ? (
        <Skeleton height={160} radius="md" />
      ) : draws.isError ? (
        <QueryError error={draws.error} onRetry={() => void draws.refetch()} />
      ) : draws.data.draws.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="draws-empty">{t('campaigns.draws.empty')}</Text>
      ) : (
        draws.data.draws.map((d) => <DrawCard key={d.id} draw={d} prize={describePrize(t, format, currency, mechanic)} />)
      )}
    </Stack>
  );
}

function RunDrawForm({ campaignId }: { campaignId: number }) {
  const { t } = useI18n();
  const staff = useActingStaff();
  const run = useRunDraw();
  const [seed, setSeed] = useState('');
  // One key per attempt: a retry after a lost answer (or a double click) is the same run.
  const runKey = useRef(newRunKey());
  const submit = () => {
    if (!staff || run.isPending) return;
    const trimmed = seed.trim();
    run.mutate({ campaignId, staffId: staff.id, runKey: runKey.current, ...(trimmed !== '' && { seed: trimmed }) }, {
      onSuccess: () => {
        runKey.current = newRunKey();
        setSeed('');
      },
    });
  };
  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Stack gap="sm">
          <Title order={2} fz="md">{t('campaigns.draws.runTitle')}</Title>
          <Text size="sm" c="dimmed">{t('campaigns.draws.runExplain')}</Text>
          <Group align="flex-end" gap="sm">
            <TextInput label={t('campaigns.draws.seed')} description={t('campaigns.draws.seedHint')} value={seed}
              onChange={(e) => setSeed(e.currentTarget.value)} maxLength={200} w={320} data-testid="draw-seed" />
            <Button type="submit" leftSection={<IconDice5 size={16} />} loading={run.isPending} disabled={!staff} data-testid="draw-run">
              {t('campaigns.draws.run')}
            </Button>
          </Group>
          {run.isSuccess && !run.data.ranNow && <Alert color="blue" variant="light">{t('campaigns.draws.alreadyRan')}</Alert>}
          {run.isError && <Alert color="red" variant="light" data-testid="draw-error">{refusalSentence(t, run.error)}</Alert>}
          {!staff && <Alert color="yellow">{t('campaigns.noStaff')}</Alert>}
        </Stack>
      </form>
    </Paper>
  );
}
