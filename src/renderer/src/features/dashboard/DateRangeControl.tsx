import { Group, SegmentedControl } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useT, type MessageKey } from '../../i18n';
import { PRESETS, type DateRange, type RangeChoice } from './ranges';

const LABELS: Record<RangeChoice, MessageKey> = {
  last7: 'range.last7',
  last30: 'range.last30',
  last90: 'range.last90',
  last12m: 'range.last12m',
  all: 'range.all',
  custom: 'range.custom',
};

export interface RangeSelection {
  choice: RangeChoice;
  /** The custom range, kept while a preset is chosen so switching back restores it. */
  custom: DateRange;
}

export function DateRangeControl({
  selection,
  today,
  onChange,
}: {
  selection: RangeSelection;
  today: string;
  onChange: (next: RangeSelection) => void;
}) {
  const t = useT();
  return (
    <Group gap="sm" wrap="wrap" justify="flex-end">
      <SegmentedControl
        aria-label={t('range.label')}
        data-testid="range-presets"
        value={selection.choice}
        onChange={(value) => onChange({ ...selection, choice: value as RangeChoice })}
        data={[...PRESETS, 'custom' as const].map((choice) => ({ value: choice, label: t(LABELS[choice]) }))}
      />
      {selection.choice === 'custom' && (
        <DatePickerInput
          type="range"
          aria-label={t('range.pickDates')}
          data-testid="range-custom"
          leftSection={<IconCalendar size={16} />}
          value={[selection.custom.from, selection.custom.to]}
          maxDate={today}
          allowSingleDateInRange
          valueFormat="ll"
          miw={240}
          onChange={([from, to]) => {
            // The picker reports the first click alone; apply once both ends are set.
            if (from && to) onChange({ choice: 'custom', custom: { from, to } });
          }}
        />
      )}
    </Group>
  );
}
