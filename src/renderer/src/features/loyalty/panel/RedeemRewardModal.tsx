import { Alert, Button, Group, Modal, Radio, ScrollArea, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { CouponView, RewardView } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { hrefFor } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { useI18n, type I18n } from '../../../i18n';
import { ApiError } from '../../../api';
import { usePointsBalance, useRedeemReward, useRewards } from '../api';
import { useStoreCurrency } from '../currency';
import { refusalSentence } from '../issues';
import { describeRewardValue } from '../rewards/describe';
import { tabPath } from '../routes';
import { useSubmissionKey } from '../submissionKey';
import { CouponCode } from './CouponCode';

/**
 * Choose a reward, confirm, and see the coupon. A refusal (not enough points,
 * over the limit) is the core's sentence on the confirm step; Retry there
 * resends the same idempotency key, so the points are spent at most once.
 */
export function RedeemRewardModal({ customerId, opened, onClose }: { customerId: number; opened: boolean; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [rewardId, setRewardId] = useState<string | null>(null);
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [coupon, setCoupon] = useState<CouponView | null>(null);
  const rewards = useRewards(false);
  const redeem = useRedeemReward();
  const submission = useSubmissionKey();
  const staff = useActingStaff();
  const chosen = rewards.data?.rewards.find((r) => String(r.id) === rewardId) ?? null;

  const close = () => {
    setRewardId(null);
    setStep('choose');
    setCoupon(null);
    redeem.reset();
    submission.reset();
    onClose();
  };

  const confirm = (reward: RewardView) => {
    const idempotencyKey = submission.keyFor({ customerId, rewardId: reward.id });
    redeem.mutate(
      { customerId, rewardId: reward.id, idempotencyKey, ...(staff && { staffId: staff.id }) },
      {
        onSuccess: (result) => {
          submission.reset();
          setCoupon(result.coupon);
        },
      },
    );
  };

  let body;
  if (coupon) {
    body = <Redeemed coupon={coupon} onClose={close} />;
  } else if (rewards.isPending) {
    body = <Skeleton height={160} />;
  } else if (rewards.isError) {
    body = <QueryError error={rewards.error} onRetry={() => void rewards.refetch()} />;
  } else if (rewards.data.rewards.length === 0) {
    body = (
      <Stack gap="sm" data-testid="redeem-no-rewards">
        <Text size="sm">{t('loyalty.redeem.noRewards')}</Text>
        <Button component="a" href={hrefFor(tabPath('rewards'))} variant="light" onClick={close}>
          {t('loyalty.rewards.create')}
        </Button>
      </Stack>
    );
  } else if (step === 'confirm' && chosen) {
    body = (
      <ConfirmStep
        customerId={customerId}
        reward={chosen}
        pending={redeem.isPending}
        error={redeem.isError ? redemptionRefusal(i18n, redeem.error, chosen.name) : null}
        onBack={() => {
          redeem.reset();
          setStep('choose');
        }}
        onConfirm={() => confirm(chosen)}
      />
    );
  } else {
    body = (
      <Stack gap="md">
        <RewardChoice rewards={rewards.data.rewards} value={rewardId} onChange={setRewardId} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('loyalty.cancel')}
          </Button>
          <Button disabled={!chosen} onClick={() => setStep('confirm')} data-testid="redeem-next">
            {t('loyalty.redeem.next')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Modal opened={opened} onClose={close} title={t('loyalty.redeem.title')} size="lg" data-testid="redeem-modal">
      {body}
    </Modal>
  );
}

function RewardChoice({ rewards, value, onChange }: { rewards: RewardView[]; value: string | null; onChange: (id: string) => void }) {
  const { t, format } = useI18n();
  const currency = useStoreCurrency();
  return (
    <Radio.Group value={value} onChange={onChange} label={t('loyalty.redeem.choose')}>
      <ScrollArea.Autosize mah={360} mt="xs">
        <Stack gap="xs">
          {rewards.map((reward) => (
            <Radio.Card key={reward.id} value={String(reward.id)} p="sm" radius="md" data-testid="redeem-reward-option">
              <Group wrap="nowrap" align="flex-start">
                <Radio.Indicator />
                <div>
                  <Text fw={600} size="sm">{reward.name}</Text>
                  <Text size="sm" c="dimmed">
                    {describeRewardValue(reward, t, format, currency)} ·{' '}
                    {t('loyalty.points', { points: format.number(reward.pointsCost) })}
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Radio.Group>
  );
}

function ConfirmStep(props: {
  customerId: number;
  reward: RewardView;
  pending: boolean;
  error: string | null;
  onBack: () => void;
  onConfirm: () => void;
}) {
  const { t, format } = useI18n();
  const balance = usePointsBalance(props.customerId).data;
  const after = balance ? balance.approved - props.reward.pointsCost : null;
  return (
    <Stack gap="md">
      <Text>
        {t('loyalty.redeem.confirm', {
          reward: props.reward.name,
          points: format.number(props.reward.pointsCost),
        })}
      </Text>
      {after !== null && (
        <Text size="sm" c={after < 0 ? 'red' : 'dimmed'}>
          {after < 0
            ? t('loyalty.redeem.short', { points: format.number(-after) })
            : t('loyalty.redeem.after', { points: format.number(after) })}
        </Text>
      )}
      {props.error && (
        <Alert color="red" variant="light" role="alert" data-testid="redeem-error">
          {props.error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onBack}>
          {t('loyalty.back')}
        </Button>
        <Button loading={props.pending} onClick={props.onConfirm} data-testid="redeem-confirm" data-autofocus>
          {props.error ? t('loyalty.retry') : t('loyalty.redeem.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

function Redeemed({ coupon, onClose }: { coupon: CouponView; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Stack gap="md" data-testid="redeem-done">
      <Text>{t('loyalty.redeem.done', { reward: coupon.rewardName })}</Text>
      <CouponCode coupon={coupon} large />
      <Text size="sm" c="dimmed">
        {coupon.queuedForStore ? t('loyalty.coupon.queued') : t('loyalty.coupon.local')}
      </Text>
      <Group justify="flex-end">
        <Button onClick={onClose} data-autofocus>
          {t('loyalty.done')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The core's sentence for a refused redemption. It is English; in another
 * language the refusals the core explains with figures (too few points, over
 * the limit) are said again from those figures.
 */
function redemptionRefusal({ t, format, locale }: I18n, error: unknown, reward: string): string {
  const details = error instanceof ApiError ? (error.details as Record<string, unknown> | undefined) : undefined;
  if (locale !== 'en' && details) {
    const { spendable, cost, used, limit } = details;
    if (typeof spendable === 'number' && typeof cost === 'number') {
      return t('loyalty.redeem.refusedPoints', { reward, spendable: format.number(spendable), cost: format.number(cost) });
    }
    if (typeof used === 'number' && typeof limit === 'number') {
      return t('loyalty.redeem.refusedLimit', { reward, used: format.number(used) });
    }
  }
  return refusalSentence(t, error);
}
