import { ActionIcon, Alert, Button, Group, Select, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useI18n } from '../../../../i18n';
import { SettingsSection } from '../../../../components/SettingsSection';
import { HolidaysField } from './HolidaysField';
import type { SlaForm } from './SlaPolicyEditor';
import { rowKey, type DayForm } from './slaForm';

/** IANA zones the browser knows; the saved one is kept even if this browser does not list it. */
function timeZones(current: string): string[] {
  const supported = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  const zones = new Set(['UTC', ...supported]);
  if (current) zones.add(current);
  return [...zones];
}

/** The calendar targets count on: a time zone, open hours per weekday (or none: closed), holidays, or 24/7. */
export function BusinessHoursSection({ form }: { form: SlaForm }) {
  const { t } = useI18n();
  const zones = useMemo(() => timeZones(form.values.timezone), [form.values.timezone]);
  const aroundTheClock = form.values.aroundTheClock;
  return (
    <SettingsSection title={t('service.admin.sla.calendarTitle')} description={t('service.admin.sla.calendarHint')} testId="sla-calendar">
      <Stack gap="md">
        <Group align="flex-start" gap="xl" wrap="wrap">
          <Select
            label={t('service.admin.sla.timezone')}
            description={t('service.admin.sla.timezoneHint')}
            data={zones}
            searchable
            limit={60}
            nothingFoundMessage={t('service.admin.sla.noTimezone')}
            allowDeselect={false}
            w={320}
            data-testid="sla-timezone"
            {...form.getInputProps('timezone')}
          />
          <Switch
            mt={28}
            label={t('service.admin.sla.aroundTheClock')}
            description={t('service.admin.sla.aroundTheClockHint')}
            data-testid="sla-24-7"
            {...form.getInputProps('aroundTheClock', { type: 'checkbox' })}
          />
        </Group>
        {aroundTheClock && (
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} data-testid="sla-24-7-note">
            {t('service.admin.sla.aroundTheClockNote')}
          </Alert>
        )}
        {typeof form.errors.days === 'string' && (
          <Text c="red" size="sm" data-testid="sla-days-error">{form.errors.days}</Text>
        )}
        <Table verticalSpacing={6} withRowBorders={false} data-testid="sla-hours" style={{ opacity: aroundTheClock ? 0.6 : 1 }}>
          <Table.Tbody>
            {form.values.days.map((day, index) => (
              <DayRow key={day.day} form={form} day={day} index={index} />
            ))}
          </Table.Tbody>
        </Table>
        <HolidaysField form={form} />
      </Stack>
    </SettingsSection>
  );
}

const weekdayName = (locale: string, day: number): string =>
  // 2024-01-07 was a Sunday: day 0 … 6 from there.
  new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 7 + day)));

function DayRow({ form, day, index }: { form: SlaForm; day: DayForm; index: number }) {
  const { t, locale } = useI18n();
  const name = weekdayName(locale, day.day);
  const open = day.intervals.length > 0;
  const path = `days.${index}.intervals`;
  const addInterval = () => {
    const last = day.intervals[day.intervals.length - 1];
    // A second interval starts where a lunch break would end; the person edits it anyway.
    const interval = last ? { start: last.end < '23:00' ? last.end : '22:00', end: '23:00' } : { start: '09:00', end: '17:00' };
    form.insertListItem(path, { key: rowKey(), ...interval });
  };
  return (
    <Table.Tr style={{ verticalAlign: 'top' }} data-testid={`sla-day-${day.day}`}>
      <Table.Td w={130} pt={14}>
        <Text size="sm" fw={500}>{name}</Text>
      </Table.Td>
      <Table.Td w={130} pt={14}>
        <Switch
          label={open ? t('service.admin.sla.open') : t('service.admin.sla.closed')}
          checked={open}
          aria-label={t('service.admin.sla.openOn', { day: name })}
          data-testid={`sla-day-${day.day}-open`}
          onChange={(event) =>
            event.currentTarget.checked ? addInterval() : form.setFieldValue(path, [])
          }
        />
      </Table.Td>
      <Table.Td>
        <Stack gap={6}>
          {day.intervals.map((interval, i) => {
            const error = form.errors[`${path}.${i}.start`] ?? form.errors[`${path}.${i}.end`];
            return (
              <Group key={interval.key} gap="xs" align="flex-start" wrap="nowrap">
                <TimeInput
                  aria-label={t('service.admin.sla.opensAt', { day: name, n: i + 1 })}
                  data-testid={`sla-day-${day.day}-${i}-start`}
                  w={120}
                  {...form.getInputProps(`${path}.${i}.start`)}
                  error={Boolean(form.errors[`${path}.${i}.start`])}
                />
                <Text pt={6} c="dimmed">–</Text>
                <TimeInput
                  aria-label={t('service.admin.sla.closesAt', { day: name, n: i + 1 })}
                  data-testid={`sla-day-${day.day}-${i}-end`}
                  w={120}
                  {...form.getInputProps(`${path}.${i}.end`)}
                  error={Boolean(form.errors[`${path}.${i}.end`])}
                />
                <Tooltip label={t('service.admin.remove')}>
                  <ActionIcon
                    mt={4}
                    variant="subtle"
                    color="red"
                    onClick={() => form.removeListItem(path, i)}
                    aria-label={t('service.admin.sla.removeInterval', { day: name, n: i + 1 })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
                {error && (
                  <Text size="sm" c="red" pt={6} data-testid={`sla-day-${day.day}-${i}-error`}>{error}</Text>
                )}
              </Group>
            );
          })}
          {open && (
            <Button
              variant="subtle"
              size="compact-sm"
              w="fit-content"
              leftSection={<IconPlus size={14} />}
              onClick={addInterval}
              disabled={day.intervals.length >= 6}
              data-testid={`sla-day-${day.day}-add`}
            >
              {t('service.admin.sla.addInterval')}
            </Button>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
