import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconRestore } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import type { LoyaltySettings } from '../../../../../shared/contract';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useLoyaltySettings, useSaveLoyaltySettings } from '../api';
import { useStoreCurrency } from '../currency';
import { refusalSentence, serverIssues } from '../issues';
import { BonusSection } from './BonusSection';
import { CampaignsSection } from './CampaignsSection';
import { EarningSection } from './EarningSection';
import { formToSettings, programErrors, settingsToForm, validateProgram, type ProgramFormValues } from './programForm';
import { TiersSection } from './TiersSection';

export type ProgramForm = UseFormReturnType<ProgramFormValues>;

/**
 * The loyalty program, edited as one form and saved as one whole: the
 * contract's schema checks it here and again in the core, and a refused save
 * changes nothing. Each refused field shows its own sentence.
 */
export function ProgramEditor() {
  const settings = useLoyaltySettings();
  if (settings.isPending) return <Skeleton height={480} radius="md" data-testid="program-loading" />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  return <ProgramForm saved={settings.data} />;
}

function ProgramForm({ saved }: { saved: LoyaltySettings }) {
  const { t } = useI18n();
  const currency = useStoreCurrency();
  const save = useSaveLoyaltySettings();
  const form = useForm<ProgramFormValues>({
    initialValues: settingsToForm(saved, currency),
    validate: (values) => validateProgram(values, currency, t),
  });

  // A change saved elsewhere (another window, the HTTP API) replaces the form only while nothing is being edited.
  const lastSaved = useRef(saved);
  useEffect(() => {
    if (saved === lastSaved.current) return;
    lastSaved.current = saved;
    if (!form.isDirty()) replaceValues(form, settingsToForm(saved, currency));
  }, [saved, currency, form]);

  const submit = form.onSubmit(
    (values) =>
      save.mutate(formToSettings(values, currency), {
        onSuccess: (result) => {
          lastSaved.current = result;
          replaceValues(form, settingsToForm(result, currency));
          notifications.show({ color: 'teal', message: t('loyalty.program.saved') });
        },
        onError: (error) => form.setErrors(programErrors(t, serverIssues(error))),
      }),
    () => save.reset(),
  );

  const dirty = form.isDirty();
  const errorCount = Object.keys(form.errors).length;
  return (
    <form onSubmit={submit} noValidate data-testid="program-form" data-dirty={dirty}>
      <Stack gap="lg">
        <Paper
          withBorder
          p="sm"
          radius="md"
          pos="sticky"
          top={64}
          style={{ zIndex: 5 }}
          bg="var(--mantine-color-body)"
          data-testid="program-savebar"
        >
          <Group justify="space-between" gap="sm">
            <Group gap="sm">
              {dirty ? (
                <Badge color="orange" variant="light" data-testid="program-unsaved">
                  {t('loyalty.program.unsaved')}
                </Badge>
              ) : (
                <Text size="sm" c="dimmed">{t('loyalty.program.allSaved')}</Text>
              )}
              {errorCount > 0 && (
                <Text size="sm" c="red" data-testid="program-error-count">
                  {t('loyalty.program.fixErrors', { count: errorCount })}
                </Text>
              )}
            </Group>
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconRestore size={16} />}
                disabled={!dirty || save.isPending}
                onClick={() => {
                  form.reset();
                  save.reset();
                }}
                data-testid="program-reset"
              >
                {t('loyalty.program.reset')}
              </Button>
              <Button
                type="submit"
                leftSection={<IconDeviceFloppy size={16} />}
                disabled={!dirty}
                loading={save.isPending}
                data-testid="program-save"
              >
                {t('loyalty.save')}
              </Button>
            </Group>
          </Group>
        </Paper>
        {save.isError && (
          <Alert color="red" variant="light" title={t('loyalty.program.notSaved')} data-testid="program-save-error">
            {refusalSentence(t, save.error)}
          </Alert>
        )}
        <EarningSection form={form} currency={currency} />
        <BonusSection form={form} />
        <TiersSection form={form} currency={currency} />
        <CampaignsSection form={form} />
      </Stack>
    </form>
  );
}

/** New saved values: they become both what is shown and what "Reset" and "unsaved" compare with. */
function replaceValues(form: ProgramForm, values: ProgramFormValues): void {
  form.setInitialValues(values);
  form.setValues(values);
  form.resetDirty(values);
  form.clearErrors();
}
