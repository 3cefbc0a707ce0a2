import { ApiError } from '../../api';
import type { Translate } from '../../i18n';

/**
 * The sentence to show for a failed write: the core's own sentence when it
 * sent one (it names what was wrong, e.g. "Customer 12 was already merged"),
 * else the translated sentence for the error's code. Never a stack or JSON.
 */
export function writeErrorSentence(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    return ['VALIDATION', 'CONFLICT', 'NOT_FOUND'].includes(error.code) && error.message
      ? error.message
      : t(`error.${error.code}`);
  }
  return t('error.INTERNAL');
}
