import type { z } from 'zod';
import { ApiError, errorCodeOf } from '../../../api';
import type { MessageKey, Translate } from '../../../i18n';

/**
 * Turns the contract's zod messages (English fragments such as "opening time
 * must be before closing time") and the core's VALIDATION answers into one
 * sentence per field in the UI language. The known messages are translated by
 * pattern; an unknown one is shown as it is rather than hidden.
 */
export interface FieldIssue {
  /** Dotted path as the schema names it: 'calendar.hours.3.end'. */
  path: string;
  message: string;
}

const PATTERNS: [RegExp, MessageKey][] = [
  [/^a target must be at least one minute/, 'service.admin.issue.targetMin'],
  [/^must be a time written HH:MM/, 'service.admin.issue.time'],
  [/^opening time must be before closing time/, 'service.admin.issue.closeBeforeOpen'],
  [/^open at least one day a week/, 'service.admin.issue.oneDay'],
  [/^must be a time zone/, 'service.admin.issue.timezone'],
  [/^must be a date written/, 'service.admin.issue.date'],
  [/^is required: choose who/, 'service.admin.issue.actingStaff'],
  [/^a macro needs a name/, 'service.admin.issue.macroName'],
  [/^a macro needs some text/, 'service.admin.issue.macroBody'],
  [/^an article needs a title/, 'service.admin.issue.articleTitle'],
  [/^an article needs some text/, 'service.admin.issue.articleBody'],
  [/^a staff member needs a name/, 'service.admin.issue.staffName'],
  [/^must be an email address/, 'service.admin.issue.email'],
  [/^a tag must not be empty/, 'service.admin.issue.tagEmpty'],
  [/^a tag must be at most (?<n>\d+) characters/, 'service.admin.issue.tooLong'],
  [/^Too big: expected string to have <=\s*(?<n>\d+)/, 'service.admin.issue.tooLong'],
  [/^Too small: expected string to have >=\s*1\b/, 'service.admin.issue.required'],
  [/^Too big: expected array to have <=\s*(?<n>\d+)/, 'service.admin.issue.tooMany'],
  [/^Too big: .*<=\s*(?<n>\d+)/, 'service.admin.issue.atMost'],
  [/^Too small: .*>=\s*(?<n>\d+)/, 'service.admin.issue.atLeast'],
  [/^Invalid input: expected int/, 'service.admin.issue.whole'],
  [/^Invalid (input|option)/, 'service.admin.issue.required'],
];

/** One sentence for one issue, translated when the message is a known one. */
export function issueSentence(t: Translate, message: string): string {
  for (const [pattern, key] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return t(key, { ...match.groups });
  }
  return `${message.charAt(0).toUpperCase()}${message.slice(1)}${/[.!?。]$/.test(message) ? '' : '.'}`;
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** The field issues of a VALIDATION answer from the core; empty for any other error. */
export function serverIssues(error: unknown): FieldIssue[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return [];
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (i): i is FieldIssue => typeof i === 'object' && i !== null && typeof i.path === 'string' && typeof i.message === 'string',
  );
}

/**
 * Form errors keyed by form path, one sentence each (the first issue of a
 * field is the one to fix first). `toFormPath` maps a schema path onto the
 * form's own field names; an issue it cannot place lands on `fallback`.
 */
export function formErrors(
  t: Translate,
  issues: FieldIssue[],
  toFormPath: (path: string) => string = (path) => path,
  fallback = 'form',
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = toFormPath(issue.path) || fallback;
    errors[path] ??= issueSentence(t, issue.message);
  }
  return errors;
}

/**
 * What to tell the person when a write was refused: the core's own sentence
 * for a refusal by rule (validation, conflict, not allowed for this role),
 * else the translated sentence for the error's code (offline, internal).
 */
export function refusalSentence(t: Translate, error: unknown): string {
  const code = errorCodeOf(error);
  if (error instanceof ApiError && ['VALIDATION', 'CONFLICT', 'NOT_FOUND'].includes(code)) return error.message;
  return t(`error.${code}`);
}

export const isConflict = (error: unknown): boolean => errorCodeOf(error) === 'CONFLICT';
