import { Paper, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { CAMPAIGN_GOALS, type CampaignGoal } from '../../../../../shared/contract';
import { useT, type MessageKey } from '../../../i18n';
import { useAppInfo } from '../../settings/api';
import { GOAL_LABEL } from '../labels';
import type { CampaignFormValues } from './campaignForm';
import type { SetField } from './CampaignEditor';

const ALL_STORES = 'all';

/** Name, goal, store and window: what the campaign is and when it runs. */
export function DetailsSection({ values, setField, err }: {
  values: CampaignFormValues;
  setField: SetField;
  err: (path: string, label: MessageKey) => string | undefined;
}) {
  const t = useT();
  const stores = useAppInfo().data?.stores ?? [];
  const windowError = err('startsAt', 'campaigns.field.window') ?? err('endsAt', 'campaigns.field.window');
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="md" mb="sm">{t('campaigns.editor.details')}</Title>
      <Stack gap="md">
        <TextInput
          label={t('campaigns.field.name')}
          withAsterisk
          data-autofocus
          value={values.name}
          onChange={(e) => setField('name', e.currentTarget.value)}
          error={err('name', 'campaigns.field.name')}
          data-testid="campaign-name"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('campaigns.field.goal')}
            allowDeselect={false}
            data={CAMPAIGN_GOALS.map((g) => ({ value: g, label: t(GOAL_LABEL[g]) }))}
            value={values.goal}
            onChange={(v) => v && setField('goal', v as CampaignGoal)}
            error={err('goal', 'campaigns.field.goal')}
            data-testid="campaign-goal"
          />
          <Select
            label={t('campaigns.field.store')}
            description={t('campaigns.field.storeHint')}
            allowDeselect={false}
            data={[{ value: ALL_STORES, label: t('campaigns.field.allStores') }, ...stores.map((s) => ({ value: String(s.id), label: s.name }))]}
            value={values.storeId === null ? ALL_STORES : String(values.storeId)}
            onChange={(v) => setField('storeId', !v || v === ALL_STORES ? null : Number(v))}
            error={err('storeId', 'campaigns.field.store')}
            data-testid="campaign-store"
          />
        </SimpleGrid>
        <DatePickerInput
          type="range"
          label={t('campaigns.field.window')}
          description={t('campaigns.field.windowHint')}
          leftSection={<IconCalendar size={16} />}
          allowSingleDateInRange
          valueFormat="ll"
          value={[values.firstDay, values.lastDay]}
          onChange={([from, to]) => {
            setField('firstDay', from);
            setField('lastDay', to);
          }}
          error={windowError}
          maw={360}
          data-testid="campaign-window"
        />
        <Textarea
          label={t('campaigns.field.note')}
          autosize
          minRows={2}
          maxRows={6}
          value={values.note}
          onChange={(e) => setField('note', e.currentTarget.value)}
          error={err('note', 'campaigns.field.note')}
        />
      </Stack>
    </Paper>
  );
}
