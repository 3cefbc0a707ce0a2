import { Alert, Anchor, Button, Group, Modal, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { bonusInput, type BonusAction, type LedgerEntryView } from '../../../../../shared/contract';
import { ApiError, errorCodeOf } from '../../../api';
import { useActingStaff } from '../../../app/actingStaff';
import { hrefFor } from '../../../app/router';
import { QueryError } from '../../../components/QueryError';
import { useI18n, type I18n } from '../../../i18n';
import { useAwardBonus, useLoyaltySettings } from '../api';
import { formErrors, refusalSentence, serverIssues, zodIssues } from '../issues';
import { tabPath } from '../routes';
import { BonusActionChoice, needsReference } from './BonusActionChoice';

/**
 * Give a customer the points of one of the program's bonus actions, by hand
 * (a review found by staff, a referral told at the counter). The core names
 * the event by its idempotency key (the customer, the year, or the reference),
 * so a second award of the same event posts nothing: the core answers with the
 * first posting ("replayed"), or refuses when it went to another customer.
 */
export function AwardBonusModal({ customerId, opened, onClose }: { customerId: number; opened: boolean; onClose: () => void }) {
  const i18n = useI18n();
  const { t, format } = i18n;
  const staff = useActingStaff();
  const settings = useLoyaltySettings();
  const award = useAwardBonus();
  const [action, setAction] = useState<BonusAction | null>(null);
  const [reference, setReference] = useState('');
  const [referenceError, setReferenceError] = useState<string | null>(null);
  const [alreadyGiven, setAlreadyGiven] = useState<LedgerEntryView | null>(null);
  // The attempt whose answer was lost (offline, timeout): it may have posted, so its replay is this award's success.
  const unanswered = useRef<string | null>(null);

  const points = action && settings.data ? settings.data.bonusActions[action] : 0;
  const referenceLabel = needsReference(action) ? t(`loyalty.award.reference.${action}`) : '';

  const clearAnswer = () => {
    award.reset();
    setAlreadyGiven(null);
    setReferenceError(null);
  };

  const close = () => {
    clearAnswer();
    setAction(null);
    setReference('');
    unanswered.current = null;
    onClose();
  };

  const submit = () => {
    if (!staff || !action) return;
    const input = {
      customerId,
      action,
      ...(needsReference(action) && reference.trim() !== '' && { reference: reference.trim() }),
      staffId: staff.id,
    };
    const parsed = bonusInput.safeParse(input);
    if (!parsed.success) {
      setReferenceError(formErrors(t, zodIssues(parsed.error), () => referenceLabel).reference ?? null);
      return;
    }
    clearAnswer();
    const attempt = JSON.stringify(input);
    award.mutate(input, {
      onSuccess: (result) => {
        const answersLostAttempt = unanswered.current === attempt;
        unanswered.current = null;
        if (result.replayed && !answersLostAttempt) {
          setAlreadyGiven(result.entry);
          return;
        }
        notifications.show({
          color: 'teal',
          message: t('loyalty.award.done', {
            action: t(`loyalty.bonus.${action}`),
            points: format.number(result.entry.points),
            balance: format.number(result.balance.approved),
          }),
        });
        close();
      },
      onError: (error) => {
        if (!isRefusal(error)) unanswered.current = attempt;
        setReferenceError(formErrors(t, serverIssues(error), () => referenceLabel).reference ?? null);
      },
    });
  };

  let body;
  if (settings.isPending) {
    body = <Skeleton height={320} />;
  } else if (settings.isError) {
    body = <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  } else {
    body = (
      <Stack gap="md">
        {!settings.data.enabled && (
          <Alert color="orange" variant="light" data-testid="bonus-program-off">
            {t('loyalty.award.programOff')}{' '}
            <Anchor href={hrefFor(tabPath('program'))} onClick={close} size="sm">
              {t('loyalty.award.openProgram')}
            </Anchor>
          </Alert>
        )}
        <BonusActionChoice
          settings={settings.data}
          value={action}
          onChange={(next) => {
            clearAnswer();
            setAction(next);
          }}
          onLeave={close}
        />
        {needsReference(action) && (
          <TextInput
            label={referenceLabel}
            description={t('loyalty.award.referenceHint')}
            withAsterisk
            maxLength={200}
            value={reference}
            error={referenceError}
            onChange={(event) => {
              clearAnswer();
              setReference(event.currentTarget.value);
            }}
            data-autofocus
            data-testid="bonus-reference"
          />
        )}
        {staff ? (
          <Text size="sm" c="dimmed">{t('loyalty.award.actingAs', { name: staff.name })}</Text>
        ) : (
          <Alert color="orange">{t('loyalty.award.noStaff')}</Alert>
        )}
        {alreadyGiven && (
          <Alert color="yellow" variant="light" role="status" data-testid="bonus-already">
            {t('loyalty.award.already', {
              date: format.date(alreadyGiven.createdAt),
              points: format.number(alreadyGiven.points),
            })}
          </Alert>
        )}
        {award.isError && !referenceError && (
          <Alert color="red" variant="light" role="alert" data-testid="bonus-error">
            {bonusRefusal(i18n, award.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('loyalty.cancel')}
          </Button>
          <Button
            type="submit"
            loading={award.isPending}
            disabled={!staff || !action || points <= 0 || !settings.data.enabled}
            data-testid="bonus-submit"
          >
            {award.isError && !isRefusal(award.error)
              ? t('loyalty.retry')
              : points > 0
                ? t('loyalty.award.submitPoints', { points: format.number(points) })
                : t('loyalty.award.submit')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Modal opened={opened} onClose={close} title={t('loyalty.award.title')} size="lg" data-testid="bonus-modal">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {body}
      </form>
    </Modal>
  );
}

/** The core said no (by rule); anything else (offline, internal) may not have reached it or its answer was lost. */
const isRefusal = (error: unknown): boolean => ['VALIDATION', 'CONFLICT', 'NOT_FOUND'].includes(errorCodeOf(error));

/** The core's refusals are English sentences; the known ones are said again in the UI language. */
const KNOWN_REFUSALS: [RegExp, 'loyalty.award.refusedOther' | 'loyalty.award.refusedZero' | 'loyalty.award.refusedOff'][] = [
  [/already earned points for another customer/, 'loyalty.award.refusedOther'],
  [/gives no points/, 'loyalty.award.refusedZero'],
  [/program is switched off/, 'loyalty.award.refusedOff'],
];

function bonusRefusal({ t, locale }: I18n, error: unknown): string {
  if (locale !== 'en' && error instanceof ApiError) {
    const known = KNOWN_REFUSALS.find(([pattern]) => pattern.test(error.message));
    if (known) return t(known[1]);
  }
  return refusalSentence(t, error);
}
