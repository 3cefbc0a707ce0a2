import { Divider, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { EARNING_BASES, EXPIRY_MODES, PENDING_MODES } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { formatPointValue } from '../overview/pointValue';
import type { ProgramForm } from './ProgramEditor';
import { SettingsSection } from '../../../components/SettingsSection';

/** How orders earn, when points become spendable, when they expire and what one is worth. */
export function EarningSection({ form, currency }: { form: ProgramForm; currency: string }) {
  const { t, locale } = useI18n();
  const { earning, pointValueMinor } = form.values;
  const value = Number(pointValueMinor);
  return (
    <SettingsSection title={t('loyalty.program.earningTitle')} description={t('loyalty.program.earningHint')} testId="program-earning">
      <Stack gap="md">
        <Switch
          label={t('loyalty.program.enabled')}
          description={t('loyalty.program.enabledHint')}
          {...form.getInputProps('enabled', { type: 'checkbox' })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <NumberInput
            label={t('loyalty.program.pointsPerUnit')}
            description={t('loyalty.program.pointsPerUnitHint', { currency })}
            min={0}
            decimalScale={2}
            allowNegative={false}
            data-testid="program-points-per-unit"
            {...form.getInputProps('earning.pointsPerCurrencyUnit')}
          />
          <Select
            label={t('loyalty.program.basis')}
            description={t('loyalty.program.basisHint')}
            allowDeselect={false}
            data={EARNING_BASES.map((b) => ({ value: b, label: t(`loyalty.program.basis.${b}`) }))}
            {...form.getInputProps('earning.basis')}
          />
          <NumberInput
            label={t('loyalty.program.pointValue')}
            description={
              Number.isFinite(value) && value > 0
                ? t('loyalty.program.pointValueHint', { value: formatPointValue(value, currency, locale) })
                : t('loyalty.program.pointValueUnit')
            }
            min={0}
            decimalScale={4}
            allowNegative={false}
            data-testid="program-point-value"
            {...form.getInputProps('pointValueMinor')}
          />
        </SimpleGrid>
        <Divider />
        <Text fw={600} size="sm">{t('loyalty.program.pendingTitle')}</Text>
        <SegmentedControl
          aria-label={t('loyalty.program.pendingTitle')}
          data={PENDING_MODES.map((m) => ({ value: m, label: t(`loyalty.program.pendingMode.${m}`) }))}
          {...form.getInputProps('earning.pendingMode')}
          w="fit-content"
        />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {earning.pendingMode === 'days' ? (
            <NumberInput
              label={t('loyalty.program.pendingDays')}
              description={t('loyalty.program.pendingDaysHint')}
              min={0}
              max={365}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('earning.pendingDays')}
            />
          ) : (
            <NumberInput
              label={t('loyalty.program.returnWindowDays')}
              description={t('loyalty.program.returnWindowDaysHint')}
              min={0}
              max={365}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('earning.returnWindowDays')}
            />
          )}
        </SimpleGrid>
        <Divider />
        <Text fw={600} size="sm">{t('loyalty.program.expiryTitle')}</Text>
        <SegmentedControl
          aria-label={t('loyalty.program.expiryTitle')}
          data={EXPIRY_MODES.map((m) => ({ value: m, label: t(`loyalty.program.expiryMode.${m}`) }))}
          {...form.getInputProps('earning.expiryMode')}
          w="fit-content"
        />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {earning.expiryMode === 'lotLifetime' ? (
            <NumberInput
              label={t('loyalty.program.lotLifetimeMonths')}
              description={t('loyalty.program.lotLifetimeMonthsHint')}
              min={1}
              max={120}
              allowDecimal={false}
              allowNegative={false}
              placeholder={t('loyalty.program.never')}
              {...form.getInputProps('earning.lotLifetimeMonths')}
            />
          ) : (
            <NumberInput
              label={t('loyalty.program.inactivityMonths')}
              description={t('loyalty.program.inactivityMonthsHint')}
              min={1}
              max={120}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('earning.inactivityMonths')}
            />
          )}
        </SimpleGrid>
      </Stack>
    </SettingsSection>
  );
}
