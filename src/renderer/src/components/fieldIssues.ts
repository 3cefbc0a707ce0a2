import type { z } from 'zod';
import { ApiError, errorCodeOf } from '../api';
import type { MessageKey, Translate } from '../i18n';

/**
 * Validation issues, from the contract's zod schema in a form or from the
 * core's VALIDATION answer (`details.issues`), and the sentences a form shows
 * for them. Each area keeps its own table of known messages (the schemas'
 * English fragments) and how a sentence reads; the plumbing lives here.
 */
export interface FieldIssue {
  /** Dotted path as the schema names it: 'tiers.1.threshold', 'calendar.hours.3.end'. */
  path: string;
  message: string;
}

/** Known schema messages and the key of their translation; named groups become the message's variables. */
export type IssuePatterns = [RegExp, MessageKey][];

/** The translation of the first pattern that matches `message`, or null for a message no pattern knows. */
export function translateIssue(t: Translate, patterns: IssuePatterns, message: string): string | null {
  for (const [pattern, key] of patterns) {
    const match = pattern.exec(message);
    if (match) return t(key, { ...match.groups });
  }
  return null;
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
 * Form errors keyed by form path, one sentence per field: the first issue of
 * a field is the one to fix first.
 */
export function firstIssuePerField(
  issues: FieldIssue[],
  formPath: (issue: FieldIssue) => string,
  sentence: (issue: FieldIssue) => string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[formPath(issue)] ??= sentence(issue);
  return errors;
}

/**
 * What to tell the person when a write was refused. The core's sentence is
 * specific ("…has 120 points, the reward costs 500") for refusals by rule
 * (validation, conflict, not found); for anything else (offline, internal)
 * the translated sentence for the error's code.
 */
export function refusalSentence(t: Translate, error: unknown): string {
  const code = errorCodeOf(error);
  if (error instanceof ApiError && (code === 'VALIDATION' || code === 'CONFLICT' || code === 'NOT_FOUND')) {
    return error.message;
  }
  return t(`error.${code}`);
}

export const isConflict = (error: unknown): boolean => errorCodeOf(error) === 'CONFLICT';
