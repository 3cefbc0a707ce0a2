import { ActionIcon, Button, NumberInput, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar, IconPlus, IconTrash } from '@tabler/icons-react';
import { MAX_CAMPAIGNS, RFM_SEGMENTS } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import type { ProgramForm } from './ProgramEditor';
import { rowKey, type CampaignRow } from './programForm';
import { SettingsSection } from '../../../components/SettingsSection';

const ALL_CUSTOMERS = 'all';
const todayUtc = () => new Date().toISOString().slice(0, 10);

/** Point multipliers for a date range, for everyone or one segment; an order gets the best one. */
export function CampaignsSection({ form }: { form: ProgramForm }) {
  const { t } = useI18n();
  const { campaigns } = form.values;
  const add = () =>
    form.insertListItem('campaigns', {
      key: rowKey(),
      // Campaigns are named by people; the id only has to be unique and stable.
      id: `campaign-${Date.now().toString(36)}`,
      name: '',
      multiplier: 2,
      startsOn: todayUtc(),
      endsOn: todayUtc(),
      segment: null,
    } satisfies CampaignRow);
  return (
    <SettingsSection
      title={t('loyalty.program.campaignsTitle')}
      description={t('loyalty.program.campaignsHint')}
      testId="program-campaigns"
      actions={
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={add} disabled={campaigns.length >= MAX_CAMPAIGNS} data-testid="campaign-add">
          {t('loyalty.program.addCampaign')}
        </Button>
      }
    >
      <Stack gap="sm">
        {typeof form.errors.campaigns === 'string' && <Text c="red" size="sm">{form.errors.campaigns}</Text>}
        {campaigns.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="campaigns-empty">
            {t('loyalty.program.noCampaigns')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing={6} withRowBorders={false}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('loyalty.program.rowName')}</Table.Th>
                  <Table.Th w={110}>{t('loyalty.program.multiplier')}</Table.Th>
                  <Table.Th w={280}>{t('loyalty.program.dates')}</Table.Th>
                  <Table.Th w={200}>{t('loyalty.program.segment')}</Table.Th>
                  <Table.Th w={44} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {campaigns.map((campaign, index) => (
                  <CampaignRowInputs key={campaign.key} form={form} campaign={campaign} index={index} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </SettingsSection>
  );
}

function CampaignRowInputs({ form, campaign, index }: { form: ProgramForm; campaign: CampaignRow; index: number }) {
  const { t } = useI18n();
  const path = `campaigns.${index}` as const;
  const n = index + 1;
  const field = (name: string) => t('loyalty.program.campaignField', { n, field: name });
  const dateError = form.errors[`${path}.startsOn`] ?? form.errors[`${path}.endsOn`];
  return (
    <Table.Tr data-testid="campaign-row" style={{ verticalAlign: 'top' }}>
      <Table.Td>
        <TextInput
          aria-label={field(t('loyalty.program.rowName'))}
          placeholder={t('loyalty.program.campaignPlaceholder')}
          {...form.getInputProps(`${path}.name`)}
          error={form.errors[`${path}.name`] ?? form.errors[`${path}.id`]}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={field(t('loyalty.program.multiplier'))}
          min={1}
          max={10}
          step={0.5}
          decimalScale={2}
          allowNegative={false}
          suffix="×"
          hideControls
          {...form.getInputProps(`${path}.multiplier`)}
        />
      </Table.Td>
      <Table.Td>
        <DatePickerInput
          type="range"
          aria-label={field(t('loyalty.program.dates'))}
          leftSection={<IconCalendar size={16} />}
          allowSingleDateInRange
          valueFormat="ll"
          value={[campaign.startsOn, campaign.endsOn]}
          onChange={([from, to]) => {
            form.setFieldValue(`${path}.startsOn`, from);
            form.setFieldValue(`${path}.endsOn`, to);
          }}
          error={dateError}
        />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={field(t('loyalty.program.segment'))}
          allowDeselect={false}
          value={campaign.segment ?? ALL_CUSTOMERS}
          onChange={(value) => form.setFieldValue(`${path}.segment`, value === ALL_CUSTOMERS || !value ? null : (value as CampaignRow['segment']))}
          data={[
            { value: ALL_CUSTOMERS, label: t('loyalty.program.allCustomers') },
            ...RFM_SEGMENTS.map((s) => ({ value: s, label: t(`loyalty.segment.${s}`) })),
          ]}
          error={form.errors[`${path}.segment`]}
        />
      </Table.Td>
      <Table.Td>
        <Tooltip label={t('loyalty.program.remove')}>
          <ActionIcon variant="subtle" color="red" onClick={() => form.removeListItem('campaigns', index)} aria-label={t('loyalty.program.removeCampaign', { n })}>
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      </Table.Td>
    </Table.Tr>
  );
}
