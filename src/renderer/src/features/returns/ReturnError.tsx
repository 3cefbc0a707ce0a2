import { Alert, Text } from '@mantine/core';
import { ApiError, errorCodeOf } from '../../api';
import { useT } from '../../i18n';

/** Codes whose message the core writes as a specific sentence for the merchant. */
const SPECIFIC = new Set(['VALIDATION', 'CONFLICT', 'NOT_FOUND']);

/** Why a change was refused: the core's own sentence when it explains this case, else the translated one for the code. */
export function ReturnError({ title, error, testId, extra }: { title: string; error: unknown; testId: string; extra?: string }) {
  const t = useT();
  const code = errorCodeOf(error);
  const specific = error instanceof ApiError && SPECIFIC.has(code) ? error.message : null;
  return (
    <Alert color="red" variant="light" title={title} role="alert" data-testid={testId} data-code={code}>
      <Text size="sm">{specific ? t('returns.serverSaid', { message: specific }) : t(`error.${code}`)}</Text>
      {extra && <Text size="sm" mt={4}>{extra}</Text>}
    </Alert>
  );
}
