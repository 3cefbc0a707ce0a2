import { Alert, Text } from '@mantine/core';
import { ApiError, errorCodeOf } from '../../../api';
import { useT } from '../../../i18n';

/** Codes whose message the core writes as a specific sentence for the merchant ("… is more than the 12.00 USD still refundable"). */
const SPECIFIC = new Set(['VALIDATION', 'CONFLICT', 'NOT_FOUND']);

/**
 * Why a change was refused: the translated sentence for the code, plus the
 * core's own sentence when it explains this case (never a stack or JSON).
 */
export function ActionError({ title, error, testId }: { title: string; error: unknown; testId: string }) {
  const t = useT();
  const code = errorCodeOf(error);
  const specific = error instanceof ApiError && SPECIFIC.has(code) ? error.message : null;
  return (
    <Alert color="red" variant="light" title={title} role="alert" data-testid={testId} data-code={code}>
      <Text size="sm">{specific ? t('orders.refund.serverSaid', { message: specific }) : t(`error.${code}`)}</Text>
    </Alert>
  );
}
