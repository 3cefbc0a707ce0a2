import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { isActiveStaff } from '../audit/log';

/** Every service-desk change names who made it: an unknown or inactive staff id is refused. */
export function requireActiveStaff(sqlite: Sqlite, staffId: number, what = 'making this change'): void {
  if (!isActiveStaff(sqlite, staffId)) {
    throw new AppError('VALIDATION', `There is no active staff member with id ${staffId}; choose who is ${what}.`);
  }
}

/** An assignee must be someone who can still work tickets. */
export function requireAssignable(sqlite: Sqlite, assigneeId: number): void {
  if (!isActiveStaff(sqlite, assigneeId)) {
    throw new AppError('VALIDATION', `Tickets can only be assigned to an active staff member; id ${assigneeId} is not one.`);
  }
}
