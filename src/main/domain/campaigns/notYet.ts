import { AppError } from '../../../shared/errors';

/** Scaffold only: replaced by the real handlers during issue 8. */
export function notYet(name: string): never {
  throw new AppError('INTERNAL', `${name} is not built yet.`);
}
