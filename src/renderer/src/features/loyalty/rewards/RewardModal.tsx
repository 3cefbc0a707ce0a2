import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { REWARD_KINDS, type RewardView } from '../../../../../shared/contract';
import { useI18n, type MessageKey } from '../../../i18n';
import { useSaveReward } from '../api';
import { refusalSentence, serverIssues } from '../issues';
import { KIND_LABELS } from './describe';
import { EMPTY_REWARD, formToInput, moneyScale, rewardFieldErrors, rewardToForm, validateReward, type RewardFormValues } from './rewardForm';

const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'loyalty.rewards.name',
  kind: 'loyalty.rewards.kind',
  pointsCost: 'loyalty.rewards.cost',
  value: 'loyalty.rewards.value',
  percent: 'loyalty.rewards.percent',
  productId: 'loyalty.rewards.productId',
  minOrder: 'loyalty.rewards.minOrder',
  limitPerCustomer: 'loyalty.rewards.limit',
};

/** Create or edit one reward; the value fields shown follow the kind. `reward` null: a new one. */
export function RewardModal({
  opened,
  reward,
  currency,
  onClose,
}: {
  opened: boolean;
  reward: RewardView | null;
  currency: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const save = useSaveReward();
  const label = (field: string) => t(FIELD_LABELS[field] ?? 'loyalty.rewards.name');
  const form = useForm<RewardFormValues>({
    initialValues: EMPTY_REWARD,
    validate: (values) => validateReward(values, currency, t, label),
  });

  useEffect(() => {
    if (!opened) return;
    const values = reward ? rewardToForm(reward, currency) : EMPTY_REWARD;
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
    save.reset();
    // Only when the modal opens for a reward: later renders must not wipe what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, reward]);

  const submit = form.onSubmit((values) =>
    save.mutate(formToInput(values, currency), {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: t('loyalty.rewards.saved', { name: saved.name }) });
        onClose();
      },
      onError: (error) => form.setErrors(rewardFieldErrors(t, serverIssues(error), label)),
    }),
  );

  const scale = moneyScale(currency);
  const { kind } = form.values;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={reward ? t('loyalty.rewards.editTitle') : t('loyalty.rewards.createTitle')}
      size="lg"
      data-testid="reward-modal"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label={label('name')} withAsterisk data-autofocus data-testid="reward-name" {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={label('kind')}
              allowDeselect={false}
              data={REWARD_KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))}
              data-testid="reward-kind"
              {...form.getInputProps('kind')}
            />
            <NumberInput
              label={label('pointsCost')}
              withAsterisk
              min={1}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator
              data-testid="reward-cost"
              {...form.getInputProps('pointsCost')}
            />
          </SimpleGrid>
          {kind === 'fixed_amount' && (
            <NumberInput
              label={label('value')}
              description={t('loyalty.rewards.valueHint', { currency })}
              withAsterisk
              decimalScale={scale}
              allowNegative={false}
              leftSection={currency}
              leftSectionWidth={52}
              data-testid="reward-value"
              {...form.getInputProps('value')}
            />
          )}
          {kind === 'percent' && (
            <NumberInput
              label={label('percent')}
              withAsterisk
              min={1}
              max={100}
              allowDecimal={false}
              allowNegative={false}
              rightSection="%"
              data-testid="reward-percent"
              {...form.getInputProps('percent')}
            />
          )}
          {kind === 'gift_product' && (
            <NumberInput
              label={label('productId')}
              description={t('loyalty.rewards.productHint')}
              withAsterisk
              allowDecimal={false}
              allowNegative={false}
              data-testid="reward-product"
              {...form.getInputProps('productId')}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={label('minOrder')}
              description={t('loyalty.rewards.minOrderHint')}
              decimalScale={scale}
              allowNegative={false}
              leftSection={currency}
              leftSectionWidth={52}
              data-testid="reward-min-order"
              {...form.getInputProps('minOrder')}
            />
            <NumberInput
              label={label('limitPerCustomer')}
              description={t('loyalty.rewards.limitHint')}
              min={1}
              allowDecimal={false}
              allowNegative={false}
              data-testid="reward-limit"
              {...form.getInputProps('limitPerCustomer')}
            />
          </SimpleGrid>
          <Switch label={t('loyalty.rewards.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          {save.isError && serverIssues(save.error).length === 0 && (
            <Alert color="red" variant="light" data-testid="reward-error">
              {refusalSentence(t, save.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('loyalty.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="reward-save">
              {t('loyalty.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
