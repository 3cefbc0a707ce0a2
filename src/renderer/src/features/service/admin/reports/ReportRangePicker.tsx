import { Group, SegmentedControl } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../../../i18n';
import type { ReportRange } from '../api';
import { WEEK_PRESETS, presetRange, type WeekPreset } from './ranges';

export type RangeChoice = `${WeekPreset}` | 'custom';

/** The last N weeks, or two dates picked on a calendar; the reports change once both ends are set. */
export function ReportRangePicker(props: {
  choice: RangeChoice;
  range: ReportRange;
  today: string;
  onChange: (choice: RangeChoice, range: ReportRange) => void;
}) {
  const t = useT();
  const [picking, setPicking] = useState<[string | null, string | null]>([props.range.from, props.range.to]);
  return (
    <Group gap="sm" wrap="wrap" data-testid="report-range">
      <SegmentedControl
        aria-label={t('service.admin.reports.range')}
        value={props.choice}
        onChange={(value) => {
          const choice = value as RangeChoice;
          if (choice === 'custom') {
            // The calendar starts from the period shown, so "custom" first means "this period, to adjust".
            setPicking([props.range.from, props.range.to]);
            props.onChange('custom', props.range);
          }
          else props.onChange(choice, presetRange(Number(choice) as WeekPreset, props.today));
        }}
        data={[
          ...WEEK_PRESETS.map((weeks) => ({ value: String(weeks), label: t('service.admin.reports.lastWeeks', { n: weeks }) })),
          { value: 'custom', label: t('service.admin.reports.custom') },
        ]}
        data-testid="report-range-presets"
      />
      {props.choice === 'custom' && (
        <DatePickerInput
          type="range"
          aria-label={t('service.admin.reports.pickDates')}
          leftSection={<IconCalendar size={16} />}
          value={picking}
          maxDate={props.today}
          allowSingleDateInRange
          valueFormat="ll"
          miw={250}
          data-testid="report-range-custom"
          onChange={(value) => {
            setPicking(value);
            const [from, to] = value;
            if (from && to) props.onChange('custom', { from, to });
          }}
        />
      )}
    </Group>
  );
}
