import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { errorCodeOf } from '../api';
import { useT } from '../i18n';

/**
 * The error state of a data view: the translated sentence for the error's code
 * (never the raw message, a stack or JSON) and a way to try again.
 */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  const code = errorCodeOf(error);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={20} />}
      title={t('state.errorTitle')}
      data-testid="query-error"
      data-code={code}
    >
      <Group justify="space-between" align="center" gap="sm" wrap="wrap">
        <Text size="sm">{t(`error.${code}`)}</Text>
        <Button size="xs" variant="white" color="red" onClick={onRetry}>
          {t('state.retry')}
        </Button>
      </Group>
    </Alert>
  );
}
