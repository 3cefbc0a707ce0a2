import { Stack } from '@mantine/core';
import { useState } from 'react';
import type { ReportRange } from '../api';
import { CsatReportSection } from './CsatReportSection';
import { presetRange, todayUtc } from './ranges';
import { ReportRangePicker, type RangeChoice } from './ReportRangePicker';
import { SlaReportSection } from './SlaReportSection';

/** SLA compliance and customer satisfaction over one date range (the last 12 weeks to start with). */
export function ReportsTab() {
  const today = todayUtc();
  const [choice, setChoice] = useState<RangeChoice>('12');
  const [range, setRange] = useState<ReportRange>(() => presetRange(12, today));
  return (
    <Stack gap="lg" data-testid="reports-tab">
      <ReportRangePicker
        choice={choice}
        range={range}
        today={today}
        onChange={(nextChoice, nextRange) => {
          setChoice(nextChoice);
          setRange(nextRange);
        }}
      />
      <SlaReportSection range={range} />
      <CsatReportSection range={range} />
    </Stack>
  );
}
