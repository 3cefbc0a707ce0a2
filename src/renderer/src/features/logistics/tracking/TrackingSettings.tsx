import { Alert, Button, Group, NumberInput, PasswordInput, SimpleGrid, Skeleton, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { trackingProviderUpdateInput, type TrackingProviderState } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { refusalSentence } from '../../../components/fieldIssues';
import { QueryError } from '../../../components/QueryError';
import { SettingsSection } from '../../../components/SettingsSection';
import { useI18n } from '../../../i18n';
import { useTrackingProvider, useUpdateTrackingProvider } from '../api';
import { RefreshNow } from './RefreshNow';

interface Draft {
  apiKey: string;
  baseUrl: string;
  enabled: boolean;
  intervalMinutes: number;
}

const draftOf = (state: TrackingProviderState): Draft => ({
  apiKey: '',
  baseUrl: state.baseUrl ?? '',
  enabled: state.enabled,
  intervalMinutes: state.intervalMinutes,
});

/** The AfterShip connection: key (kept in the vault, never shown back), on/off, how often, and "refresh now". */
export function TrackingSettings() {
  const tracking = useTrackingProvider();
  if (tracking.isPending) return <Skeleton height={320} data-testid="tracking-loading" />;
  if (tracking.isError) return <QueryError error={tracking.error} onRetry={() => void tracking.refetch()} />;
  return (
    <Stack gap="lg" data-testid="tracking-settings">
      <TrackingForm state={tracking.data} />
      <RefreshNow state={tracking.data} />
    </Stack>
  );
}

function TrackingForm({ state }: { state: TrackingProviderState }) {
  const { t } = useI18n();
  const staff = useActingStaff();
  const update = useUpdateTrackingProvider();
  const [draft, setDraft] = useState<Draft>(() => draftOf(state));
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  useEffect(() => setDraft(draftOf(state)), [state]);

  const save = () => {
    if (!staff) return;
    const next: Partial<Record<keyof Draft, string>> = {};
    if (draft.enabled && !state.hasKey && draft.apiKey.trim() === '') next.apiKey = t('logistics.tracking.keyRequired');
    const input = {
      provider: 'aftership' as const,
      enabled: draft.enabled,
      intervalMinutes: draft.intervalMinutes,
      staffId: staff.id,
      ...(draft.apiKey.trim() && { apiKey: draft.apiKey.trim() }),
      ...(draft.baseUrl.trim() && { baseUrl: draft.baseUrl.trim() }),
    };
    const parsed = trackingProviderUpdateInput.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]) as keyof Draft;
        next[field] ??= field === 'baseUrl' ? t('logistics.tracking.badUrl') : field === 'intervalMinutes'
          ? t('logistics.tracking.badInterval') : t('logistics.tracking.badKey');
      }
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    update.mutate(input, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('logistics.tracking.saved') }),
    });
  };

  return (
    <SettingsSection
      title={t('logistics.tracking.title')}
      description={t('logistics.tracking.description')}
      testId="tracking-form"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Stack gap="md" maw={640}>
          <Switch
            label={t('logistics.tracking.enabled')}
            description={t('logistics.tracking.enabledHint')}
            checked={draft.enabled}
            onChange={(event) => setDraft({ ...draft, enabled: event.currentTarget.checked })}
            data-testid="tracking-enabled"
          />
          <PasswordInput
            label={t('logistics.tracking.apiKey')}
            description={t(state.hasKey ? 'logistics.tracking.apiKeySaved' : 'logistics.tracking.apiKeyHint')}
            placeholder={state.hasKey ? '••••••••••••' : t('logistics.tracking.apiKeyPlaceholder')}
            value={draft.apiKey}
            autoComplete="off"
            maxLength={200}
            error={errors.apiKey}
            onChange={(event) => setDraft({ ...draft, apiKey: event.currentTarget.value })}
            data-testid="tracking-api-key"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('logistics.tracking.interval')}
              description={t('logistics.tracking.intervalHint')}
              min={0}
              max={1440}
              allowDecimal={false}
              value={draft.intervalMinutes}
              error={errors.intervalMinutes}
              onChange={(value) => setDraft({ ...draft, intervalMinutes: typeof value === 'number' ? value : 0 })}
              data-testid="tracking-interval"
            />
            <TextInput
              label={t('logistics.tracking.baseUrl')}
              description={t('logistics.tracking.baseUrlHint')}
              placeholder="https://api.aftership.com/tracking/2025-04"
              value={draft.baseUrl}
              maxLength={300}
              error={errors.baseUrl}
              onChange={(event) => setDraft({ ...draft, baseUrl: event.currentTarget.value })}
              data-testid="tracking-base-url"
            />
          </SimpleGrid>
          {!staff && <Alert color="yellow" variant="light">{t('logistics.tracking.noStaff')}</Alert>}
          {update.isError && (
            // The core tests a new key before keeping it: its refusal stays on screen until the next save.
            <Alert color="red" variant="light" title={t('logistics.tracking.saveFailed')} data-testid="tracking-save-error">
              {refusalSentence(t, update.error)}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={update.isPending} disabled={!staff} data-testid="tracking-save">
              {t('logistics.tracking.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsSection>
  );
}
