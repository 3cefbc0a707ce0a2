import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ReturnDetail, ReturnStatus } from '../../../../../shared/contract/returns';
import { useActingStaff } from '../../../app/actingStaff';
import { useT } from '../../../i18n';
import { currentFromConflict, newIdempotencyKey, useTransitionReturn } from '../api';
import { stepActionKey } from '../labels';
import { ReturnError } from '../ReturnError';
import { ResolveModal } from './ResolveModal';

const STEP_COLORS: Partial<Record<ReturnStatus, string>> = { declined: 'red', resolved: 'teal', closed: 'gray' };

/**
 * The steps allowed from here, and only those (the core refuses any other).
 * Keys are fixed per version seen: a retry after a lost answer is the same
 * request, and the core answers it without a second step.
 */
export function StepActions({ detail }: { detail: ReturnDetail }) {
  const t = useT();
  const staff = useActingStaff();
  const transition = useTransitionReturn();
  const [note, setNote] = useState('');
  const [resolving, setResolving] = useState(false);
  const keys = useMemo(() => new Map<ReturnStatus, string>(), [detail.version]);
  const keyFor = (to: ReturnStatus) => {
    if (!keys.has(to)) keys.set(to, newIdempotencyKey(`return-${to}`));
    return keys.get(to)!;
  };

  const step = (to: ReturnStatus) => {
    if (!staff) return;
    transition.mutate(
      { id: detail.id, staffId: staff.id, expectedVersion: detail.version, to, ...(note.trim() && { note: note.trim() }), idempotencyKey: keyFor(to) },
      { onSuccess: () => setNote('') },
    );
  };

  const conflict = transition.isError && currentFromConflict(transition.error) !== null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="return-actions">
      <Stack gap="sm">
        {detail.next.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="return-finished">{t('returns.action.none')}</Text>
        ) : (
          <>
            <Textarea label={t('returns.action.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)}
              autosize minRows={1} maxLength={2000} data-testid="return-step-note" />
            <Group gap="sm">
              {detail.next.map((to) => (
                <Button key={to} color={STEP_COLORS[to]} variant={to === 'declined' ? 'light' : 'filled'}
                  loading={transition.isPending && transition.variables?.to === to} disabled={!staff || transition.isPending}
                  onClick={() => (to === 'resolved' ? setResolving(true) : step(to))} data-testid={`return-step-${to}`}>
                  {t(stepActionKey(to))}
                </Button>
              ))}
            </Group>
          </>
        )}
        {!staff && <Text size="sm" c="red">{t('returns.noStaff')}</Text>}
        {transition.isError && !resolving && (
          <ReturnError title={t('returns.action.failed')} error={transition.error} testId="return-step-error"
            extra={conflict ? t('returns.conflict.current') : undefined} />
        )}
      </Stack>
      {resolving && staff && (
        <ResolveModal detail={detail} staffId={staff.id} note={note} onClose={() => { setResolving(false); setNote(''); }} />
      )}
    </Paper>
  );
}
