import { Alert, Button, Grid, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { CampaignStatus } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { navigate } from '../../../app/router';
import { useT } from '../../../i18n';
import { useSaveCampaign } from '../api';
import { issueAt, refusalSentence, serverIssues, type FieldIssue } from '../issues';
import { campaignsPath } from '../routes';
import { AudiencePicker } from './AudiencePicker';
import { AudiencePreviewPanel } from './AudiencePreviewPanel';
import { formToInput, validateCampaign, type CampaignFormValues } from './campaignForm';
import { DetailsSection } from './DetailsSection';
import { MechanicsEditor } from './MechanicsEditor';

export type SetField = <K extends keyof CampaignFormValues>(field: K, value: CampaignFormValues[K]) => void;

/**
 * The draft editor. The contract's schema checks the form before anything is
 * sent (and again after every change once a save was tried), so each field
 * shows its own sentence; the core's refusals land on the same fields.
 */
export function CampaignEditor({ initial, editing }: {
  initial: CampaignFormValues;
  editing: { id: number; version: number; status: CampaignStatus } | null;
}) {
  const t = useT();
  const staff = useActingStaff();
  const save = useSaveCampaign();
  const [values, setValues] = useState(initial);
  const [tried, setTried] = useState(false);
  const [serverFound, setServerFound] = useState<FieldIssue[]>([]);
  const localIssues = tried && staff ? validateCampaign(values, staff.id) : [];
  const issues = [...localIssues, ...serverFound];
  const setField: SetField = (field, value) => {
    setValues((v) => ({ ...v, [field]: value }));
    setServerFound([]);
  };
  const err = (path: string, labelKey: Parameters<typeof t>[0]) => issueAt(t, issues, path, t(labelKey));

  if (editing && editing.status !== 'draft') {
    return <Alert color="yellow" data-testid="campaign-not-draft">{t('campaigns.editor.notDraft')}</Alert>;
  }

  const submit = () => {
    setTried(true);
    if (!staff) return;
    if (validateCampaign(values, staff.id).length > 0) return;
    const input = formToInput(values, staff.id);
    save.mutate(editing ? { update: { ...input, id: editing.id, version: editing.version } } : { create: input }, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: t('campaigns.editor.saved', { name: saved.name }) });
        navigate(campaignsPath({ view: 'detail', id: saved.id, tab: 'report' }));
      },
      onError: (error) => setServerFound(serverIssues(error)),
    });
  };

  return (
    <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate data-testid="campaign-editor">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <DetailsSection values={values} setField={setField} err={err} />
            <Paper withBorder radius="md" p="md">
              <Title order={2} fz="md" mb="sm">{t('campaigns.editor.audience')}</Title>
              <Stack gap="md">
                <AudiencePicker values={values} setField={setField} error={err('audience', 'campaigns.field.audience')} />
                <NumberInput
                  label={t('campaigns.field.holdout')}
                  description={t('campaigns.field.holdoutHint')}
                  min={0}
                  max={50}
                  // Not clamped: a share over 50 % gets the contract's sentence instead of changing silently.
                  clampBehavior="none"
                  decimalScale={1}
                  allowNegative={false}
                  rightSection="%"
                  maw={360}
                  value={values.holdoutPercent}
                  onChange={(v) => setField('holdoutPercent', v)}
                  error={err('holdoutPercent', 'campaigns.field.holdout')}
                  data-testid="campaign-holdout"
                />
              </Stack>
            </Paper>
            <MechanicsEditor values={values} setField={setField} issues={issues} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md" style={{ position: 'sticky', top: 16 }}>
            <AudiencePreviewPanel values={values} />
            {!staff && <Alert color="yellow">{t('campaigns.noStaff')}</Alert>}
            {save.isError && serverIssues(save.error).length === 0 && (
              <Alert color="red" variant="light" data-testid="campaign-save-error">{refusalSentence(t, save.error)}</Alert>
            )}
            {tried && issues.length > 0 && (
              <Text size="sm" c="red" role="alert" data-testid="campaign-issues-summary">{t('campaigns.editor.fixIssues', { count: issues.length })}</Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => navigate(editing ? campaignsPath({ view: 'detail', id: editing.id, tab: 'report' }) : campaignsPath({ view: 'list' }))}>
                {t('campaigns.cancelEdit')}
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!staff} data-testid="campaign-save">
                {t('campaigns.editor.save')}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
    </form>
  );
}
