import { DatePickerInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useState } from 'react';

/** Inclusive calendar dates, 'YYYY-MM-DD'. */
export interface CalendarRange {
  from: string;
  to: string;
}

type PickerValue = [string | null, string | null];

/**
 * A custom date range, up to today. The picker reports the first click
 * alone; the range changes once both ends are set (the dashboard's and the
 * leaderboards' custom periods).
 */
export function RangePickerInput({ range, today, onChange, label, testId }: {
  range: CalendarRange;
  today: string;
  onChange: (range: CalendarRange) => void;
  label: string;
  testId: string;
}) {
  const [picking, setPicking] = useState<PickerValue>([range.from, range.to]);
  return (
    <DatePickerInput
      type="range"
      aria-label={label}
      data-testid={testId}
      leftSection={<IconCalendar size={16} />}
      value={picking}
      maxDate={today}
      allowSingleDateInRange
      valueFormat="ll"
      miw={250}
      onChange={(value) => {
        setPicking(value);
        const [from, to] = value;
        if (from && to) onChange({ from, to });
      }}
    />
  );
}
