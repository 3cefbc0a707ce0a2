import type { z } from 'zod';
import { ApiError, errorCodeOf } from '../../api';
import type { MessageKey, Translate } from '../../i18n';

/**
 * Validation issues, from the contract's zod schema in the form or from the
 * core's VALIDATION answer (`details.issues`), turned into one sentence per
 * field: "Threshold must be greater than the previous tier's threshold (100)."
 * The schema's messages are English fragments; the known ones are translated
 * by pattern, an unknown one is shown as it is rather than hidden.
 */
export interface FieldIssue {
  /** Dotted path as the form names fields: 'tiers.1.threshold'. */
  path: string;
  message: string;
}

const PATTERNS: [RegExp, MessageKey][] = [
  [/^is required/, 'loyalty.issue.required'],
  [/^Invalid input/, 'loyalty.issue.required'],
  [/^must not be negative$/, 'loyalty.issue.notNegative'],
  [/^must be at most (?<n>\d+) days$/, 'loyalty.issue.atMostDays'],
  [/^must be at most (?<n>\d+) months$/, 'loyalty.issue.atMostMonths'],
  [/^must be at most (?<n>\d+) characters$/, 'loyalty.issue.atMostChars'],
  [/^must be at most (?<n>\d+)$/, 'loyalty.issue.atMost'],
  [/^must be at least (?<n>\d+)/, 'loyalty.issue.atLeast'],
  [/^must be greater than 0$/, 'loyalty.issue.positive'],
  [/^must have at most 2 decimal places$/, 'loyalty.issue.twoDecimals'],
  [/^must be a whole/, 'loyalty.issue.whole'],
  [/^must be a slug/, 'loyalty.issue.slug'],
  [/^must be 0 for the first tier/, 'loyalty.issue.firstTierZero'],
  [/^must be greater than the previous tier's threshold \((?<n>\d+)\)$/, 'loyalty.issue.tierOverlap'],
  [/^"(?<value>.*)" is already used by another tier$/, 'loyalty.issue.tierDuplicate'],
  [/^"(?<value>.*)" is already used by another campaign$/, 'loyalty.issue.campaignDuplicate'],
  [/^must not be before the start date \((?<value>.+)\)$/, 'loyalty.issue.endBeforeStart'],
  [/^must be (a calendar date|a real calendar date)/, 'loyalty.issue.date'],
  [/^must be empty for a/, 'loyalty.issue.mustBeEmpty'],
  [/^must hold at most (?<n>\d+)/, 'loyalty.issue.tooMany'],
];

/** "Threshold must be …" in the UI language. */
export function issueSentence(t: Translate, fieldLabel: string, message: string): string {
  for (const [pattern, key] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return t('loyalty.issue.sentence', { field: fieldLabel, message: t(key, { ...match.groups }) });
  }
  return t('loyalty.issue.sentence', { field: fieldLabel, message });
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
 * What to tell the merchant when a write was refused. The core's sentence is
 * specific ("…has 120 points, the reward costs 500") for refusals by rule;
 * for anything else (offline, internal) the translated sentence for the code.
 */
export function refusalSentence(t: Translate, error: unknown): string {
  const code = errorCodeOf(error);
  if (error instanceof ApiError && (code === 'VALIDATION' || code === 'CONFLICT' || code === 'NOT_FOUND')) {
    return error.message;
  }
  return t(`error.${code}`);
}

/** Form errors keyed by path, each a sentence; `label` names the field a path belongs to. */
export function formErrors(t: Translate, issues: FieldIssue[], label: (path: string) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    // One sentence per field: the first issue is the one to fix first.
    errors[issue.path] ??= issueSentence(t, label(issue.path), issue.message);
  }
  return errors;
}
