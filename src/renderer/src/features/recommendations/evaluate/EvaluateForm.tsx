import { Alert, Button, Chip, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import type { RecsConfig } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { useI18n } from '../../../i18n';
import { useEvaluate, useRecsStatus } from '../api';
import { issueAt, refusalSentence, serverIssues } from '../issues';

const K_CHOICES = [1, 3, 5, 10, 20, 50] as const;

/** A cut-off four fifths of the way through the trained orders: most to learn from, enough to test on. */
function defaultCutoff(from: string | null | undefined, to: string | null | undefined): string {
  const start = from ? Date.parse(from) : Number.NaN;
  const end = to ? Date.parse(to) : Number.NaN;
  const at = Number.isFinite(start) && Number.isFinite(end) ? start + (end - start) * 0.8 : Date.now() - 60 * 86_400_000;
  return new Date(at).toISOString().slice(0, 10);
}

/**
 * What to evaluate and how: the split (a cut-off date, or each customer's
 * last basket held out), the ks, and which settings (saved or being edited).
 */
export function EvaluateForm({ editing, dirty, onStarting, onStarted, onRefused }: {
  editing: RecsConfig;
  dirty: boolean;
  onStarting: () => void;
  onStarted: (experimentId: number) => void;
  onRefused: () => void;
}) {
  const { t } = useI18n();
  const staff = useActingStaff();
  const model = useRecsStatus().data?.model;
  const evaluate = useEvaluate();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'time' | 'leave_last'>('time');
  const [cutoff, setCutoff] = useState<string | null>(null);
  const [ks, setKs] = useState<string[]>(['5', '10', '20']);
  const [which, setWhich] = useState<'saved' | 'editing'>('saved');
  const chosenCutoff = cutoff ?? defaultCutoff(model?.dataFrom, model?.dataTo);
  const issues = evaluate.isError ? serverIssues(evaluate.error) : [];

  const run = () => {
    onStarting();
    evaluate.mutate(
      {
        ...(name.trim() && { name: name.trim() }),
        split: kind === 'time' ? { kind: 'time', cutoff: chosenCutoff } : { kind: 'leave_last' },
        ks: ks.map(Number).sort((a, b) => a - b),
        ...(which === 'editing' && { config: editing }),
        ...(staff && { staffId: staff.id }),
      },
      { onSuccess: (experiment) => onStarted(experiment.id), onError: onRefused },
    );
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="recs-evaluate-form">
      <Title order={2} fz="md" fw={600}>{t('recs.eval.formTitle')}</Title>
      <Text size="sm" c="dimmed" mb="md">{t('recs.eval.formDescription')}</Text>
      <Stack gap="md">
        <Group gap="lg" align="flex-end" wrap="wrap">
          <div>
            <Text size="sm" fw={500} mb={4} id="recs-eval-split-label">{t('recs.eval.split')}</Text>
            <SegmentedControl
              value={kind}
              onChange={(v) => setKind(v as 'time' | 'leave_last')}
              data={[{ value: 'time', label: t('recs.eval.split.time') }, { value: 'leave_last', label: t('recs.eval.split.leaveLast') }]}
              aria-labelledby="recs-eval-split-label"
              data-testid="recs-eval-split"
            />
          </div>
          {kind === 'time' && (
            <DatePickerInput
              label={t('recs.eval.cutoff')}
              leftSection={<IconCalendar size={16} />}
              valueFormat="ll"
              value={chosenCutoff}
              onChange={(value) => setCutoff(value)}
              error={issueAt(t, issues, 'split.cutoff')}
              w={200}
              data-testid="recs-eval-cutoff"
            />
          )}
          <div>
            <Text size="sm" fw={500} mb={4} id="recs-eval-which-label">{t('recs.eval.which')}</Text>
            <SegmentedControl
              value={which}
              onChange={(v) => setWhich(v as 'saved' | 'editing')}
              data={[
                { value: 'saved', label: t('recs.compare.saved') },
                { value: 'editing', label: dirty ? t('recs.compare.editing') : t('recs.eval.editingSame'), disabled: !dirty },
              ]}
              aria-labelledby="recs-eval-which-label"
            />
          </div>
        </Group>
        <Text size="sm" c="dimmed" data-testid="recs-eval-split-hint">
          {kind === 'time' ? t('recs.eval.split.timeHint') : t('recs.eval.split.leaveLastHint')}
        </Text>
        <div>
          <Text size="sm" fw={500} mb={4}>{t('recs.eval.ks')}</Text>
          <Chip.Group multiple value={ks} onChange={(next) => next.length > 0 && setKs(next)}>
            <Group gap="xs">
              {K_CHOICES.map((k) => (
                <Chip key={k} value={String(k)} size="sm" data-testid={`recs-eval-k-${k}`}>k = {k}</Chip>
              ))}
            </Group>
          </Chip.Group>
        </div>
        <Group align="flex-end" gap="sm">
          <TextInput label={t('recs.eval.name')} placeholder={t('recs.eval.namePlaceholder')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={100} w={280} />
          <Button leftSection={<IconPlayerPlay size={16} />} onClick={run} loading={evaluate.isPending} data-testid="recs-eval-run">
            {t('recs.eval.run')}
          </Button>
        </Group>
        {evaluate.isError && (
          <Alert color="red" variant="light" data-testid="recs-eval-error">{refusalSentence(t, evaluate.error)}</Alert>
        )}
      </Stack>
    </Paper>
  );
}
