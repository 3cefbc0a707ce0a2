import { Group, NumberInput, Table, Text } from '@mantine/core';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../../../../shared/contract';
import { useT } from '../../../../i18n';
import type { SlaForm } from './SlaPolicyEditor';
import { TARGET_KINDS, describeMinutes, durationMinutes, type TargetKind, type TargetsForm } from './slaForm';

/**
 * First reply, next reply and resolution targets for each priority, typed as
 * hours and minutes, each read back in words below the inputs ("2 h 30 min").
 * `base` is where these targets sit in the form: 'targets' or 'channels.1.targets'.
 */
export function TargetsTable({ form, base, targets, testId }: { form: SlaForm; base: string; targets: TargetsForm; testId: string }) {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table verticalSpacing={8} withRowBorders={false} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>{t('service.admin.sla.priority')}</Table.Th>
            {TARGET_KINDS.map((kind) => (
              <Table.Th key={kind}>{t(`service.admin.sla.kind.${kind}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {TICKET_PRIORITIES.map((priority) => (
            <Table.Tr key={priority} style={{ verticalAlign: 'top' }}>
              <Table.Td pt={14}>
                <Text size="sm" fw={500}>{t(`service.admin.priority.${priority}`)}</Text>
              </Table.Td>
              {TARGET_KINDS.map((kind) => (
                <Table.Td key={kind}>
                  <DurationCell form={form} base={base} targets={targets} priority={priority} kind={kind} testId={testId} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DurationCell(props: { form: SlaForm; base: string; targets: TargetsForm; priority: TicketPriority; kind: TargetKind; testId: string }) {
  const t = useT();
  const { form, base, targets, priority, kind, testId } = props;
  const path = `${base}.${priority}.${kind}`;
  const label = `${t(`service.admin.priority.${priority}`)} · ${t(`service.admin.sla.kind.${kind}`)}`;
  const error = form.errors[path];
  const total = durationMinutes(targets[priority][kind]);
  const cellId = `${testId}-${priority}-${kind}`;
  // The read-back and the error replace each other: the sentence says what is wrong, the words what was meant.
  return (
    <div>
      <Group gap={6} wrap="nowrap">
        <NumberInput
          aria-label={t('service.admin.sla.hoursOf', { target: label })}
          data-testid={`${cellId}-hours`}
          w={84}
          min={0}
          max={2160}
          allowNegative={false}
          allowDecimal={false}
          hideControls
          rightSection={<Text size="xs" c="dimmed">{t('service.admin.duration.h')}</Text>}
          error={Boolean(error)}
          {...withoutError(form.getInputProps(`${path}.hours`))}
        />
        <NumberInput
          aria-label={t('service.admin.sla.minutesOf', { target: label })}
          data-testid={`${cellId}-minutes`}
          w={84}
          min={0}
          max={59}
          allowNegative={false}
          allowDecimal={false}
          hideControls
          rightSection={<Text size="xs" c="dimmed">{t('service.admin.duration.min')}</Text>}
          error={Boolean(error)}
          {...withoutError(form.getInputProps(`${path}.minutes`))}
        />
      </Group>
      {error ? (
        <Text size="xs" c="red" mt={4} data-testid={`${cellId}-error`}>{error}</Text>
      ) : (
        <Text size="xs" c="dimmed" mt={4} data-testid={`${cellId}-text`}>
          {describeMinutes(t, total, form.values.aroundTheClock)}
        </Text>
      )}
    </div>
  );
}

/** The cell shows one sentence for both inputs, so each input only turns red. */
function withoutError<P extends { error?: unknown }>(props: P): Omit<P, 'error'> {
  const { error: _error, ...rest } = props;
  return rest;
}
