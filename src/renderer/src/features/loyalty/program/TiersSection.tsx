import { ActionIcon, Button, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { MAX_TIERS, TIER_BASES, TIER_PERIODS } from '../../../../../shared/contract';
import { minorUnitDigits } from '../../../../../shared/money';
import { useI18n } from '../../../i18n';
import type { ProgramForm } from './ProgramEditor';
import { rowKey, slugify, type TierRow } from './programForm';
import { SettingsSection } from '../../../components/SettingsSection';

/** The membership ladder: ordered rows, each starting strictly above the one before. */
export function TiersSection({ form, currency }: { form: ProgramForm; currency: string }) {
  const { t } = useI18n();
  const { tiers, tierBasis } = form.values;
  const add = () => {
    const last = tiers[tiers.length - 1];
    const threshold = last ? Number(last.threshold || 0) + (tierBasis === 'spend' ? 500 : 1000) : 0;
    form.insertListItem('tiers', { key: rowKey(), id: '', name: '', threshold, multiplier: 1, benefits: '' } satisfies TierRow);
  };
  return (
    <SettingsSection
      title={t('loyalty.program.tiersTitle')}
      description={t('loyalty.program.tiersHint')}
      testId="program-tiers"
      actions={
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={add} disabled={tiers.length >= MAX_TIERS} data-testid="tier-add">
          {t('loyalty.program.addTier')}
        </Button>
      }
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} maw={640}>
          <Select
            label={t('loyalty.program.tierBasis')}
            allowDeselect={false}
            data={TIER_BASES.map((b) => ({ value: b, label: t(`loyalty.program.tierBasis.${b}`) }))}
            {...form.getInputProps('tierBasis')}
          />
          <Select
            label={t('loyalty.program.tierPeriod')}
            allowDeselect={false}
            data={TIER_PERIODS.map((p) => ({ value: p, label: t(`loyalty.tierPeriod.${p}`) }))}
            {...form.getInputProps('tierPeriod')}
          />
        </SimpleGrid>
        {typeof form.errors.tiers === 'string' && <Text c="red" size="sm">{form.errors.tiers}</Text>}
        {tiers.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="tiers-empty">
            {t('loyalty.program.noTiers')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing={6} withRowBorders={false} data-testid="tiers-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={72} />
                  <Table.Th>{t('loyalty.program.rowName')}</Table.Th>
                  <Table.Th>{t('loyalty.program.rowId')}</Table.Th>
                  <Table.Th w={170}>
                    {tierBasis === 'spend' ? t('loyalty.program.thresholdSpend', { currency }) : t('loyalty.program.thresholdPoints')}
                  </Table.Th>
                  <Table.Th w={110}>{t('loyalty.program.multiplier')}</Table.Th>
                  <Table.Th>{t('loyalty.program.benefits')}</Table.Th>
                  <Table.Th w={44} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tiers.map((tier, index) => (
                  <TierRowInputs key={tier.key} form={form} tier={tier} index={index} count={tiers.length} currency={currency} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </SettingsSection>
  );
}

function TierRowInputs(props: { form: ProgramForm; tier: TierRow; index: number; count: number; currency: string }) {
  const { t } = useI18n();
  const { form, tier, index, count } = props;
  const path = `tiers.${index}` as const;
  const spend = form.values.tierBasis === 'spend';
  const n = index + 1;
  const move = (to: number) => form.reorderListItem('tiers', { from: index, to });
  const nameProps = form.getInputProps(`${path}.name`);
  return (
    <Table.Tr data-testid="tier-row" style={{ verticalAlign: 'top' }}>
      <Table.Td>
        <Group gap={2} wrap="nowrap">
          <Tooltip label={t('loyalty.program.moveUp')}>
            <ActionIcon variant="subtle" disabled={index === 0} onClick={() => move(index - 1)} aria-label={t('loyalty.program.moveTierUp', { n })}>
              <IconArrowUp size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('loyalty.program.moveDown')}>
            <ActionIcon variant="subtle" disabled={index === count - 1} onClick={() => move(index + 1)} aria-label={t('loyalty.program.moveTierDown', { n })}>
              <IconArrowDown size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t('loyalty.program.tierField', { n, field: t('loyalty.program.rowName') })}
          data-testid={`tier-${index}-name`}
          {...nameProps}
          onChange={(event) => {
            const name = event.currentTarget.value;
            // The id follows the name until someone types an id of their own.
            if (tier.id === '' || tier.id === slugify(tier.name)) form.setFieldValue(`${path}.id`, slugify(name));
            nameProps.onChange(event);
          }}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t('loyalty.program.tierField', { n, field: t('loyalty.program.rowId') })}
          data-testid={`tier-${index}-id`}
          ff="monospace"
          {...form.getInputProps(`${path}.id`)}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={t('loyalty.program.tierField', { n, field: t('loyalty.program.threshold') })}
          data-testid={`tier-${index}-threshold`}
          min={0}
          allowNegative={false}
          decimalScale={spend ? minorUnitDigits(props.currency) : 0}
          allowDecimal={spend}
          thousandSeparator
          hideControls
          {...form.getInputProps(`${path}.threshold`)}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={t('loyalty.program.tierField', { n, field: t('loyalty.program.multiplier') })}
          data-testid={`tier-${index}-multiplier`}
          min={1}
          max={10}
          step={0.25}
          decimalScale={2}
          allowNegative={false}
          suffix="×"
          hideControls
          {...form.getInputProps(`${path}.multiplier`)}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t('loyalty.program.tierField', { n, field: t('loyalty.program.benefits') })}
          placeholder={t('loyalty.program.benefitsPlaceholder')}
          {...form.getInputProps(`${path}.benefits`)}
        />
      </Table.Td>
      <Table.Td>
        <Tooltip label={t('loyalty.program.remove')}>
          <ActionIcon variant="subtle" color="red" onClick={() => form.removeListItem('tiers', index)} aria-label={t('loyalty.program.removeTier', { n })}>
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      </Table.Td>
    </Table.Tr>
  );
}
