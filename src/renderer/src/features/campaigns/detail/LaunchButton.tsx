import { Alert, Button, Group, Modal, Progress, Skeleton, Stack, Text } from '@mantine/core';
import { IconRocket } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { CampaignDetail, LaunchResult } from '../../../../../shared/contract';
import { usePushEvent } from '../../../api';
import { useActingStaff } from '../../../app/actingStaff';
import { useI18n } from '../../../i18n';
import { useAudiencePreview, useLaunchCampaign } from '../api';
import { describeMechanic } from '../describe';
import { refusalSentence } from '../issues';
import { useCampaignCurrency } from '../useCurrency';

/**
 * Launch (a draft), after a confirmation that says what will happen. The launch key is
 * made once when the dialog opens, so a double click or a retry after a lost
 * answer sends the same key and the core answers the first launch.
 */
export function LaunchButton({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useI18n();
  const [launchKey, setLaunchKey] = useState<string | null>(null);
  return (
    <>
      {campaign.status === 'draft' && (
        <Button leftSection={<IconRocket size={16} />} onClick={() => setLaunchKey(`launch-${crypto.randomUUID()}`)} data-testid="campaign-launch">
          {t('campaigns.launch.open')}
        </Button>
      )}
      {launchKey !== null && <LaunchModal campaign={campaign} launchKey={launchKey} onClose={() => setLaunchKey(null)} />}
    </>
  );
}

function LaunchModal({ campaign, launchKey, onClose }: { campaign: CampaignDetail; launchKey: string; onClose: () => void }) {
  const { t, format } = useI18n();
  const staff = useActingStaff();
  const launch = useLaunchCampaign();
  const currency = useCampaignCurrency(campaign.storeId);
  const preview = useAudiencePreview({ audience: campaign.audience, holdoutPercent: campaign.holdoutPercent, storeId: campaign.storeId });
  const [result, setResult] = useState<LaunchResult | null>(null);
  // A large audience takes a while: the core reports how many members it has rewarded.
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  usePushEvent('job.progress', (p) => {
    if (p.jobId === `campaign-launch:${campaign.id}` && p.total) setProgress({ done: p.done, total: p.total });
  });
  // A second click can arrive before the button shows it is busy: the ref stops it from sending at all.
  const sending = useRef(false);
  const confirm = () => {
    if (!staff || sending.current || result) return;
    sending.current = true;
    launch.mutate({ id: campaign.id, staffId: staff.id, launchKey }, {
      onSuccess: setResult,
      onSettled: () => { sending.current = false; },
    });
  };
  const gifts = campaign.mechanics.map((m) => describeMechanic(t, format, currency, m)).join(t('campaigns.listSeparator'));
  return (
    <Modal opened onClose={onClose} title={t('campaigns.launch.title', { name: campaign.name })} size="lg" data-testid="launch-modal">
      <Stack gap="md">
        {result ? (
          <Alert color={result.launchedNow ? 'teal' : 'blue'} data-testid="launch-result" data-launched-now={result.launchedNow} data-points={result.pointsPosted}>
            {t(result.launchedNow ? 'campaigns.launch.done' : 'campaigns.launch.already', {
              points: format.number(result.pointsPosted),
              coupons: format.number(result.couponsIssued),
              treatment: format.number(result.treatment),
              holdout: format.number(result.holdout),
            })}
          </Alert>
        ) : preview.isPending ? (
          <Skeleton height={60} />
        ) : preview.isError ? (
          <Alert color="red" variant="light">{refusalSentence(t, preview.error)}</Alert>
        ) : (
          <Stack gap="xs" data-testid="launch-what">
            <Text size="sm">
              {t('campaigns.launch.what', {
                treatment: format.number(preview.data.eligible - preview.data.expectedHoldout),
                gifts,
                holdout: format.number(preview.data.expectedHoldout),
              })}
            </Text>
            {preview.data.excludedNoConsent > 0 && (
              <Text size="sm" c="dimmed">{t('campaigns.launch.noConsent', { count: format.number(preview.data.excludedNoConsent) })}</Text>
            )}
            <Text size="sm" c="dimmed">{t('campaigns.launch.final')}</Text>
          </Stack>
        )}
        {launch.isPending && progress && (
          <Stack gap={4}>
            <Progress value={(progress.done / progress.total) * 100} aria-label={t('campaigns.launch.progress')} />
            <Text size="xs" c="dimmed">{t('campaigns.launch.progressLine', { done: format.number(progress.done), total: format.number(progress.total) })}</Text>
          </Stack>
        )}
        {launch.isError && <Alert color="red" variant="light" data-testid="launch-error">{refusalSentence(t, launch.error)}</Alert>}
        {!staff && <Alert color="yellow">{t('campaigns.noStaff')}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-testid="launch-close">{t(result ? 'campaigns.close' : 'campaigns.cancelEdit')}</Button>
          {!result && (
            <Button leftSection={<IconRocket size={16} />} onClick={confirm} loading={launch.isPending} disabled={!staff} data-testid="launch-confirm">
              {t(launch.isError ? 'campaigns.launch.retry' : 'campaigns.launch.confirm')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
