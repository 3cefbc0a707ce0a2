import { Alert, Button, FileButton, Group, MultiSelect, Progress, SegmentedControl, Select, Stack, TagsInput, Text, Textarea } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { CUSTOMER_SEGMENTS, type CustomerSegment } from '../../../../../shared/contract';
import { readTextFile } from '../../../components/file/readTextFile';
import { useI18n, type MessageKey } from '../../../i18n';
import { SEGMENT_LABEL } from '../../customers/labels';
import { useCommunityGroups, useLoyaltyProgram } from '../api';
import { AUDIENCE_KINDS, listEntries, type AudienceKind, type CampaignFormValues } from './campaignForm';
import type { SetField } from './CampaignEditor';

const KIND_LABEL: Record<AudienceKind, MessageKey> = {
  segment: 'campaigns.audience.segment',
  tier: 'campaigns.audience.tier',
  tag: 'campaigns.audience.tag',
  group: 'campaigns.audience.group',
  list: 'campaigns.audience.list',
};

/** Who the campaign is for: one kind of audience at a time, each with its own picker. */
export function AudiencePicker({ values, setField, error }: { values: CampaignFormValues; setField: SetField; error?: string }) {
  const { t } = useI18n();
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('campaigns.field.audienceKind')}
        value={values.audienceKind}
        onChange={(v) => setField('audienceKind', v as AudienceKind)}
        data={AUDIENCE_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))}
        data-testid="audience-kind"
        fullWidth
      />
      {values.audienceKind === 'segment' && (
        <MultiSelect
          label={t('campaigns.audience.segments')}
          placeholder={values.segments.length ? undefined : t('campaigns.audience.segmentsPlaceholder')}
          data={CUSTOMER_SEGMENTS.map((s) => ({ value: s, label: t(SEGMENT_LABEL[s]) }))}
          value={values.segments}
          onChange={(v) => setField('segments', v as CustomerSegment[])}
          error={error}
          clearable
          data-testid="audience-segments"
        />
      )}
      {values.audienceKind === 'tier' && <TierPicker values={values} setField={setField} error={error} />}
      {values.audienceKind === 'tag' && (
        <TagsInput
          label={t('campaigns.audience.tags')}
          description={t('campaigns.audience.tagsHint')}
          value={values.tags}
          onChange={(v) => setField('tags', v)}
          error={error}
          clearable
          data-testid="audience-tags"
        />
      )}
      {values.audienceKind === 'group' && <GroupPicker values={values} setField={setField} error={error} />}
      {values.audienceKind === 'list' && <ListPicker values={values} setField={setField} error={error} />}
    </Stack>
  );
}

function TierPicker({ values, setField, error }: { values: CampaignFormValues; setField: SetField; error?: string }) {
  const { t } = useI18n();
  const program = useLoyaltyProgram();
  const tiers = program.data?.tiers ?? [];
  if (program.isSuccess && tiers.length === 0) {
    return <Alert color="yellow" data-testid="audience-no-tiers">{t('campaigns.audience.noTiers')}</Alert>;
  }
  return (
    <MultiSelect
      label={t('campaigns.audience.tiers')}
      data={tiers.map((tier) => ({ value: tier.id, label: tier.name }))}
      value={values.tierIds}
      onChange={(v) => setField('tierIds', v)}
      error={error ?? (program.isError ? t('campaigns.audience.tiersFailed') : undefined)}
      disabled={program.isPending}
      data-testid="audience-tiers"
    />
  );
}

function GroupPicker({ values, setField, error }: { values: CampaignFormValues; setField: SetField; error?: string }) {
  const { t, format } = useI18n();
  const groups = useCommunityGroups();
  if (groups.isError) {
    return <Alert color="yellow" data-testid="audience-groups-error">{t('campaigns.audience.groupsFailed')}</Alert>;
  }
  const list = groups.data?.groups ?? [];
  if (groups.isSuccess && list.length === 0) {
    return <Alert color="blue" data-testid="audience-no-groups">{t('campaigns.audience.noGroups')}</Alert>;
  }
  return (
    <Select
      label={t('campaigns.audience.groupLabel')}
      data={list.map((g) => ({ value: String(g.id), label: t('campaigns.audience.groupOption', { name: g.name, count: format.number(g.members) }) }))}
      value={values.groupId === null ? null : String(values.groupId)}
      onChange={(v) => setField('groupId', v === null ? null : Number(v))}
      error={error}
      disabled={groups.isPending}
      searchable
      data-testid="audience-group"
    />
  );
}

/** Paste the entries or read them from a .csv / .txt file: customer numbers, emails or phone numbers. */
function ListPicker({ values, setField, error }: { values: CampaignFormValues; setField: SetField; error?: string }) {
  const { t, format } = useI18n();
  const [reading, setReading] = useState<number | null>(null);
  const [readError, setReadError] = useState(false);
  const load = async (file: File | null) => {
    if (!file) return;
    setReadError(false);
    setReading(0);
    try {
      setField('listText', await readTextFile(file, setReading));
    } catch {
      setReadError(true);
    } finally {
      setReading(null);
    }
  };
  const count = listEntries(values.listText).length;
  return (
    <Stack gap="xs">
      <Textarea
        label={t('campaigns.audience.listLabel')}
        description={t('campaigns.audience.listHint')}
        autosize
        minRows={4}
        maxRows={10}
        value={values.listText}
        onChange={(e) => setField('listText', e.currentTarget.value)}
        error={error}
        data-testid="audience-list"
      />
      <Group justify="space-between">
        <FileButton onChange={(f) => void load(f)} accept=".csv,.txt,text/csv,text/plain">
          {(props) => <Button {...props} variant="default" size="xs" leftSection={<IconUpload size={14} />}>{t('campaigns.audience.listFile')}</Button>}
        </FileButton>
        <Text size="xs" c="dimmed" data-testid="audience-list-count">{t('campaigns.audience.listCount', { count: format.number(count) })}</Text>
      </Group>
      {reading !== null && <Progress value={reading * 100} size="sm" aria-label={t('campaigns.audience.listReading')} />}
      {readError && <Alert color="red" variant="light">{t('campaigns.audience.listReadFailed')}</Alert>}
    </Stack>
  );
}
