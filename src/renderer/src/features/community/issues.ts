import type { z } from 'zod';
import { firstIssuePerField, serverIssues, translateIssue, zodIssues, type FieldIssue, type IssuePatterns } from '../../components/fieldIssues';
import type { Translate } from '../../i18n';

/**
 * The contract's zod messages for community inputs ("is required", "must be at
 * most 80 characters", "must be a web link…") as one sentence per field in the
 * UI language. The same table serves the form's own check and the core's
 * VALIDATION answer; a message no pattern knows is shown as it is.
 */
const PATTERNS: IssuePatterns = [
  [/^is required/, 'community.issue.required'],
  [/^must be at most (?<n>\d+) characters/, 'community.issue.tooLong'],
  [/^must be a web link/, 'community.issue.link'],
  [/^the start date must not be after the end date/, 'community.issue.dates'],
  [/^name at least one customer/, 'community.issue.noCustomers'],
  [/^Too small: expected string to have >=\s*1\b/, 'community.issue.required'],
  [/^Too big: expected string to have <=\s*(?<n>\d+)/, 'community.issue.tooLong'],
  [/^Too big: expected array to have <=\s*(?<n>\d+)/, 'community.issue.tooMany'],
  [/^Too big: .*<=\s*(?<n>\d+)/, 'community.issue.atMost'],
  [/^Too small: .*>=\s*(?<n>\d+)/, 'community.issue.atLeast'],
  [/^Invalid input: expected int/, 'community.issue.whole'],
  [/^Invalid (input|option)/, 'community.issue.required'],
];

export function issueSentence(t: Translate, message: string): string {
  return translateIssue(t, PATTERNS, message) ?? `${message.charAt(0).toUpperCase()}${message.slice(1)}${/[.!?。]$/.test(message) ? '' : '.'}`;
}

/** Form errors keyed by the schema's top-level field ("moderators.2" lands on "moderators"). */
export function fieldErrors(t: Translate, issues: FieldIssue[]): Record<string, string> {
  return firstIssuePerField(issues, (issue) => issue.path.split('.')[0] || 'form', (issue) => issueSentence(t, issue.message));
}

/** The form's own check with the contract's schema, before anything is sent. */
export function checkWith(t: Translate, schema: z.ZodType, input: unknown): Record<string, string> {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : fieldErrors(t, zodIssues(parsed.error));
}

/** The field errors of a refused save (VALIDATION from the core); empty for any other refusal. */
export const serverFieldErrors = (t: Translate, error: unknown): Record<string, string> => fieldErrors(t, serverIssues(error));
