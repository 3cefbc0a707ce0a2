import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { isActiveStaff } from '../audit/log';

/** Every community write names the staff member making it (the audit log's "who"). */
export function requireStaff(sqlite: Sqlite, staffId: number): void {
  if (!isActiveStaff(sqlite, staffId)) {
    throw new AppError('VALIDATION', `There is no active staff member with id ${staffId} to record this change.`);
  }
}
