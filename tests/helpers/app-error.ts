import { AppError } from '../../src/shared/errors';

/** The AppError a call throws (code and sentence); any other outcome fails the test. */
export function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to throw an AppError');
}
