import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useActingStaff } from '../../../app/actingStaff';
import { hrefFor } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { useMergeCustomers } from '../api';
import { writeErrorSentence } from '../errors';
import { displayName, newIdempotencyKey } from '../format';
import { pathForCustomer } from '../routes';
import type { MergePlan } from './DuplicatesTab';
import { mergeEachInto, mergeTotals, type MergeOutcome } from './mergeSequence';

/**
 * Says exactly what moves before anything moves, then merges each other
 * customer of the group into the chosen one, one merge per customer. The
 * idempotency keys are made when the dialog opens, so pressing Merge again
 * after a failure (or a double click) replays instead of merging twice.
 */
export function MergeModal({ plan, onClose }: { plan: MergePlan; onClose: () => void }) {
  const { t, format } = useI18n();
  const staff = useActingStaff();
  const merge = useMergeCustomers();
  const target = plan.group.customers.find((c) => c.id === plan.targetId);
  const sources = plan.group.customers.filter((c) => c.id !== plan.targetId);
  const [keys] = useState(() => new Map(sources.map((c) => [c.id, newIdempotencyKey(`merge-${c.id}-into-${plan.targetId}`)])));
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<MergeOutcome | null>(null);
  if (!target) return null;

  const unnamed = t('customers.unnamed');
  // Duplicates often share a name: the customer number tells them apart.
  const label = (c: { id: number; name: string | null; email: string | null }) => `${displayName(c, unnamed)} (#${c.id})`;
  const targetName = label(target);

  const run = async () => {
    if (!staff) return;
    setRunning(true);
    const next = await mergeEachInto(
      sources.map((c) => c.id),
      target.id,
      staff.id,
      (sourceId) => keys.get(sourceId) ?? newIdempotencyKey('merge'),
      (input) => merge.mutateAsync(input),
    );
    setOutcome(next);
    setRunning(false);
  };

  const done = outcome !== null && outcome.error === null;
  return (
    <Modal opened onClose={running ? () => undefined : onClose} title={t('customers.merge.title')} size="lg" data-testid="merge-modal">
      <Stack gap="md">
        {!done && (
          <>
            <Text fw={600}>{t('customers.merge.keep', { name: targetName })}</Text>
            <List spacing="xs" size="sm">
              {sources.map((source) => (
                <List.Item key={source.id} data-testid="merge-moves" data-customer-id={source.id}>
                  <Text size="sm" fw={500} span>
                    {t('customers.merge.from', { name: label(source) })}{' '}
                  </Text>
                  <Text size="sm" span>
                    {t('customers.merge.moves', {
                      orders: format.number(source.ordersCount),
                      spend: format.money(source.spendMinor, source.currency),
                      points: format.number(source.pointsNet),
                    })}
                  </Text>
                </List.Item>
              ))}
            </List>
            <Text size="sm" c="dimmed">{t('customers.merge.after')}</Text>
            <Text size="sm" c={staff ? 'dimmed' : 'red'}>
              {staff ? t('customers.merge.by', { name: staff.name }) : t('customers.merge.noStaff')}
            </Text>
          </>
        )}
        {outcome && <OutcomeView outcome={outcome} total={sources.length} targetName={targetName} />}
        <Group justify="flex-end" gap="sm">
          {done ? (
            <>
              <Button component="a" variant="default" href={hrefFor(pathForCustomer(target.id))} data-testid="merge-open-target">
                {t('customers.merge.openTarget', { name: targetName })}
              </Button>
              <Button onClick={onClose} data-testid="merge-close" data-autofocus>
                {t('customers.merge.close')}
              </Button>
            </>
          ) : (
            <>
              <Button variant="default" onClick={onClose} disabled={running}>
                {t('customers.merge.cancel')}
              </Button>
              <Button color="red" onClick={() => void run()} loading={running} disabled={!staff} data-testid="merge-confirm">
                {t('customers.merge.confirm')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

function OutcomeView({ outcome, total, targetName }: { outcome: MergeOutcome; total: number; targetName: string }) {
  const { t, format } = useI18n();
  const totals = mergeTotals(outcome.results);
  const summary =
    outcome.results.length > 0
      ? t('customers.merge.result', {
          orders: format.number(totals.orders),
          tickets: format.number(totals.tickets),
          returns: format.number(totals.returns),
          feedback: format.number(totals.feedback),
          points: format.number(totals.points),
          name: targetName,
        })
      : null;
  if (outcome.error !== null) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('customers.merge.failed')} data-testid="merge-error">
        <Stack gap={4}>
          <Text size="sm">{writeErrorSentence(outcome.error, t)}</Text>
          {outcome.results.length > 0 && (
            <Text size="sm">
              {t('customers.merge.partial', { done: outcome.results.length, total })} {summary}
            </Text>
          )}
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title={t('customers.merge.done')} data-testid="merge-result">
      <Stack gap={4}>
        <Text size="sm">{summary}</Text>
        {outcome.results.every((r) => r.replayed) && <Text size="sm">{t('customers.merge.replayed')}</Text>}
      </Stack>
    </Alert>
  );
}
