import { Alert, Button, Checkbox, Group, NumberInput, Skeleton, Stack, Text } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { SlaPolicy } from '../../../../../../shared/contract';
import { useActingStaff } from '../../../../app/actingStaff';
import { QueryError } from '../../../../components/QueryError';
import { useI18n } from '../../../../i18n';
import { useSaveSlaPolicy, useSlaPolicy } from '../api';
import { isConflict, refusalSentence, serverIssues } from '../issues';
import { SaveBar } from '../SaveBar';
import { SettingsSection } from '../../../../components/SettingsSection';
import { BusinessHoursSection } from './BusinessHoursSection';
import { ChannelTargetsSection } from './ChannelTargetsSection';
import { PAUSE_STATUSES, formToPolicy, policyToForm, slaErrors, validateSla, type SlaFormValues } from './slaForm';
import { TargetsTable } from './TargetsTable';

export type SlaForm = UseFormReturnType<SlaFormValues>;

/**
 * The SLA policy, edited as one form and saved as one whole with the version
 * it was read at: the contract's schema checks it here and again in the core,
 * a refused or stale save changes nothing, and a saved one re-times every
 * open ticket (the core does that in the same transaction).
 */
export function SlaPolicyEditor() {
  const policy = useSlaPolicy();
  if (policy.isPending) return <Skeleton height={520} radius="md" data-testid="sla-loading" />;
  if (policy.isError) return <QueryError error={policy.error} onRetry={() => void policy.refetch()} />;
  return <SlaPolicyForm saved={policy.data} reload={async () => (await policy.refetch()).data} />;
}

function SlaPolicyForm({ saved, reload }: { saved: SlaPolicy; reload: () => Promise<SlaPolicy | undefined> }) {
  const { t, locale } = useI18n();
  const acting = useActingStaff();
  const save = useSaveSlaPolicy();
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const version = useRef(saved.version);
  const form = useForm<SlaFormValues>({
    initialValues: policyToForm(saved),
    validate: (values) => validateSla(values, t),
  });

  // A policy saved elsewhere replaces the form only while nothing is being edited.
  const lastSaved = useRef(saved);
  useEffect(() => {
    if (saved === lastSaved.current) return;
    lastSaved.current = saved;
    if (!form.isDirty()) replaceValues(form, saved, version);
  }, [saved, form]);

  const submit = form.onSubmit(
    (values) => {
      if (!acting) return;
      setSavedAt(null);
      save.mutate(
        { staffId: acting.id, expectedVersion: version.current, policy: formToPolicy(values) },
        {
          onSuccess: (result) => {
            lastSaved.current = result;
            replaceValues(form, result, version);
            setSavedAt(result.updatedAt ?? new Date().toISOString());
          },
          onError: (error) => form.setErrors(slaErrors(t, values, serverIssues(error))),
        },
      );
    },
    () => save.reset(),
  );

  const loadSaved = async () => {
    const fresh = await reload();
    if (fresh) replaceValues(form, fresh, version);
    save.reset();
  };

  return (
    <form onSubmit={submit} noValidate data-testid="sla-form" data-version={saved.version}>
      <Stack gap="lg">
        <SaveBar
          dirty={form.isDirty()}
          errorCount={Object.keys(form.errors).length}
          saving={save.isPending}
          canSave={acting !== null}
          onReset={() => {
            form.reset();
            save.reset();
          }}
          testId="sla"
        />
        {savedAt && !form.isDirty() && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} data-testid="sla-saved">
            {t('service.admin.sla.savedRetimed', { time: new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(savedAt)) })}
          </Alert>
        )}
        {save.isError && (
          <Alert color="red" variant="light" title={t('service.admin.notSaved')} data-testid="sla-save-error">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{refusalSentence(t, save.error)}</Text>
              {isConflict(save.error) && (
                <Button size="xs" variant="white" color="red" onClick={() => void loadSaved()} data-testid="sla-reload">
                  {t('service.admin.loadSaved')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        <SettingsSection title={t('service.admin.sla.targetsTitle')} description={t('service.admin.sla.targetsHint')} testId="sla-targets-section">
          <TargetsTable form={form} base="targets" targets={form.values.targets} testId="sla-target" />
        </SettingsSection>
        <ChannelTargetsSection form={form} />
        <BusinessHoursSection form={form} />
        <ClockSection form={form} />
      </Stack>
    </form>
  );
}

/** What stops the clock and when a deadline turns amber. */
function ClockSection({ form }: { form: SlaForm }) {
  const { t } = useI18n();
  return (
    <SettingsSection title={t('service.admin.sla.clockTitle')} description={t('service.admin.sla.clockHint')} testId="sla-clock">
      <Group align="flex-start" gap="xl" wrap="wrap">
        <Checkbox.Group
          label={t('service.admin.sla.pauseStatuses')}
          description={t('service.admin.sla.pauseStatusesHint')}
          data-testid="sla-pause"
          {...form.getInputProps('pauseStatuses')}
        >
          <Stack gap={6} mt="xs">
            {PAUSE_STATUSES.map((status) => (
              <Checkbox key={status} value={status} label={t(`service.admin.status.${status}`)} data-testid={`sla-pause-${status}`} />
            ))}
          </Stack>
        </Checkbox.Group>
        <NumberInput
          label={t('service.admin.sla.warningMinutes')}
          description={t('service.admin.sla.warningMinutesHint')}
          w={280}
          min={1}
          allowNegative={false}
          allowDecimal={false}
          suffix={` ${t('service.admin.duration.min')}`}
          data-testid="sla-warning"
          {...form.getInputProps('warningMinutes')}
        />
      </Group>
    </SettingsSection>
  );
}

/** New saved values: they become what is shown, what "Reset" returns to, and the version the next save expects. */
function replaceValues(form: SlaForm, policy: SlaPolicy, version: { current: number }): void {
  const values = policyToForm(policy);
  version.current = policy.version;
  form.setInitialValues(values);
  form.setValues(values);
  form.resetDirty(values);
  form.clearErrors();
}
