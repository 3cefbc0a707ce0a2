import type { Translate } from '../../../i18n';
import { firstIssuePerField, translateIssue, type FieldIssue, type IssuePatterns } from '../../../components/fieldIssues';

/**
 * Turns the contract's zod messages (English fragments such as "opening time
 * must be before closing time") and the core's VALIDATION answers into one
 * sentence per field in the UI language. The known messages are translated by
 * pattern; an unknown one is shown as it is rather than hidden.
 */
export { isConflict, refusalSentence, serverIssues, zodIssues, type FieldIssue } from '../../../components/fieldIssues';

const PATTERNS: IssuePatterns = [
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
  return (
    translateIssue(t, PATTERNS, message) ??
    `${message.charAt(0).toUpperCase()}${message.slice(1)}${/[.!?。]$/.test(message) ? '' : '.'}`
  );
}

/**
 * Form errors keyed by form path. `toFormPath` maps a schema path onto the
 * form's own field names; an issue it cannot place lands on `fallback`.
 */
export function formErrors(
  t: Translate,
  issues: FieldIssue[],
  toFormPath: (path: string) => string = (path) => path,
  fallback = 'form',
): Record<string, string> {
  return firstIssuePerField(issues, (issue) => toFormPath(issue.path) || fallback, (issue) => issueSentence(t, issue.message));
}
