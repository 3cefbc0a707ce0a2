import { Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useT } from '../../../i18n';
import { fieldLabelKey, GENERIC_FIELDS, REQUIRED_FIELDS, type GenericField } from './mapping';

export interface GenericSettings {
  fields: Partial<Record<GenericField, string>>;
  dateFormat: 'iso' | 'dmy' | 'mdy' | 'ymd';
  decimalSeparator: '.' | ',';
  currency: string | null;
}

const CURRENCIES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : ['USD', 'EUR', 'GBP', 'CNY'];

/** Which column of the file holds which order field, and how its dates and numbers are written. */
export function MappingEditor({ columns, value, onChange }: { columns: string[]; value: GenericSettings; onChange: (next: GenericSettings) => void }) {
  const t = useT();
  const setField = (field: GenericField, column: string | null) => {
    const fields = { ...value.fields };
    if (column) fields[field] = column;
    else delete fields[field];
    onChange({ ...value, fields });
  };
  return (
    <Paper withBorder p="md" data-testid="sync-import-mapping">
      <Stack gap="sm">
        <Text fw={600}>{t('sync.import.mappingTitle')}</Text>
        <Text size="sm" c="dimmed">{t('sync.import.mappingHint')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          {GENERIC_FIELDS.map((field) => (
            <Select key={field} label={t(fieldLabelKey(field))} withAsterisk={REQUIRED_FIELDS.includes(field)} data={columns} clearable searchable
              placeholder={t('sync.import.noColumn')} value={value.fields[field] ?? null} onChange={(column) => setField(field, column)}
              data-testid={`sync-import-map-${field}`} />
          ))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select label={t('sync.import.dateFormat')} allowDeselect={false} data-testid="sync-import-date-format" value={value.dateFormat}
            onChange={(v) => v && onChange({ ...value, dateFormat: v as GenericSettings['dateFormat'] })}
            data={[
              { value: 'iso', label: t('sync.import.date.iso') },
              { value: 'ymd', label: t('sync.import.date.ymd') },
              { value: 'dmy', label: t('sync.import.date.dmy') },
              { value: 'mdy', label: t('sync.import.date.mdy') },
            ]} />
          <Select label={t('sync.import.decimal')} allowDeselect={false} data-testid="sync-import-decimal" value={value.decimalSeparator}
            onChange={(v) => v && onChange({ ...value, decimalSeparator: v as GenericSettings['decimalSeparator'] })}
            data={[{ value: '.', label: t('sync.import.decimalPoint') }, { value: ',', label: t('sync.import.decimalComma') }]} />
          <Select label={t('sync.import.currency')} data-testid="sync-import-currency" data={CURRENCIES} searchable clearable
            value={value.currency} onChange={(v) => onChange({ ...value, currency: v })} />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

/** The required fields without a column; an order id stands in for the order number. */
export const missingRequired = (settings: GenericSettings): GenericField[] =>
  REQUIRED_FIELDS.filter((f) => !settings.fields[f] && !(f === 'orderNumber' && settings.fields.orderId));
