import { isErrorCode, type ErrorCode, type ErrorValue } from '../../../shared/errors';

/** An error value from the core, thrown on the renderer side so TanStack Query sees it. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(error: ErrorValue) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.details = error.details;
  }
}

/** The code to explain to the user: anything that is not an ApiError is INTERNAL. */
export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof ApiError ? error.code : 'INTERNAL';
}

/** Accepts only a well-formed error value; a malformed one becomes INTERNAL. */
export function toErrorValue(raw: unknown): ErrorValue {
  if (raw && typeof raw === 'object') {
    const { code, message, details } = raw as { code?: unknown; message?: unknown; details?: unknown };
    if (isErrorCode(code)) {
      // Details carry the field issues of a VALIDATION error and the figures of a refusal.
      const text = typeof message === 'string' ? message : code;
      return details === undefined ? { code, message: text } : { code, message: text, details };
    }
  }
  return { code: 'INTERNAL', message: 'Malformed error from the core' };
}
