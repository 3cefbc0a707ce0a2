import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { isConflict, refusalSentence } from '../../components/fieldIssues';
import { useT } from '../../i18n';

/**
 * Why a save was refused, as the core's sentence (or the translated one for
 * its code); after a version conflict the saved copy is one click away.
 */
export function RefusalAlert({ error, onReload, testId }: { error: unknown; onReload?: () => void; testId: string }) {
  const t = useT();
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('community.notSaved')} data-testid={testId} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{refusalSentence(t, error)}</Text>
        {isConflict(error) && onReload && (
          <Button size="xs" variant="white" color="red" onClick={onReload} data-testid={`${testId}-reload`}>
            {t('community.loadSaved')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
