import { Button, Group, Pill, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useI18n } from '../../../../i18n';
import type { SlaForm } from './SlaPolicyEditor';

/** Local dates the shop is closed: typed or picked one at a time, kept sorted, each removable. */
export function HolidaysField({ form }: { form: SlaForm }) {
  const { t, format } = useI18n();
  const [picked, setPicked] = useState<string | null>(null);
  const holidays = form.values.holidays;
  const add = () => {
    if (!picked) return;
    form.setFieldValue('holidays', [...new Set([...holidays, picked.slice(0, 10)])].sort());
    setPicked(null);
  };
  return (
    <Stack gap="xs" data-testid="sla-holidays">
      <Text size="sm" fw={500}>{t('service.admin.sla.holidays')}</Text>
      <Text size="xs" c="dimmed">{t('service.admin.sla.holidaysHint')}</Text>
      <Group gap="xs" align="flex-end">
        <DateInput
          aria-label={t('service.admin.sla.holidayDate')}
          placeholder="YYYY-MM-DD"
          valueFormat="YYYY-MM-DD"
          value={picked}
          onChange={setPicked}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
          clearable
          w={180}
          data-testid="sla-holiday-date"
        />
        <Button variant="light" leftSection={<IconCalendarPlus size={16} />} onClick={add} disabled={!picked} data-testid="sla-holiday-add">
          {t('service.admin.sla.addHoliday')}
        </Button>
      </Group>
      {holidays.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="sla-holidays-empty">{t('service.admin.sla.noHolidays')}</Text>
      ) : (
        <Pill.Group>
          {holidays.map((date) => (
            <Pill
              key={date}
              withRemoveButton
              onRemove={() => form.setFieldValue('holidays', holidays.filter((d) => d !== date))}
              removeButtonProps={{ 'aria-label': t('service.admin.sla.removeHoliday', { date: format.date(date) }) }}
              data-testid="sla-holiday"
            >
              {format.date(date)}
            </Pill>
          ))}
        </Pill.Group>
      )}
      {typeof form.errors.holidays === 'string' && <Text c="red" size="sm">{form.errors.holidays}</Text>}
    </Stack>
  );
}
