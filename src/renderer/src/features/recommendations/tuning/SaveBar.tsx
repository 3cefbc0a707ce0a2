import { Alert, Badge, Button, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconRestore, IconRotate } from '@tabler/icons-react';
import { useState } from 'react';
import { useActingStaff } from '../../../app/actingStaff';
import { useI18n } from '../../../i18n';
import { useRecsConfig, useSaveRecsConfig } from '../api';
import { isConflict, refusalSentence, serverIssues } from '../issues';
import type { ConfigDraft } from './useConfigDraft';

/**
 * Save, reset to saved, reset to defaults. A save names the version it
 * started from: if someone saved in between, the core refuses (CONFLICT), the
 * sentence says so and the saved settings are loaded. A refused save changes
 * nothing.
 */
export function SaveBar({ draft }: { draft: ConfigDraft }) {
  const { t } = useI18n();
  const staff = useActingStaff();
  const save = useSaveRecsConfig();
  const config = useRecsConfig();
  const [refusal, setRefusal] = useState<string | null>(null);
  const problems = draft.issues.length;
  const atDefaults = JSON.stringify(draft.draft) === JSON.stringify(draft.saved.defaults);

  const submit = () => {
    setRefusal(null);
    if (problems > 0) {
      setRefusal(t('recs.save.fixFirst', { count: problems }));
      return;
    }
    save.mutate(
      { config: draft.draft, expectedVersion: draft.baseVersion, ...(staff && { staffId: staff.id }) },
      {
        onSuccess: (saved) => {
          draft.adopt(saved);
          notifications.show({ color: 'teal', message: t('recs.save.saved') });
        },
        onError: (error) => {
          // A conflict is answered here, in the merchant's language: the newer settings are loaded at once.
          setRefusal(isConflict(error) ? t('recs.save.conflict') : refusalSentence(t, error));
          if (isConflict(error)) {
            void config.refetch().then((fresh) => fresh.data && draft.adopt(fresh.data));
          } else {
            draft.setServerIssues(serverIssues(error));
          }
        },
      },
    );
  };

  return (
    <>
      <Paper withBorder p="sm" radius="md" pos="sticky" top={64} style={{ zIndex: 5 }} bg="var(--mantine-color-body)" data-testid="recs-savebar">
        <Group justify="space-between" gap="sm">
          <Group gap="sm">
            {draft.dirty ? (
              <Badge color="orange" variant="light" data-testid="recs-unsaved">{t('recs.save.unsaved')}</Badge>
            ) : (
              <Text size="sm" c="dimmed" data-testid="recs-all-saved">{t('recs.save.allSaved')}</Text>
            )}
            {draft.savedElsewhere && (
              <Text size="sm" c="orange" data-testid="recs-saved-elsewhere">{t('recs.save.savedElsewhere')}</Text>
            )}
            {problems > 0 && <Text size="sm" c="red" data-testid="recs-problem-count">{t('recs.save.problems', { count: problems })}</Text>}
          </Group>
          <Group gap="xs">
            <Button variant="subtle" size="sm" leftSection={<IconRotate size={16} />} disabled={atDefaults || save.isPending} onClick={() => { setRefusal(null); draft.resetToDefaults(); }} data-testid="recs-reset-defaults">
              {t('recs.save.resetDefaults')}
            </Button>
            <Button variant="default" size="sm" leftSection={<IconRestore size={16} />} disabled={!draft.dirty || save.isPending} onClick={() => { setRefusal(null); draft.resetToSaved(); }} data-testid="recs-reset">
              {t('recs.save.reset')}
            </Button>
            <Button size="sm" leftSection={<IconDeviceFloppy size={16} />} disabled={!draft.dirty} loading={save.isPending} onClick={submit} data-testid="recs-save">
              {t('recs.save.save')}
            </Button>
          </Group>
        </Group>
      </Paper>
      {refusal && (
        <Alert color="red" variant="light" title={t('recs.save.notSaved')} data-testid="recs-save-error" withCloseButton onClose={() => setRefusal(null)}>
          {refusal}
        </Alert>
      )}
    </>
  );
}
