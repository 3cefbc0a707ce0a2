import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { FEEDBACK_SOURCES, type FeedbackSource } from '../../../../../shared/contract';
import { ApiError } from '../../../api';
import { useActingStaff } from '../../../app/actingStaff';
import { useT } from '../../../i18n';
import { newKey, useCreateFeedback } from '../api';
import { sourceLabel } from '../labels';
import { CustomerPicker, type PickedCustomer } from '../../../components/CustomerPicker';

/**
 * Enter a review, rating or survey answer by hand (from a phone call, an
 * email, a marketplace page). A retry of the same form sends the same
 * idempotency key, so a lost answer never enters it twice.
 */
export function AddFeedbackModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const staff = useActingStaff();
  const create = useCreateFeedback();
  const [source, setSource] = useState<FeedbackSource>('review');
  const [rating, setRating] = useState<number | string>('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const customerId = customer?.id ?? null;
  const [problem, setProblem] = useState<string | null>(null);
  const key = useRef(newKey());
  const range = source === 'nps' ? { min: 0, max: 10 } : { min: 1, max: 5 };

  const close = () => {
    setRating('');
    setTitle('');
    setBody('');
    setCustomer(null);
    setProblem(null);
    create.reset();
    key.current = newKey();
    onClose();
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!staff) return;
    const value = rating === '' ? null : Number(rating);
    if (value !== null && (!Number.isInteger(value) || value < range.min || value > range.max)) {
      setProblem(t('feedback.add.badRating', range));
      return;
    }
    if (value === null && body.trim() === '') {
      setProblem(t('feedback.add.needSomething'));
      return;
    }
    setProblem(null);
    create.mutate(
      {
        staffId: staff.id, source, rating: value, idempotencyKey: key.current,
        ...(title.trim() ? { title: title.trim() } : {}), ...(body.trim() ? { body: body.trim() } : {}),
        ...(customerId === null ? {} : { customerId }),
      },
      {
        onSuccess: (item) => {
          notifications.show({
            color: 'teal',
            message: item.ticketId === null ? t('feedback.add.done') : t('feedback.add.doneWithTicket', { id: item.ticketId }),
          });
          close();
        },
        onError: (error) => setProblem(error instanceof ApiError ? error.message : t('error.INTERNAL')),
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={t('feedback.add.title')} data-testid="feedback-add-modal">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Select
            label={t('feedback.col.source')}
            data={FEEDBACK_SOURCES.map((s) => ({ value: s, label: sourceLabel(t, s) }))}
            value={source}
            onChange={(v) => v && setSource(v as FeedbackSource)}
            allowDeselect={false}
            data-autofocus
          />
          <NumberInput
            label={source === 'nps' ? t('feedback.add.npsScore') : t('feedback.add.stars')}
            description={t('feedback.add.ratingHint', range)}
            min={range.min}
            max={range.max}
            allowDecimal={false}
            value={rating}
            onChange={setRating}
            data-testid="feedback-add-rating"
          />
          <TextInput label={t('feedback.add.titleField')} maxLength={200} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <Textarea label={t('feedback.add.body')} autosize minRows={3} maxLength={10_000} value={body}
            onChange={(e) => setBody(e.currentTarget.value)} data-testid="feedback-add-body" />
          <CustomerPicker value={customer} onChange={setCustomer} label={t('feedback.add.customer')}
            placeholder={t('feedback.add.customerPlaceholder')} nothingFound={t('feedback.add.noCustomer')} testId="feedback-add-customer" />
          {problem && <Alert color="red" data-testid="feedback-add-problem">{problem}</Alert>}
          {staff ? (
            <Text size="xs" c="dimmed">{t('feedback.actingAs', { name: staff.name })}</Text>
          ) : (
            <Alert color="yellow">{t('feedback.noStaff')}</Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('feedback.cancel')}</Button>
            <Button type="submit" loading={create.isPending} disabled={!staff} data-testid="feedback-add-submit">{t('feedback.add.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
