import { Alert, Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { adjustInput } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { useI18n } from '../../../i18n';
import { useAdjustPoints } from '../api';
import { formErrors, refusalSentence, serverIssues, zodIssues } from '../issues';
import { useSubmissionKey } from '../submissionKey';

interface AdjustValues {
  points: number | string;
  reason: string;
}

/**
 * Give or take points by hand. The reason is required and the acting staff
 * member is recorded with it (audit log). A retry of the same submission
 * reuses its idempotency key, so a lost answer never posts twice.
 */
export function AdjustPointsModal({ customerId, opened, onClose }: { customerId: number; opened: boolean; onClose: () => void }) {
  const { t, format } = useI18n();
  const staff = useActingStaff();
  const adjust = useAdjustPoints();
  const submission = useSubmissionKey();
  const label = (path: string) => (path === 'points' ? t('loyalty.adjust.points') : t('loyalty.adjust.reason'));
  const form = useForm<AdjustValues>({
    initialValues: { points: '', reason: '' },
    validate: (values) => {
      const parsed = adjustInput.safeParse(toInput(values, customerId, staff?.id ?? 1, 'check'));
      if (parsed.success) return {};
      return formErrors(t, zodIssues(parsed.error).filter((i) => i.path === 'points' || i.path === 'reason'), label);
    },
  });

  const close = () => {
    form.reset();
    adjust.reset();
    submission.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    if (!staff) return;
    const key = submission.keyFor({ customerId, ...values });
    adjust.mutate(toInput(values, customerId, staff.id, key), {
      onSuccess: (result) => {
        notifications.show({
          color: 'teal',
          message: t('loyalty.adjust.done', { points: format.number(result.balance.approved) }),
        });
        close();
      },
      onError: (error) => form.setErrors(formErrors(t, serverIssues(error), label)),
    });
  });

  return (
    <Modal opened={opened} onClose={close} title={t('loyalty.adjust.title')} data-testid="adjust-modal">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <NumberInput
            label={t('loyalty.adjust.points')}
            description={t('loyalty.adjust.pointsHint')}
            allowDecimal={false}
            data-autofocus
            data-testid="adjust-points"
            {...form.getInputProps('points')}
          />
          <Textarea
            label={t('loyalty.adjust.reason')}
            description={t('loyalty.adjust.reasonHint')}
            withAsterisk
            autosize
            minRows={2}
            maxLength={500}
            data-testid="adjust-reason"
            {...form.getInputProps('reason')}
          />
          {staff ? (
            <Text size="sm" c="dimmed">{t('loyalty.adjust.actingAs', { name: staff.name })}</Text>
          ) : (
            <Alert color="orange">{t('loyalty.adjust.noStaff')}</Alert>
          )}
          {adjust.isError && (
            <Alert color="red" variant="light" data-testid="adjust-error">
              {refusalSentence(t, adjust.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('loyalty.cancel')}
            </Button>
            <Button type="submit" loading={adjust.isPending} disabled={!staff} data-testid="adjust-submit">
              {adjust.isError ? t('loyalty.retry') : t('loyalty.adjust.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function toInput(values: AdjustValues, customerId: number, staffId: number, idempotencyKey: string) {
  return {
    customerId,
    points: typeof values.points === 'number' ? values.points : Number.NaN,
    reason: values.reason,
    staffId,
    idempotencyKey,
  };
}
