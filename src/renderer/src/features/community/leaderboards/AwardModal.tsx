import { Alert, Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { honoursAwardInput, type HonoursResult, type InputOf, type LeaderboardName } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { useI18n } from '../../../i18n';
import { useAwardHonours } from '../api';
import { checkWith, serverFieldErrors } from '../issues';
import { boardLabel } from '../labels';
import { RefusalAlert } from '../RefusalAlert';
import type { Period } from './periods';

interface AwardProps {
  opened: boolean;
  onClose: () => void;
  board: LeaderboardName;
  period: Period;
  groupId: number | undefined;
  ranked: number;
}

/**
 * Honour the top of a board: a badge and bonus points for each, once per
 * board and period. The settings are checked, then said back in a sentence to
 * confirm (points cannot be taken back silently), then the result is shown.
 */
export function AwardModal(props: AwardProps) {
  const { t } = useI18n();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={<Text fw={600}>{t('community.award.title')}</Text>}>
      {props.opened && <AwardBody {...props} />}
    </Modal>
  );
}

function AwardBody({ onClose, board, period, groupId, ranked }: AwardProps) {
  const { t, format } = useI18n();
  const acting = useActingStaff();
  const award = useAwardHonours();
  const [top, setTop] = useState<number | string>(Math.min(10, Math.max(1, ranked)));
  const [badge, setBadge] = useState('');
  const [points, setPoints] = useState<number | string>(500);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<HonoursResult | null>(null);

  const input: InputOf<'leaderboards.award'> = {
    board, ...period, ...(groupId !== undefined && { groupId }),
    top: Number(top), badge: badge.trim(), points: Number(points), staffId: acting?.id ?? 0,
  };
  const review = () => {
    const found = checkWith(t, honoursAwardInput, { ...input, staffId: acting?.id ?? 1 });
    setErrors(found);
    if (Object.keys(found).length === 0) setConfirming(true);
  };
  const confirm = () => {
    if (!acting) return;
    award.mutate(input, {
      onSuccess: setResult,
      onError: (error) => { setErrors(serverFieldErrors(t, error)); setConfirming(false); },
    });
  };

  if (result) {
    return (
      <Stack gap="md">
        <Alert color={result.awarded > 0 ? 'teal' : 'yellow'} variant="light" icon={result.awarded > 0 ? <IconCheck size={18} /> : <IconAlertTriangle size={18} />} data-testid="award-result" data-awarded={result.awarded} data-already={result.alreadyHonoured}>
          {t('community.award.result', { awarded: format.number(result.awarded), already: format.number(result.alreadyHonoured), points: format.number(result.pointsPosted) })}
          {result.awarded === 0 && result.alreadyHonoured > 0 && <Text size="sm" mt={4}>{t('community.award.allAlready')}</Text>}
        </Alert>
        <Group justify="flex-end"><Button onClick={onClose} data-testid="award-done">{t('community.done')}</Button></Group>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">{t('community.award.hint', { board: t(boardLabel(board)), from: format.date(period.from), to: format.date(period.to) })}</Text>
      <SimpleGrid cols={2}>
        <NumberInput label={t('community.award.top')} min={1} max={100} allowDecimal={false} value={top} onChange={(v) => { setTop(v); setConfirming(false); }} error={errors['top']} data-testid="award-top" />
        <NumberInput label={t('community.award.points')} min={0} max={1_000_000} allowDecimal={false} thousandSeparator value={points} onChange={(v) => { setPoints(v); setConfirming(false); }} error={errors['points']} data-testid="award-points" />
      </SimpleGrid>
      <TextInput label={t('community.award.badge')} placeholder={t('community.award.badgePlaceholder')} required value={badge} maxLength={60} onChange={(e) => { setBadge(e.currentTarget.value); setConfirming(false); }} error={errors['badge']} data-autofocus data-testid="award-badge" />
      {(errors['from'] || errors['form']) && <Text size="sm" c="red">{errors['from'] ?? errors['form']}</Text>}
      {confirming && (
        <Alert color="yellow" variant="light" data-testid="award-confirm-text">
          {t('community.award.confirm', { top: format.number(Number(top)), badge: badge.trim(), points: format.number(Number(points)) })}
        </Alert>
      )}
      {award.isError && <RefusalAlert error={award.error} testId="award-error" />}
      <Group justify="flex-end">
        {!acting && <Text size="sm" c="red">{t('community.noActingStaff')}</Text>}
        <Button variant="default" onClick={confirming ? () => setConfirming(false) : onClose}>{confirming ? t('community.back') : t('community.cancel')}</Button>
        {confirming
          ? <Button color="yellow" onClick={confirm} loading={award.isPending} disabled={!acting} data-testid="award-confirm">{t('community.award.confirmButton')}</Button>
          : <Button onClick={review} data-testid="award-review">{t('community.award.review')}</Button>}
      </Group>
    </Stack>
  );
}
