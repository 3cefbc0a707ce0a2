import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { RETURN_RESOLUTIONS, type ReturnDetail, type ReturnResolution } from '../../../../../shared/contract/returns';
import { minorUnitDigits, parseMajorToMinor } from '../../../../../shared/money';
import { useI18n } from '../../../i18n';
import { currentFromConflict, newIdempotencyKey, useTransitionReturn } from '../api';
import { ReturnError } from '../ReturnError';
import { defaultAmountOf } from './ReturnMoneyCard';

const asTyped = (minor: number, currency: string): string => {
  const digits = minorUnitDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
};

/**
 * Resolving: refund (through the order's refund, taking points back), store
 * credit, or an exchange (nothing paid). The amount starts at the goods less
 * the policy's fees; the core refuses more than the order still has to refund.
 */
export function ResolveModal({ detail, staffId, note, onClose }: { detail: ReturnDetail; staffId: number; note: string; onClose: () => void }) {
  const { t, format } = useI18n();
  const transition = useTransitionReturn();
  const [resolution, setResolution] = useState<ReturnResolution>('refund');
  const [amountText, setAmountText] = useState(asTyped(defaultAmountOf(detail), detail.currency));
  const [key] = useState(() => newIdempotencyKey('return-resolve'));
  const pays = resolution !== 'exchange';
  const amount = parseMajorToMinor(amountText, detail.currency);
  const amountError = !pays ? null : amount === null || amount < 0 ? t('returns.resolve.amountInvalid')
    : amount === 0 ? t('returns.resolve.amountZero') : null;

  const submit = () => {
    if (amountError || (pays && amount === null)) return;
    transition.mutate({
      id: detail.id, staffId, expectedVersion: detail.version, to: 'resolved', resolution,
      ...(pays && amount !== null && { amountMinor: amount }), ...(note.trim() && { note: note.trim() }), idempotencyKey: key,
    }, {
      onSuccess: (done) => {
        notifications.show({
          color: 'teal',
          title: t('returns.resolve.done', { rma: done.rmaNumber }),
          message: done.resolution === 'refund'
            ? t('returns.resolve.doneRefund', { amount: format.money(done.refundMinor ?? 0, done.currency), points: format.number(done.pointsReversed) })
            : t(`returns.resolution.${done.resolution ?? 'exchange'}`),
          'data-testid': 'return-resolved-notification',
        } as Parameters<typeof notifications.show>[0]);
        onClose();
      },
    });
  };

  const conflict = transition.isError && currentFromConflict(transition.error) !== null;
  return (
    <Modal opened onClose={onClose} title={t('returns.resolve.title', { rma: detail.rmaNumber })} size="md" data-testid="resolve-modal">
      <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
        <Stack gap="sm">
          <SegmentedControl value={resolution} onChange={(v) => setResolution(v as ReturnResolution)} fullWidth
            aria-label={t('returns.resolve.how')}
            data={RETURN_RESOLUTIONS.map((r) => ({ value: r, label: t(`returns.resolution.${r}`) }))} data-testid="resolve-kind" />
          <Text size="sm" c="dimmed">{t(`returns.resolve.explain.${resolution}`)}</Text>
          {pays && (
            <TextInput label={t('returns.resolve.amount')}
              description={t('returns.resolve.amountHint', { amount: format.money(defaultAmountOf(detail), detail.currency) })}
              value={amountText} onChange={(e) => setAmountText(e.currentTarget.value)} inputMode="decimal" error={amountError}
              rightSection={<Text size="xs" c="dimmed">{detail.currency}</Text>} rightSectionWidth={48} data-autofocus data-testid="resolve-amount" />
          )}
          {transition.isError && (
            <ReturnError title={t('returns.action.failed')} error={transition.error} testId="resolve-error"
              extra={conflict ? t('returns.conflict.current') : undefined} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('returns.cancel')}</Button>
            <Button type="submit" color="teal" loading={transition.isPending} disabled={conflict} data-testid="resolve-submit">
              {t('returns.resolve.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
